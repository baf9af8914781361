/** The one writer of single listings' sharing choices. */
import { isDuplicateKeyError } from '../common/duplicate-key';
import { RecordStore } from '../common/store';
import type { ListingKind } from '../api-contract/enums';
import { listingChoiceKey } from './feed-rules';
import { ListingShareModel, type ListingShareDoc } from './listing-share.model';

export type { ListingShareDoc } from './listing-share.model';

const listingShareStore = new RecordStore<ListingShareDoc>({
  label: 'Listing sharing choice',
  model: ListingShareModel,
  lockKey: (id) => `federation-listing-share:${id}`,
});

export function getListingShare(kind: ListingKind, listingId: string): Promise<ListingShareDoc | null> {
  return listingShareStore.get(listingChoiceKey(kind, listingId));
}

/** Every listing's own choice (only listings whose choice was ever changed have one). */
export async function listListingShares(): Promise<ListingShareDoc[]> {
  return (await ListingShareModel.find({}).lean()) as ListingShareDoc[];
}

/** The organization's listings' own choices, most recently changed first. */
export async function listingSharesOf(organizationId: string): Promise<ListingShareDoc[]> {
  const docs = (await ListingShareModel.find({ organizationId }).lean()) as ListingShareDoc[];
  return docs.sort((a, b) => +b.changedAt - +a.changedAt || a._id.localeCompare(b._id));
}

/** Sets the listing's choice; its time changes only when the choice does. */
export async function setListingShare(
  listing: { kind: ListingKind; id: string; organizationId: string },
  shared: boolean,
  userId: string,
  now = new Date(),
): Promise<ListingShareDoc> {
  const id = listingChoiceKey(listing.kind, listing.id);
  return listingShareStore.hold(id, async () => {
    const current = await listingShareStore.get(id);
    if (!current) {
      try {
        return await listingShareStore.create({
          _id: id,
          organizationId: listing.organizationId,
          kind: listing.kind,
          listingId: listing.id,
          shared,
          changedAt: now,
          changedBy: userId,
        });
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
      }
    }
    const { doc } = await listingShareStore.mutate(id, (s) => ({
      change: s.shared === shared ? null : { $set: { shared, changedAt: now, changedBy: userId } },
      result: null,
    }));
    return doc;
  });
}
