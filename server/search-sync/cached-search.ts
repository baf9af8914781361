/**
 * The exchange's search engine with repeated answers reused: emptied by every index write in this
 * process and, when another process writes a listing (the cache relay tells), here too.
 */
import { withResultCache, type SearchEngine } from '../../search';
import { onCacheClear, onCacheInvalidation } from '../common/record-cache';

const CACHED_ANSWERS = 1000;

export function cacheSearchAnswers(engine: SearchEngine, ttlMs: number): SearchEngine {
  if (ttlMs <= 0) return engine;
  const cached = withResultCache(engine, { max: CACHED_ANSWERS, ttlMs });
  const stopInvalidating = onCacheInvalidation((change) => {
    if (change.type === 'offer' || change.type === 'demand') cached.invalidate();
  });
  const stopClearing = onCacheClear(() => cached.invalidate());
  return {
    ...cached,
    close: async () => {
      stopInvalidating();
      stopClearing();
      await cached.close();
    },
  };
}
