/** Searching published listings: only the search engine is asked, never the database. */
import { AppError } from '../common/errors';
import { logger } from '../common/logger';
import { SerializedJson } from '../common/response-cache';
import type { SearchEngine, SearchQuery, SearchResult } from '../../search';
import type { ListingKind } from '../api-contract/enums';
import { searchRangeViolations } from './search.schemas';
import { ANY_ORIGIN } from '../../search';

/** A published appraisal's badge on a hit. */
export interface AppraisalBadge {
  trlAssessed: number;
  at: string;
  type: string;
}
type Badges = ReadonlyMap<string, AppraisalBadge>;

/** Where imported listings live on their home exchanges. */
export interface ListingHomes {
  homeOf(origin: string, kind: ListingKind, id: string): { name: string; url: string } | null;
}

/**
 * What the answer adds to the engine's hits, read from the components that keep it (app.ts
 * passes in appraisals' appraisalBadges and federation's homeExchanges).
 */
export interface HitSources {
  appraisalBadges(): Promise<Badges>;
  homeExchanges(): Promise<ListingHomes>;
}

/**
 * Answers already serialized, by the engine's result object: a repeated search answered from the
 * engine's cache (the same object until the index changes) is sent without serializing its
 * hits again, unless the appraisal badges changed since.
 */
const serialized = new WeakMap<
  SearchResult,
  { badges: Badges; homes: ListingHomes; answer: SerializedJson }
>();

export async function searchListings(
  search: SearchEngine,
  query: SearchQuery,
  { appraisalBadges, homeExchanges }: HitSources,
): Promise<SerializedJson> {
  const broken = searchRangeViolations(query);
  if (broken.length > 0) throw AppError.validation(broken);
  let result: SearchResult;
  try {
    // The public search finds every origin's listings unless one is asked for.
    result = await search.search({ ...query, origin: query.origin ?? ANY_ORIGIN });
  } catch (err) {
    logger.error({ err }, 'search engine failed');
    throw AppError.unavailable('The search engine is not answering');
  }
  const [badges, homes] = await Promise.all([appraisalBadges(), homeExchanges()]);
  const known = serialized.get(result);
  if (known && known.badges === badges && known.homes === homes) return known.answer;
  const answer = new SerializedJson(JSON.stringify(withHomes(withAppraisalBadges(result, badges), homes)));
  serialized.set(result, { badges, homes, answer });
  return answer;
}

/** Hits imported from partner exchanges carry their home exchange's name and the listing's page there. */
function withHomes(result: SearchResult, homes: ListingHomes): SearchResult {
  if (!result.hits.some((hit) => hit.origin)) return result;
  return {
    ...result,
    hits: result.hits.map((hit) => {
      const home = hit.origin ? homes.homeOf(hit.origin, hit.kind, hit.id) : null;
      return home ? { ...hit, home } : hit;
    }),
  };
}

/** Hits of appraised listings carry their badge (kept in memory by the appraisals component, not asked of the database). */
function withAppraisalBadges(result: SearchResult, badges: Badges): SearchResult {
  if (badges.size === 0) return result;
  return {
    ...result,
    hits: result.hits.map((hit) => {
      const badge = badges.get(`${hit.kind}:${hit.id}`);
      return badge ? { ...hit, appraisal: badge } : hit;
    }),
  };
}
