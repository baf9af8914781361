/** Searching published listings: only the search engine is asked, never the database. */
import { AppError } from '../common/errors';
import { logger } from '../common/logger';
import type { SearchEngine, SearchQuery, SearchResult } from '../../search';
import { searchRangeViolations } from './search.schemas';

export async function searchListings(search: SearchEngine, query: SearchQuery): Promise<SearchResult> {
  const broken = searchRangeViolations(query);
  if (broken.length > 0) throw AppError.validation(broken);
  try {
    return await search.search(query);
  } catch (err) {
    logger.error({ err }, 'search engine failed');
    throw AppError.unavailable('The search engine is not answering');
  }
}
