/**
 * Polls `check` until it returns a value (background work makes it true); fails naming `what`
 * after `attempts` tries `intervalMs` apart.
 */
export async function eventually<T>(
  check: () => Promise<T | null | undefined | false>,
  what: string,
  { attempts = 200, intervalMs = 50 }: { attempts?: number; intervalMs?: number } = {},
): Promise<T> {
  for (let i = 0; i < attempts; i++) {
    const value = await check();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`gave up waiting: ${what}`);
}
