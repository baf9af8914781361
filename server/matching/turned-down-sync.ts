/**
 * Teaches the matcher from outcome reasons: when a buyer walks away from (or cancels) a deal on
 * an offer as `trl_too_low`, its organisation's demands are matched to more mature offers first
 * (match-score.ts, `trl_turned_down`). Follows the deal store's writes.
 */
import { logger } from '../common/logger';
import { onRecordWritten, type RecordChange } from '../common/record-changes';
import { cachedUserSummary } from '../auth';
import { raiseTurnedDownTrl } from './turned-down.store';

/** An offer's TRL as the cached listing reference has it (bids' cachedListingRef, passed in by app.ts). */
export type OfferRefOf = (kind: 'offer', id: string) => Promise<{ trl?: number } | null>;

export async function followDealOutcome(change: RecordChange, cachedListingRef: OfferRefOf): Promise<void> {
  const { type, before, after } = change;
  if (type !== 'deal' || !after || after.listingKind !== 'offer' || !after.offerId) return;
  const outcome = after.outcome as { reason?: string; by?: unknown } | undefined;
  const earlier = (before?.outcome as { reason?: string } | undefined)?.reason;
  if (outcome?.reason !== 'trl_too_low' || earlier === 'trl_too_low' || !outcome.by) return;
  // Only the buyer's own verdict teaches the buyer's matches.
  const by = await cachedUserSummary(String(outcome.by));
  if (!by || by.organizationId !== String(after.buyerOrgId)) return;
  const offer = await cachedListingRef('offer', String(after.offerId));
  if (typeof offer?.trl !== 'number') return;
  await raiseTurnedDownTrl(String(after.buyerOrgId), offer.trl);
}

/** Registers the follower once per process (again in a new app: it replaces the previous one). */
export function followTurnedDownTrls(cachedListingRef: OfferRefOf): void {
  onRecordWritten(async (change) => {
    try {
      await followDealOutcome(change, cachedListingRef);
    } catch (err) {
      logger.error({ err, id: change.id }, 'turned-down TRL not recorded');
    }
  }, 'match-turned-down');
}
