/**
 * The operators' queues of listings (awaiting review, revisions awaiting review), oldest first:
 * each is an owner list that the listing store's writes keep, and a page reads only its listings,
 * by `_id`. What a listing says wins over its entry: one that left the queue since is skipped.
 */
import type { SessionUser } from '../common/session-user';
import { ownerListPage, type OwnerListEntry } from '../read-models';
import type { ListingSpec } from './listing-spec';
import { readListingsById, viewListings } from './listing-queries.service';
import type { ListingDoc } from './listing.store';

export async function listingQueuePage(
  entries: OwnerListEntry[],
  specs: readonly ListingSpec<unknown>[],
  operator: SessionUser,
  page: { page: number; limit: number },
  inQueue: (doc: ListingDoc) => boolean,
): Promise<{ views: unknown[]; total: number }> {
  // A list is kept newest first; a queue is served oldest first.
  const oldestFirst = [...entries].reverse();
  const slice = ownerListPage([oldestFirst], page);
  const kindOf = new Map(oldestFirst.map((e) => [e.id, e.s]));
  const views = new Map<string, unknown>();
  await Promise.all(
    specs.map(async (spec) => {
      const ids = slice.ids.filter((id) => kindOf.get(id) === spec.kind);
      if (ids.length === 0) return;
      const docs = await readListingsById(spec.kind, ids);
      const queued = ids.map((id) => docs.get(id)).filter((d): d is ListingDoc => !!d && inQueue(d));
      const shown = await viewListings(spec, operator, queued);
      queued.forEach((d, i) => views.set(String(d._id), shown[i]));
    }),
  );
  return { views: slice.ids.map((id) => views.get(id)).filter((v) => v !== undefined), total: slice.total };
}
