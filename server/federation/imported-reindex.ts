/**
 * Listings imported from partner exchanges put back in a search index rebuilt from the database
 * (they live in their own collection, not among the offers and demands the rebuild reads).
 * Imports nothing of the federation's services, so the search sync may call it without a circle.
 */
import type { SearchEngine } from '../../search';
import { allImportedListings } from './imported-listing.store';
import { importedSearchDoc } from './import-rules';

export async function reindexImportedListings(ctx: { search: SearchEngine }): Promise<number> {
  const docs = await allImportedListings();
  if (docs.length) await ctx.search.upsert(docs.map(importedSearchDoc));
  return docs.length;
}
