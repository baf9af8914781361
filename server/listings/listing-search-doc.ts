/** A stored listing as the search index holds it. Pure. */
import type { ListingKind } from '../api-contract/enums';
import type { FieldCode } from '../api-contract/taxonomy';
import type { SearchDoc } from '../../search';
import { listingImageUrl } from '../api-contract/listing-images';

export function toSearchDoc(kind: ListingKind, doc: Record<string, any>): SearchDoc {
  const offer = kind === 'offer';
  // The auction's reserve price is secret: an offer is found by its asking (or starting) price.
  const price: number | undefined = (offer ? doc.pricing?.amount : doc.budget?.max) ?? undefined;
  const currency = offer ? doc.pricing?.currency : doc.budget?.currency;
  return {
    id: String(doc._id),
    kind,
    title: doc.title ?? '',
    summary: doc.summary ?? '',
    body: offer ? (doc.description ?? '') : [doc.problem, doc.desiredOutcome].filter(Boolean).join('\n'),
    keywords: doc.keywords ?? [],
    field: doc.field as FieldCode,
    subField: doc.subField ?? undefined,
    trl: (offer ? doc.trl : doc.minTrl) ?? 1,
    transferModes: doc.transferModes ?? [],
    province: doc.province ?? '',
    price,
    currency: price === undefined ? undefined : (currency ?? 'VND'),
    language: doc.language === 'en' ? 'en' : 'vi',
    organizationId: String(doc.organizationId),
    publishedAt: new Date(doc.publishedAt ?? doc.updatedAt ?? Date.now()).toISOString(),
    ...(doc.images?.length ? { thumbUrl: listingImageUrl(String(doc.images[0]._id), 'thumb') } : {}),
  };
}
