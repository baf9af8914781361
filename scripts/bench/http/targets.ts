/**
 * The figures issue 20 asks of each route: reads of the database at least a quarter of bare
 * Express's requests per second; pages at p95 ≤ 50 ms at 10,000 listings and ≤ 100 ms at
 * 100,000; writes at p99 ≤ 100 ms with 20 concurrent writers. Pure.
 */
export interface Targets {
  ratio?: number;
  p95?: number;
  p99?: number;
}

export function targetsFor(route: {
  kind: 'read' | 'write';
  db: boolean;
  page: boolean;
  listings: number;
}): Targets {
  if (route.kind === 'write') return { p99: 100 };
  const targets: Targets = {};
  if (route.db) targets.ratio = 0.25;
  if (route.page && route.listings >= 10_000) targets.p95 = route.listings >= 100_000 ? 100 : 50;
  return targets;
}

export function describeTargets(t: Targets): string {
  const parts: string[] = [];
  if (t.ratio !== undefined) parts.push(`ratio ≥ ${t.ratio}`);
  if (t.p95 !== undefined) parts.push(`p95 ≤ ${t.p95} ms`);
  if (t.p99 !== undefined) parts.push(`p99 ≤ ${t.p99} ms`);
  return parts.join(', ');
}
