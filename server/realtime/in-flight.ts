/**
 * The socket events being handled now. A shutdown closes the transports first (no new events),
 * then lets these finish before closing the adapters: a message stored by a send still under
 * way is then announced to the other processes too. Without the wait, its sender's retry finds
 * it stored and announces nothing, and members on other processes never see it live.
 */
export class InFlight {
  private readonly pending = new Set<Promise<unknown>>();

  wrap<A extends unknown[]>(handler: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
    return (...args) => {
      const running = handler(...args);
      this.pending.add(running);
      const done = () => void this.pending.delete(running);
      running.then(done, done);
      return running;
    };
  }

  get size(): number {
    return this.pending.size;
  }

  /** Resolves once every event under way has been handled, or after `timeoutMs`. */
  async settled(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.pending]),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs))),
    ]);
    clearTimeout(timer);
  }
}
