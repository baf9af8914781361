/**
 * The listings the matches endpoint reads, through the listings component: the listing asked
 * about (its visibility rules) and the views of the matched counterparts.
 */
import mongoose from 'mongoose';
import { AppError } from '../common/errors';
import type { SessionUser } from '../common/session-user';
import {
  isListingOwner,
  isOperator,
  viewListings,
  listingLabel,
  listingModel,
  type ListingDoc,
} from '../listings';
import { findOfferForViewer, OFFER_SPEC } from '../offers';
import { DEMAND_SPEC, findDemandForViewer } from '../demands';
import type { MatchKind } from './matchable';

/**
 * The listing, when `viewer` may see its matches: a published listing's are public; those of any
 * other status only its organization's members and operators see (to others it is not found).
 */
export async function loadListingForViewer(
  viewer: SessionUser | undefined,
  kind: MatchKind,
  id: string,
): Promise<ListingDoc> {
  const doc = kind === 'offer' ? await findOfferForViewer(viewer, id) : await findDemandForViewer(viewer, id);
  if (doc.status !== 'published' && !isListingOwner(viewer, doc) && !isOperator(viewer)) {
    throw AppError.notFound(listingLabel(kind));
  }
  return doc;
}

/** The views of the published listings with these ids, as `viewer` may see them. */
export async function listingViews(
  kind: MatchKind,
  ids: string[],
  viewer: SessionUser | undefined,
): Promise<Map<string, Record<string, unknown>>> {
  if (ids.length === 0) return new Map();
  const docs = await listingModel(kind)
    .find({ _id: mongoose.trusted({ $in: ids }), status: 'published' })
    .lean<ListingDoc[]>();
  const views: { id: string }[] =
    kind === 'offer'
      ? await viewListings(OFFER_SPEC, viewer, docs)
      : await viewListings(DEMAND_SPEC, viewer, docs);
  return new Map(views.map((v) => [v.id, v as unknown as Record<string, unknown>]));
}
