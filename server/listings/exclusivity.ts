/**
 * Which agreements on an offer exclude each other: an offer sold once (fixed price, auction), an
 * exclusive licence or an assignment goes to one buyer, and only while nobody else holds any
 * licence of it. Pure rules; the listing store keeps what the offer is committed to (its award
 * claim and its list of licensees) and asks these rules under the listing's lock.
 */
import {
  EXCLUSIVE_TRANSFER_MODES,
  type ListingKind,
  type PricingModel,
  type TransferMode,
} from '../api-contract/enums';

/** Who holds (or asks for) a commitment of the offer: a bid, its deal, or a deal opened directly. */
export interface CommitmentHolder {
  bidId?: string;
  dealId?: string;
}

/** What an offer is committed to: one exclusive holder (the award) and the deals licensed non-exclusively. */
export interface OfferCommitments {
  award?: CommitmentHolder | null;
  licensees: readonly string[];
}

export interface ListingTerms {
  kind: ListingKind;
  pricingModel?: PricingModel | null;
  transferModes?: readonly TransferMode[];
}

/** Whether an agreement on these terms takes the whole offer (one buyer only). */
export function isExclusiveAgreement(
  listing: ListingTerms,
  terms: { exclusivity?: boolean | null; transferMode?: TransferMode | null },
): boolean {
  if (listing.kind !== 'offer') return false;
  if (listing.pricingModel === 'fixed' || listing.pricingModel === 'auction') return true;
  if (terms.exclusivity) return true;
  if (terms.transferMode && EXCLUSIVE_TRANSFER_MODES.includes(terms.transferMode)) return true;
  const modes = listing.transferModes ?? [];
  return modes.length > 0 && modes.every((m) => EXCLUSIVE_TRANSFER_MODES.includes(m));
}

/** The same bid, or the same deal: a holder asking again (a retried step) is not a rival. */
export function sameHolder(a: CommitmentHolder, b: CommitmentHolder): boolean {
  if (a.dealId && b.dealId) return a.dealId === b.dealId;
  return !!a.bidId && a.bidId === b.bidId;
}

/**
 * Why `candidate` cannot be committed the offer, or null when it can. An exclusive agreement
 * conflicts with any other holder, exclusive or not; a non-exclusive one with an exclusive holder.
 */
export function commitmentConflict(
  current: OfferCommitments,
  candidate: CommitmentHolder & { exclusive: boolean },
): string | null {
  if (current.award && !sameHolder(current.award, candidate)) {
    return 'This technology has already been committed to another buyer (sold or licensed exclusively).';
  }
  if (!candidate.exclusive) return null;
  const others = current.licensees.filter((dealId) => dealId !== candidate.dealId);
  if (others.length > 0) {
    return 'This technology is already licensed to another buyer; it can no longer be sold or licensed exclusively.';
  }
  return null;
}
