/** Searching published listings: only the search engine is asked, never the database. */
import { AppError } from '../common/errors';
import { logger } from '../common/logger';
import type { SearchEngine, SearchQuery, SearchResult } from '../../search';
import { searchRangeViolations } from './search.schemas';
import { appraisalBadges } from '../appraisals';

export async function searchListings(search: SearchEngine, query: SearchQuery): Promise<SearchResult> {
  const broken = searchRangeViolations(query);
  if (broken.length > 0) throw AppError.validation(broken);
  let result: SearchResult;
  try {
    result = await search.search(query);
  } catch (err) {
    logger.error({ err }, 'search engine failed');
    throw AppError.unavailable('The search engine is not answering');
  }
  return withAppraisalBadges(result);
}

/** Hits of appraised listings carry their badge (kept in memory by the appraisals component, not asked of the database). */
async function withAppraisalBadges(result: SearchResult): Promise<SearchResult> {
  const badges = await appraisalBadges();
  if (badges.size === 0) return result;
  return {
    ...result,
    hits: result.hits.map((hit) => {
      const badge = badges.get(`${hit.kind}:${hit.id}`);
      return badge ? { ...hit, appraisal: badge } : hit;
    }),
  };
}
