/** Reading listings with their visibility rules, as views. */
import { AppError } from '../common/errors';
import { actingOrganizationId, type SessionUser } from '../common/session-user';
import type { ListingStatus } from '../contract/enums';
import { canViewListing } from './listing-access';
import type { ListingSpec } from './listing-spec';
import { findListingDoc, listingModel, type ListingDoc } from './listing.store';
import { loadOrganizationSummaries, organizationSummary } from './listing-view';

/** The stored listing if `viewer` may see it; 404 otherwise, so a hidden draft is not revealed. */
export async function findVisibleListing(
  spec: Pick<ListingSpec<unknown>, 'kind' | 'label'>,
  viewer: SessionUser | undefined,
  id: string,
): Promise<ListingDoc> {
  const doc = await findListingDoc(spec.kind, id);
  if (!doc || !canViewListing(viewer, doc)) throw AppError.notFound(spec.label);
  return doc;
}

export async function viewListings<View>(
  spec: ListingSpec<View>,
  viewer: SessionUser | undefined,
  docs: ListingDoc[],
): Promise<View[]> {
  const orgs = await loadOrganizationSummaries(docs);
  return docs.map((d) =>
    spec.view(d, orgs.get(String(d.organizationId)) ?? organizationSummary(null, d.organizationId), viewer),
  );
}

export async function viewListing<View>(
  spec: ListingSpec<View>,
  viewer: SessionUser | undefined,
  doc: ListingDoc,
): Promise<View> {
  const [view] = await viewListings(spec, viewer, [doc]);
  return view;
}

export interface ListingListQuery {
  mine?: boolean;
  status?: ListingStatus;
  page: number;
  limit: number;
}

/** Your organization's listings (`mine`, any status, latest change first) or the published ones, newest first. */
export async function listListings<View>(
  spec: ListingSpec<View>,
  viewer: SessionUser | undefined,
  query: ListingListQuery,
) {
  const { filter, sort } = listFilter(viewer, query);
  const model = listingModel(spec.kind);
  const [docs, total] = await Promise.all([
    model
      .find(filter)
      .sort(sort)
      .skip((query.page - 1) * query.limit)
      .limit(query.limit)
      .lean<ListingDoc[]>(),
    model.countDocuments(filter),
  ]);
  const items = await viewListings(spec, viewer, docs);
  return { [spec.plural]: items, total, page: query.page, limit: query.limit };
}

function listFilter(
  viewer: SessionUser | undefined,
  query: ListingListQuery,
): { filter: Record<string, unknown>; sort: Record<string, 1 | -1> } {
  if (!query.mine) {
    if (query.status && query.status !== 'published') {
      throw AppError.validation([{ field: 'status', message: 'status is only accepted with mine=true' }]);
    }
    return { filter: { status: 'published' }, sort: { publishedAt: -1, _id: -1 } };
  }
  if (!viewer) throw AppError.unauthenticated();
  const organizationId = actingOrganizationId(viewer);
  if (!organizationId) throw AppError.forbidden('You need an active membership of an organization');
  const filter: Record<string, unknown> = { organizationId };
  if (query.status) filter.status = query.status;
  return { filter, sort: { updatedAt: -1, _id: -1 } };
}
