/**
 * The last lines of `npm test`: skipped tests with their reasons, failed tests with their errors, then
 * `N passed, N failed, N skipped`. A full run that ran fewer tests than the committed
 * baseline (test/baseline-count.txt) counts as one more failure: tests cannot vanish quietly.
 * A test skipped with its reason given (an engine absent on this machine) is counted as
 * accounted for, so the baseline holds on machines with and without the optional engines.
 */
export interface Summary {
  passes: number;
  failures: number;
  pending: number;
  skipped?: { title: string; reason: string; explained?: boolean }[];
  failed?: { title: string; error: string }[];
  /** Seconds each test file took (test/fixtures/reporter.cjs). */
  fileSeconds?: Record<string, number>;
}

export function summaryLines(
  summary: Summary,
  opts: { exitedBadly: boolean; baseline?: number },
): {
  lines: string[];
  failed: number;
} {
  const lines: string[] = [];
  let failed = summary.failures + (opts.exitedBadly && summary.failures === 0 ? 1 : 0);
  for (const s of summary.skipped ?? []) lines.push(`skipped: ${s.title} (${s.reason})`);
  for (const f of summary.failed ?? []) lines.push(`failed: ${f.title}: ${f.error}`);
  const explained = (summary.skipped ?? []).filter((s) => s.explained).length;
  const ran = summary.passes + summary.failures + explained;
  if (opts.baseline !== undefined) {
    if (ran < opts.baseline) {
      lines.push(
        `fewer tests ran (${ran}, with ${explained} skipped for a stated reason) than the baseline (${opts.baseline}, test/baseline-count.txt): a test file was lost or not loaded`,
      );
      failed += 1;
    } else if (ran > opts.baseline) {
      lines.push(`${ran} tests ran: raise test/baseline-count.txt from ${opts.baseline} to ${ran}`);
    }
  }
  lines.push(`${summary.passes} passed, ${failed} failed, ${summary.pending} skipped`);
  return { lines, failed };
}

export function parseBaseline(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text.trim());
  return Number.isInteger(n) && n > 0 ? n : undefined;
}
