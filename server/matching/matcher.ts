/**
 * Finds the counterpart listings that best answer a listing: offers for a demand, demands for an
 * offer. Candidates come from two sources, so that neither shared words nor a shared field alone
 * decide who is looked at:
 *  - the search engine's text relevance of the listing's words over the counterpart kind;
 *  - published listings of the same sub-field (then field), whatever their words.
 * Every candidate is then scored by scoreMatch (text relevance + structured fit), and the best
 * above `minScore` are kept. A same-field listing outside the text search's top `textCandidates`
 * counts as textually unrelated (relevance 0): ranking it separately would cost a second full
 * text query for a small correction. No database or HTTP here: the caller supplies the candidate store.
 */
import type { RelevanceHit, RelevanceOptions } from '../../search/types';
import { scoreMatch, type MatchReason, type MatchWeights } from './match-score';
import {
  counterpartKind,
  matchText,
  toMatchDemand,
  toMatchOffer,
  type Matchable,
  type MatchKind,
} from './matchable';

export interface CandidateStore {
  /** Published listings of `kind` with these ids; unknown or unpublished ids are left out. */
  byIds(kind: MatchKind, ids: string[]): Promise<Matchable[]>;
  /** Published listings of `kind` of the same sub-field first, then the same field; newest first. */
  sameField(
    kind: MatchKind,
    field: string,
    subField: string | null | undefined,
    limit: number,
  ): Promise<Matchable[]>;
}

export interface MatcherDeps {
  relevance(text: string, opts: RelevanceOptions): Promise<RelevanceHit[]>;
  store: CandidateStore;
}

export interface MatchOptions {
  limit: number;
  minScore: number;
  /** How many listings the text search proposes. */
  textCandidates?: number;
  /** How many same-field listings the database proposes. */
  fieldCandidates?: number;
  weights?: Partial<MatchWeights>;
}

export interface ScoredMatch {
  listing: Matchable;
  score: number;
  textRelevance: number;
  reasons: MatchReason[];
}

export const DEFAULT_TEXT_CANDIDATES = 200;
export const DEFAULT_FIELD_CANDIDATES = 100;

export async function findMatches(
  source: Matchable,
  deps: MatcherDeps,
  opts: MatchOptions,
): Promise<ScoredMatch[]> {
  const kind = counterpartKind(source.kind);
  const text = matchText(source);
  const [textHits, fieldListings] = await Promise.all([
    deps.relevance(text, { kind, limit: opts.textCandidates ?? DEFAULT_TEXT_CANDIDATES }),
    deps.store.sameField(
      kind,
      source.field,
      source.subField,
      opts.fieldCandidates ?? DEFAULT_FIELD_CANDIDATES,
    ),
  ]);
  const relevanceById = new Map(textHits.map((h) => [h.id, h.score]));

  const candidates = new Map<string, Matchable>(fieldListings.map((l) => [l.id, l]));
  const toLoad = textHits.map((h) => h.id).filter((id) => !candidates.has(id));
  if (toLoad.length > 0) for (const l of await deps.store.byIds(kind, toLoad)) candidates.set(l.id, l);

  const scored: ScoredMatch[] = [];
  for (const candidate of candidates.values()) {
    if (candidate.id === source.id || candidate.organizationId === source.organizationId) continue;
    const textRelevance = relevanceById.get(candidate.id) ?? 0;
    const result = scorePair(source, candidate, textRelevance, opts.weights);
    if (result.score >= opts.minScore) scored.push({ listing: candidate, textRelevance, ...result });
  }
  scored.sort(
    (a, b) =>
      b.score - a.score || b.textRelevance - a.textRelevance || a.listing.id.localeCompare(b.listing.id),
  );
  return scored.slice(0, opts.limit);
}

/** Scores a pair whichever side is the offer. */
export function scorePair(
  a: Matchable,
  b: Matchable,
  textRelevance: number,
  weights?: Partial<MatchWeights>,
): { score: number; reasons: MatchReason[] } {
  const offer = a.kind === 'offer' ? a : b;
  const demand = a.kind === 'demand' ? a : b;
  if (offer.kind !== 'offer' || demand.kind !== 'demand')
    throw new Error('a match pairs an offer with a demand');
  return scoreMatch({ demand: toMatchDemand(demand), offer: toMatchOffer(offer), textRelevance }, weights);
}
