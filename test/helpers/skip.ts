/**
 * Skipping with a reason: the reporter lists every skipped test with why (a missing engine,
 * a service not under our control), so a skip is never a silent hole in the count.
 */
import type { Context } from 'mocha';

interface WithReason {
  skipReason?: string;
}

export function skipBecause(ctx: Context, reason: string): never {
  const runnable = ctx.currentTest ?? ctx.test;
  if (runnable) {
    (runnable as WithReason).skipReason = reason;
    if (runnable.parent) (runnable.parent as WithReason).skipReason ??= reason;
  }
  ctx.skip();
}
