/**
 * Indexes a listing as soon as its store has written it, before the writer answers, so that
 * whoever asks next (the public list reads the index) sees the change. The durable dirty mark
 * stays the guarantee: the sync worker indexes the listing again and clears it, also when this
 * failed or the process died first.
 */
import { logger } from '../common/logger';
import { onRecordWritten } from '../common/record-changes';
import { findListingDoc, type ListingDoc } from '../listings';
import { indexListingNow, type SearchSyncContext } from './search-sync.service';

export function indexListingsOnWrite(ctx: SearchSyncContext): () => void {
  return onRecordWritten(async (change) => {
    if (change.type !== 'offer' && change.type !== 'demand') return;
    // The sync worker clearing its own mark (same revision): the index already holds it.
    if (change.before && change.after && change.before.rev === change.after.rev) return;
    try {
      // The store hands over what it wrote; read it only when it did not.
      const doc =
        change.after !== undefined
          ? (change.after as ListingDoc | null)
          : await findListingDoc(change.type, change.id);
      await indexListingNow(ctx, change.type, doc, change.id);
    } catch (err) {
      logger.warn(
        { err, kind: change.type, id: change.id },
        'listing not indexed at once; the sync worker will',
      );
    }
  }, 'search-index-on-write');
}
