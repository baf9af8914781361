/** Reading listings with their visibility rules, as views. */
import mongoose from 'mongoose';
import type { SearchEngine } from '../../search';
import { logger } from '../common/logger';
import { createRecordCache } from '../common/record-cache';
import { ResponseCache, viewerKey } from '../common/response-cache';
import { readOwnerList, listingListKey, ownerListPage } from '../read-models';
import { AppError } from '../common/errors';
import { actingOrganizationId, type SessionUser } from '../common/session-user';
import type { ListingKind, ListingStatus } from '../api-contract/enums';
import { canViewListing, isListingOwner, isOperator } from './listing-access';
import { revisedListing, type StoredRevision } from './listing-revision';
import type { ListingSpec } from './listing-spec';
import { findListingDoc, listingModel, type ListingDoc } from './listing.store';
import { loadOrganizationSummaries, organizationSummary, type OrganizationSummary } from './listing.view';

const storedListings = {
  offer: createRecordCache<ListingDoc>({ name: 'offer-docs', types: ['offer'], max: 20_000, ttlMs: 60_000 }),
  demand: createRecordCache<ListingDoc>({
    name: 'demand-docs',
    types: ['demand'],
    max: 20_000,
    ttlMs: 60_000,
  }),
};

/** Listings as stored, for pages only (never for a write): from the cache the listing store keeps current. */
async function readListingDocs(kind: ListingKind, ids: string[]): Promise<Map<string, ListingDoc>> {
  return storedListings[kind].getMany(ids, async (missing) => {
    const docs = await listingModel(kind)
      .find({ _id: mongoose.trusted({ $in: missing }) })
      .lean<ListingDoc[]>();
    return new Map(docs.map((d) => [String(d._id), d]));
  });
}

/** Listings by `_id` for pages (never for a write), from the cache of stored listings. */
export function readListingsById(kind: ListingKind, ids: string[]): Promise<Map<string, ListingDoc>> {
  return readListingDocs(kind, ids);
}

/** Like findVisibleListing, for showing a listing page: served from the cache of stored listings. */
export async function readVisibleListing(
  spec: Pick<ListingSpec<unknown>, 'kind' | 'label'>,
  viewer: SessionUser | undefined,
  id: string,
): Promise<ListingDoc> {
  const doc = await storedListings[spec.kind].get(id, (key) => findListingDoc(spec.kind, key));
  if (!doc || !canViewListing(viewer, doc)) throw AppError.notFound(spec.label);
  return doc;
}

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
  return docs.map((d) => {
    const org = orgs.get(String(d.organizationId)) ?? organizationSummary(null, d.organizationId);
    const view = spec.view(d, org, viewer);
    if (!d.revision || !(isOperator(viewer) || isListingOwner(viewer, d))) return view;
    return { ...view, revision: revisionView(spec, d, org, viewer) } as View;
  });
}

/**
 * A pending revision as its owner and operators see it (nobody else does): the fields it changes,
 * when and by whom, and the listing as it would read once approved.
 */
function revisionView<View>(
  spec: ListingSpec<View>,
  doc: ListingDoc,
  org: OrganizationSummary,
  viewer: SessionUser | undefined,
) {
  const revision = doc.revision as StoredRevision;
  return {
    fields: revision.fields,
    submittedAt: new Date(revision.submittedAt).toISOString(),
    submittedBy: String(revision.submittedBy),
    proposed: spec.view(revisedListing(doc, revision), org, viewer),
  };
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
  mine: boolean;
  organizationId?: string;
  status?: ListingStatus;
  page: number;
  limit: number;
}

/**
 * Your organization's listings (`mine`, any status, latest change first) or the published ones,
 * newest first. Published ones come from the search index, which the listing store keeps
 * current: the database is only asked for those listings by `_id`.
 */
export async function listListings<View>(
  spec: ListingSpec<View>,
  deps: { search: SearchEngine },
  viewer: SessionUser | undefined,
  query: ListingListQuery,
) {
  if (query.organizationId) {
    if (query.mine)
      throw AppError.validation([
        { field: 'organizationId', message: 'organizationId is not accepted with mine=true' },
      ]);
    if (query.status && query.status !== 'published')
      throw AppError.validation([{ field: 'status', message: 'status is only accepted with mine=true' }]);
    return listOrganizationPublished(spec, viewer, query.organizationId, query);
  }
  const { filter, sort } = listFilter(viewer, query);
  if (!query.mine) {
    const published = await listPublishedFromIndex(spec, deps.search, viewer, query);
    if (published) return published;
  } else {
    return listOwnListings(spec, viewer!, String(filter.organizationId), query);
  }
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

async function listPublishedFromIndex<View>(
  spec: ListingSpec<View>,
  search: SearchEngine,
  viewer: SessionUser | undefined,
  query: ListingListQuery,
) {
  let found;
  try {
    found = await search.search({ kind: spec.kind, sort: 'newest', page: query.page, limit: query.limit });
  } catch (err) {
    logger.warn({ err }, 'search engine failed; published listings read from the database');
    return null;
  }
  const ids = found.hits.map((h) => h.id);
  // The index decides which listings and in what order (asked each time: its own cache is kept
  // current by the index's writes); the page built from them is kept until one of them changes.
  return publicPages[spec.kind].answer(viewerKey(viewer, query, found.total, ids), async () => {
    const docs = await readListingDocs(spec.kind, ids);
    const shown = ids.map((id) => docs.get(id)).filter((d): d is ListingDoc => d?.status === 'published');
    const items = await viewListings(spec, viewer, shown);
    return { [spec.plural]: items, total: found.total, page: query.page, limit: query.limit };
  });
}

const publicPages = {
  offer: new ResponseCache('public-offers', { clearOn: ['offer', 'organization'] }),
  demand: new ResponseCache('public-demands', { clearOn: ['demand', 'organization'] }),
};

/**
 * An organisation's published listings (its public page): its owner list gives the published
 * ones, latest change first, and the listings come by `_id`; what a listing says wins.
 */
async function listOrganizationPublished<View>(
  spec: ListingSpec<View>,
  viewer: SessionUser | undefined,
  organizationId: string,
  query: ListingListQuery,
) {
  const entries = await readOwnerList(listingListKey(spec.kind, organizationId));
  const page = ownerListPage([entries], { status: 'published', page: query.page, limit: query.limit });
  const docs = await readListingDocs(spec.kind, page.ids);
  const shown = page.ids
    .map((id) => docs.get(id))
    .filter(
      (d): d is ListingDoc => !!d && d.status === 'published' && String(d.organizationId) === organizationId,
    );
  const items = await viewListings(spec, viewer, shown);
  return { [spec.plural]: items, total: page.total, page: query.page, limit: query.limit };
}

/** Your organisation's listings: its owner list gives the page, the listings come by `_id`. */
async function listOwnListings<View>(
  spec: ListingSpec<View>,
  viewer: SessionUser,
  organizationId: string,
  query: ListingListQuery,
) {
  const entries = await readOwnerList(listingListKey(spec.kind, organizationId));
  const page = ownerListPage([entries], { status: query.status, page: query.page, limit: query.limit });
  const docs = await readListingDocs(spec.kind, page.ids);
  const shown = page.ids
    .map((id) => docs.get(id))
    .filter((d): d is ListingDoc => !!d && String(d.organizationId) === organizationId);
  const items = await viewListings(spec, viewer, shown);
  return { [spec.plural]: items, total: page.total, page: query.page, limit: query.limit };
}
