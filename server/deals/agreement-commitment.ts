/**
 * An agreement on an offer commits the offer (exclusivity.ts): before a deal becomes agreed, the
 * listing store records it as the offer's exclusive holder or as one of its licensees, or refuses
 * with 409 when another buyer holds it. Flows that may agree a deal hold the listing's lock and
 * then the deal's (LOCK_ORDER), so two deals on one offer are decided one after the other.
 */
import { holdLocks } from '../common/store';
import { loadListing } from '../listings';
import { commitOffer, listingLockKey, isExclusiveAgreement } from '../listings';
import type { DealDoc } from './deal.model';
import { dealStore } from './deal.store';

/** What locking a deal with its listing needs: the stored deal or its view (with `_id`). */
export type DealListing = {
  _id: unknown;
  listingKind: DealDoc['listingKind'];
  offerId?: unknown;
  demandId?: unknown;
};

/** Runs `fn` holding the deal's listing and then the deal (a deal's listing never changes). */
export function holdDealAndListing<T>(deal: DealListing, fn: () => Promise<T>): Promise<T> {
  const listingId = String(deal.listingKind === 'offer' ? deal.offerId : deal.demandId);
  return holdLocks([listingLockKey(deal.listingKind, listingId), dealStore.lockKey(String(deal._id))], fn);
}

/** Commits the deal's offer to its agreement on `version`; 409 when another buyer holds the offer. */
export async function commitAgreement(deal: DealDoc, version: number): Promise<void> {
  if (deal.listingKind !== 'offer' || !deal.offerId) return;
  const sheet = deal.termSheets[version - 1];
  const listing = await loadListing('offer', String(deal.offerId));
  if (!sheet || !listing) return;
  const exclusive = isExclusiveAgreement(
    { kind: 'offer', pricingModel: listing.pricingModel, transferModes: listing.transferModes },
    { exclusivity: sheet.exclusivity },
  );
  const holder = { dealId: String(deal._id), ...(deal.bidId ? { bidId: String(deal.bidId) } : {}) };
  await commitOffer(listing.id, holder, exclusive);
}
