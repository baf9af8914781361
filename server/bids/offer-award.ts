/**
 * The award of an offer that can be sold only once (fixed price, auction, exclusive licence,
 * assignment). The award is a claim (`offer-award:<offerId>`, see common/claims.ts): the
 * first accepted bid to insert it holds the offer, so two owners' clicks (or two server
 * processes) cannot hand the same technology to two buyers. The offer document carries a copy
 * (`award: {bidId, dealId, at}`, not declared in the offer schema: written with `strict` off)
 * for readers of the offer; the claim is what decides.
 */
import { OfferModel } from '../offers/offer.model';
import { withListingLock } from '../listings/listing-store';
import { claimOnce, readClaim, releaseClaim, updateClaimData } from '../common/claims';

const MIRROR = { strict: false, strictQuery: false } as const;

export interface OfferAward {
  bidId: string;
  dealId?: string;
}

export const awardKey = (offerId: string) => `offer-award:${offerId}`;

export async function readOfferAward(offerId: string): Promise<OfferAward | null> {
  return (await readClaim<OfferAward>(awardKey(offerId)))?.data ?? null;
}

/** Claims the offer for `bidId`; true when this call (or an earlier one for the same bid) holds it. */
export async function claimOfferAward(
  offerId: string,
  bidId: string,
  opts: { requirePublished: boolean },
): Promise<boolean> {
  if (opts.requirePublished) {
    const offer = await OfferModel.findById(offerId, { status: 1 }).lean();
    if (offer?.status !== 'published') return false;
  }
  if (await claimOnce(awardKey(offerId), { bidId })) {
    await withListingLock('offer', offerId, () =>
      OfferModel.updateOne({ _id: offerId }, { $set: { award: { bidId, at: new Date() } } }, MIRROR),
    );
    return true;
  }
  return (await readOfferAward(offerId))?.bidId === bidId;
}

export async function recordAwardDeal(offerId: string, bidId: string, dealId: string): Promise<void> {
  if ((await readOfferAward(offerId))?.bidId !== bidId) return;
  await updateClaimData(awardKey(offerId), { dealId });
  await withListingLock('offer', offerId, () =>
    OfferModel.updateOne({ _id: offerId }, { $set: { 'award.dealId': dealId } }, MIRROR),
  );
}

/** Frees the offer again when the bid holding it could not become a deal, or its deal failed. */
export async function releaseOfferAward(
  offerId: string,
  holder: { bidId?: string; dealId?: string },
): Promise<void> {
  const award = await readOfferAward(offerId);
  if (!award) return;
  const holds = holder.dealId
    ? award.dealId === holder.dealId
    : !!holder.bidId && award.bidId === holder.bidId;
  if (!holds) return;
  await releaseClaim(awardKey(offerId));
  await withListingLock('offer', offerId, () =>
    OfferModel.updateOne({ _id: offerId }, { $unset: { award: 1 } }, MIRROR),
  );
}
