/**
 * Listings imported from partner exchanges as the matcher sees them, and as a match shows them.
 * Pure: no database. An imported listing carries what its home exchange's feed sends: one long
 * text (`body`), one TRL (an offer's, a demand's minimum) and one price (an offer's, the top of a
 * demand's budget), and its organization by name only (so it never counts as the asker's own).
 */
import type { ImportedListingDoc } from './imported-listing.store';
import type { Currency, TransferMode } from '../api-contract/enums';
import type { Matchable } from '../matching';

export function importedMatchable(doc: ImportedListingDoc): Matchable {
  const l = doc.listing;
  const base = {
    id: doc._id,
    organizationId: `${doc.origin}:${l.organizationName}`,
    title: l.title,
    summary: l.summary,
    keywords: l.keywords ?? [],
    field: l.field,
    subField: l.subField ?? null,
    transferModes: (l.transferModes ?? []) as TransferMode[],
    province: l.province || null,
  };
  const currency = (l.price === undefined ? null : (l.currency ?? 'VND')) as Currency | null;
  if (doc.kind === 'offer') {
    return {
      ...base,
      kind: 'offer',
      description: l.body,
      trl: l.trl ?? null,
      pricing: l.price === undefined ? null : { model: null, amount: l.price, currency },
    };
  }
  return {
    ...base,
    kind: 'demand',
    problem: l.body,
    desiredOutcome: '',
    minTrl: l.trl ?? null,
    budget: l.price === undefined ? null : { max: l.price, currency },
  };
}

/**
 * An imported listing in a matches answer: read-only, with its home exchange (`origin`, the
 * partner's name and the listing's page there) and its page here (`/imported/:id`).
 */
export function importedMatchListingView(
  doc: ImportedListingDoc,
  home: { name: string; url: string } | null,
): Record<string, unknown> {
  const l = doc.listing;
  return {
    id: doc._id,
    kind: doc.kind,
    imported: true,
    origin: doc.origin,
    partnerName: home?.name ?? doc.origin,
    homeUrl: home?.url ?? null,
    title: l.title,
    summary: l.summary,
    field: l.field,
    ...(l.subField ? { subField: l.subField } : {}),
    trl: l.trl,
    province: l.province || null,
    ...(l.price !== undefined ? { price: l.price, currency: l.currency ?? 'VND' } : {}),
    organizationName: l.organizationName,
  };
}
