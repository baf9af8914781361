/**
 * The one writer of what organisations turned down as too immature: raised (never lowered) under
 * the organisation's lock, read by `_id` and kept here for a minute (another process's raise
 * shows within that time).
 */
import { LRUCache } from 'lru-cache';
import { withLock } from '../common/locks';
import { onCacheClear } from '../common/record-cache';
import { TurnedDownModel } from './turned-down.model';

const known = new LRUCache<string, { trl: number | null }>({ max: 20_000, ttl: 60_000 });
onCacheClear(() => known.clear());

const collection = () => TurnedDownModel.collection;

/** Records that the organisation found an offer at `trl` too low; keeps the highest such TRL. */
export function raiseTurnedDownTrl(orgId: string, trl: number): Promise<void> {
  return withLock(`match-turned-down:${orgId}`, async () => {
    const current = (await collection().findOne({ _id: orgId } as never)) as { trl?: number } | null;
    if (typeof current?.trl === 'number' && current.trl >= trl) return;
    await collection().replaceOne({ _id: orgId } as never, { trl, at: new Date() } as never, {
      upsert: true,
    });
    known.set(orgId, { trl });
  });
}

/** The highest TRL the organisation turned down as too low, or null. */
export async function turnedDownTrl(orgId: string): Promise<number | null> {
  const hit = known.get(orgId);
  if (hit) return hit.trl;
  const found = (await collection().findOne({ _id: orgId } as never)) as { trl?: number } | null;
  const trl = typeof found?.trl === 'number' ? found.trl : null;
  known.set(orgId, { trl });
  return trl;
}
