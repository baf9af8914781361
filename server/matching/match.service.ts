/** `GET /api/{offers|demands}/:id/matches`: the matcher over the search index and the listings by `_id`. */
import type { AppContext } from '../context';
import type { SessionUser } from '../common/session-user';
import type { Locale } from '../api-contract/enums';
import { reasonTexts, type MatchReason } from './match-score';
import { counterpartKind, matchableFromDoc, type Matchable, type MatchKind } from './matchable';
import { findMatches, type MatcherDeps, type ScoredMatch } from './matcher';
import { candidateStore } from './candidate-store';
import { listingViews, loadListingForViewer } from './listing-access';
import { turnedDownTrl } from './turned-down.store';

export const DEFAULT_MATCH_LIMIT = 10;
export const MAX_MATCH_LIMIT = 50;
/** Below this a pairing is more noise than match: not shown. */
export const MIN_MATCH_SCORE = 0.25;

export interface MatchView {
  offer?: Record<string, unknown>;
  demand?: Record<string, unknown>;
  score: number;
  reasons: string[];
  /** The same reasons with their codes and how each moved the score. */
  reasonDetails: { code: string; effect: MatchReason['effect']; text: string }[];
}

/**
 * Matches among the listings imported from partner exchanges (federation's findImportedMatches,
 * which app.ts passes in: matching does not import federation).
 */
export type ImportedMatchFinder = (
  ctx: Pick<AppContext, 'search'>,
  source: Matchable,
  opts: { limit: number; minScore: number },
) => Promise<{ match: ScoredMatch; view: Record<string, unknown> }[]>;

export function matcherDeps(ctx: Pick<AppContext, 'search'>): MatcherDeps {
  return { relevance: (text, opts) => ctx.search.relevance(text, opts), store: candidateStore(ctx.search) };
}

export async function matchesForListing(
  ctx: Pick<AppContext, 'search'>,
  viewer: SessionUser | undefined,
  kind: MatchKind,
  id: string,
  opts: { limit: number; locale: Locale },
  findImportedMatches: ImportedMatchFinder,
): Promise<{ matches: MatchView[]; imported: MatchView[] }> {
  const doc = await loadListingForViewer(viewer, kind, id);
  const source = matchableFromDoc(kind, doc);
  if (source.kind === 'demand') source.trlTurnedDown = await turnedDownTrl(source.organizationId);
  const matchOpts = { limit: opts.limit, minScore: MIN_MATCH_SCORE };
  const [matches, imported] = await Promise.all([
    findMatches(source, matcherDeps(ctx), matchOpts),
    findImportedMatches(ctx, source, matchOpts),
  ]);
  const counterpart = counterpartKind(kind);
  return {
    matches: await toViews(counterpart, matches, viewer, opts.locale),
    // Partners' listings in their own group after this exchange's own: read-only, no local actions.
    imported: imported.map(({ match, view }) => toView(counterpart, view, match, opts.locale)),
  };
}

function toView(kind: MatchKind, view: Record<string, unknown>, m: ScoredMatch, locale: Locale): MatchView {
  return {
    [kind]: view,
    score: m.score,
    reasons: reasonTexts(m.reasons, locale),
    reasonDetails: m.reasons.map((r) => ({ code: r.code, effect: r.effect, text: r.text[locale] })),
  };
}

async function toViews(
  kind: MatchKind,
  matches: ScoredMatch[],
  viewer: SessionUser | undefined,
  locale: Locale,
): Promise<MatchView[]> {
  const views = await listingViews(
    kind,
    matches.map((m) => m.listing.id),
    viewer,
  );
  return matches.flatMap((m) => {
    const view = views.get(m.listing.id);
    return view ? [toView(kind, view, m, locale)] : [];
  });
}
