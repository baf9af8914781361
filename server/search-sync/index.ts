/** Keeping the search index in line with the database: the indexer, indexing on write, and the answer cache. */
export { startSearchSync } from './search-sync.starter';
export { searchSyncWorkerOf } from './search-sync.worker';
export { indexListingsOnWrite } from './index-on-write';
export { cacheSearchAnswers } from './cached-search';
