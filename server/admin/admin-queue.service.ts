/** The operators' review queue: offers and demands awaiting review, oldest submitted first. */
import type { SessionUser } from '../common/session-user';
import { listingModel, viewListings, listingQueuePage, type ListingDoc } from '../listings';
import { LISTINGS_AWAITING_REVIEW, MAX_ENTRIES, readOwnerList } from '../read-models';
import { OFFER_SPEC } from '../offers';
import { DEMAND_SPEC } from '../demands';

const AWAITING = { status: 'pending_review' };

export async function reviewQueue(operator: SessionUser, page: number, limit: number) {
  const entries = await readOwnerList(LISTINGS_AWAITING_REVIEW);
  // A full list may have let go of its earliest entries: the queue is then read from the collections.
  if (entries.length >= MAX_ENTRIES) return scannedReviewQueue(operator, page, limit);
  const { views, total } = await listingQueuePage(
    entries,
    [OFFER_SPEC, DEMAND_SPEC],
    operator,
    { page, limit },
    (d) => d.status === 'pending_review',
  );
  return { queue: views, total, page, limit };
}

async function scannedReviewQueue(operator: SessionUser, page: number, limit: number) {
  // Both kinds are merged by submission time, so each kind contributes at most the first page*limit.
  const upTo = page * limit;
  const load = (kind: 'offer' | 'demand') =>
    listingModel(kind).find(AWAITING).sort({ submittedAt: 1, _id: 1 }).limit(upTo).lean<ListingDoc[]>();
  const [offers, demands, offerCount, demandCount] = await Promise.all([
    load('offer'),
    load('demand'),
    listingModel('offer').countDocuments(AWAITING),
    listingModel('demand').countDocuments(AWAITING),
  ]);
  const [offerViews, demandViews] = await Promise.all([
    viewListings(OFFER_SPEC, operator, offers),
    viewListings(DEMAND_SPEC, operator, demands),
  ]);
  const queue = [...offerViews, ...demandViews]
    .sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? '') || a.id.localeCompare(b.id))
    .slice((page - 1) * limit, upTo);
  return { queue, total: offerCount + demandCount, page, limit };
}
