/**
 * Whether a newly published listing satisfies a saved search. Decided here, in code, rather than
 * by asking the search engine: the answer then does not depend on the index having caught up, nor
 * on the engine's habit of dropping query words until a page is full (right for browsing, too
 * loose for an alert). Filters mean what they mean in `GET /api/search`; every word of the query
 * must occur in the listing (title, summary, long text or keywords), compared folded, so
 * "xu ly nuoc thai" finds "xử lý nước thải". Typos are not forgiven here.
 */
import { tokenize } from '../../search/text';

export interface AlertFilters {
  kind?: 'offer' | 'demand' | null;
  field?: string | null;
  subField?: string | null;
  trlMin?: number | null;
  trlMax?: number | null;
  transferMode?: string | null;
  province?: string | null;
  currency?: string | null;
  priceMin?: number | null;
  priceMax?: number | null;
}

/** A listing's searchable facts, as the search index holds them. */
export interface AlertListing {
  kind: 'offer' | 'demand';
  text: string[];
  field: string;
  subField?: string | null;
  /** Offer: its TRL. Demand: the minimum TRL wanted. */
  trl?: number | null;
  transferModes: readonly string[];
  province?: string | null;
  /** Offer: asking price. Demand: the top of its budget. Minor units of `currency`. */
  price?: number | null;
  currency?: string | null;
}

export function listingMatchesAlert(
  alert: { q?: string | null; filters?: AlertFilters | null },
  listing: AlertListing,
): boolean {
  const f = alert.filters ?? {};
  if (f.kind && f.kind !== listing.kind) return false;
  if (f.field && f.field !== listing.field) return false;
  if (f.subField && f.subField !== listing.subField) return false;
  if (f.province && f.province !== listing.province) return false;
  if (f.transferMode && !listing.transferModes.includes(f.transferMode)) return false;
  if (typeof f.trlMin === 'number' && !(typeof listing.trl === 'number' && listing.trl >= f.trlMin))
    return false;
  if (typeof f.trlMax === 'number' && !(typeof listing.trl === 'number' && listing.trl <= f.trlMax))
    return false;
  if (f.currency && f.currency !== listing.currency) return false;
  const hasPrice = typeof listing.price === 'number';
  if (typeof f.priceMin === 'number' && !(hasPrice && listing.price! >= f.priceMin)) return false;
  if (typeof f.priceMax === 'number' && !(hasPrice && listing.price! <= f.priceMax)) return false;
  const words = tokenize(alert.q ?? '');
  if (words.length === 0) return true;
  const present = new Set(tokenize(listing.text.join('\n')));
  return words.every((w) => present.has(w));
}

/** A lean offer or demand document as the alert matcher sees it. */
export function alertListingFromDoc(kind: 'offer' | 'demand', doc: Record<string, any>): AlertListing {
  const common = {
    kind,
    field: doc.field,
    subField: doc.subField ?? null,
    transferModes: doc.transferModes ?? [],
    province: doc.province ?? null,
  };
  const keywords: string[] = doc.keywords ?? [];
  if (kind === 'offer') {
    return {
      ...common,
      text: [doc.title, doc.summary, doc.description, ...keywords].filter(Boolean),
      trl: doc.trl ?? null,
      price: doc.pricing?.amount ?? null,
      currency: doc.pricing?.amount != null ? (doc.pricing?.currency ?? null) : null,
    };
  }
  return {
    ...common,
    text: [doc.title, doc.summary, doc.problem, doc.desiredOutcome, ...keywords].filter(Boolean),
    trl: doc.minTrl ?? null,
    price: doc.budget?.max ?? null,
    currency: doc.budget?.max != null ? (doc.budget?.currency ?? null) : null,
  };
}
