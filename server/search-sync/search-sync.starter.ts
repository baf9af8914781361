import type { BackgroundStarter } from '../context';
import { startSearchSyncWorker } from './search-sync.worker';

/** Keeps the search index in line with the database while the exchange runs. */
export const startSearchSync: BackgroundStarter = (ctx) => startSearchSyncWorker(ctx);
