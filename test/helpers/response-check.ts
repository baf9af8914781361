/**
 * Every API test's answers are checked against their routes' response schemas: the test app
 * reports each mismatch here (and answers it with a 500), and the root hook in
 * test/fixtures/global.ts fails the test that received one.
 */
import type { ResponseMismatch } from '../../server/common/api-router';

const mismatches: ResponseMismatch[] = [];

export function recordResponseMismatch(mismatch: ResponseMismatch): void {
  mismatches.push(mismatch);
}

/** The mismatches since the last call, as one message; undefined when there were none. */
export function takeResponseMismatches(): string | undefined {
  const taken = mismatches.splice(0);
  if (!taken.length) return undefined;
  return taken
    .map((m) => `${m.route} answered ${m.status} off its response schema:\n  ${m.problems.join('\n  ')}`)
    .join('\n');
}
