/**
 * Listings imported from partner exchanges put back in a search index rebuilt from the database
 * (they live in their own collection, not among the offers and demands the rebuild reads); a
 * suspended partner's copies stay out of it. Imports nothing of the federation's services, so the
 * search sync may call it without a circle.
 */
import type { SearchEngine } from '../../search';
import { allImportedListings } from './imported-listing.store';
import { listPartners } from './partner.store';
import { importedSearchDoc, listedImported } from './import-rules';

export async function reindexImportedListings(ctx: { search: SearchEngine }): Promise<number> {
  const docs = listedImported(await allImportedListings(), await listPartners());
  if (docs.length) await ctx.search.upsert(docs.map(importedSearchDoc));
  return docs.length;
}
