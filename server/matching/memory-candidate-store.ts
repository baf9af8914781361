/** Candidates held in memory: for benchmarks and tests that run the matcher without a database. */
import type { Matchable, MatchKind } from './matchable';
import type { CandidateStore } from './matcher';

export function memoryCandidateStore(listings: readonly Matchable[]): CandidateStore {
  const byId = new Map<string, Matchable>();
  const byField = new Map<string, Matchable[]>();
  const bySubField = new Map<string, Matchable[]>();
  const push = (map: Map<string, Matchable[]>, key: string, l: Matchable) =>
    map.set(key, [...(map.get(key) ?? []), l]);
  for (const l of listings) {
    byId.set(`${l.kind}:${l.id}`, l);
    push(byField, `${l.kind}:${l.field}`, l);
    if (l.subField) push(bySubField, `${l.kind}:${l.subField}`, l);
  }
  return {
    async byIds(kind: MatchKind, ids: string[]) {
      return ids.flatMap((id) => byId.get(`${kind}:${id}`) ?? []);
    },
    async sameField(kind, field, subField, limit) {
      const sameSub = subField ? (bySubField.get(`${kind}:${subField}`) ?? []).slice(0, limit) : [];
      const taken = new Set(sameSub.map((l) => l.id));
      const rest = (byField.get(`${kind}:${field}`) ?? []).filter((l) => !taken.has(l.id));
      return [...sameSub, ...rest.slice(0, limit - sameSub.length)];
    },
  };
}
