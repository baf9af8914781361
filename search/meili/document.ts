import { foldVietnamese } from '../text';
import { LOCAL_ORIGIN, type SearchDoc } from '../types';
import { exactCodesOf } from './exact-code';

/** A listing as stored in Meilisearch: the original text for display, folded copies to search. */
export interface MeiliDocument {
  id: string;
  kind: SearchDoc['kind'];
  title: string;
  summary: string;
  field: string;
  subField?: string;
  trl: number;
  transferModes: string[];
  province: string;
  /** 'local' for this exchange's own listings, else the partner exchange's code. */
  origin: string;
  price?: number;
  currency?: string;
  language: string;
  organizationId: string;
  publishedAt: string;
  publishedAtTs: number;
  titleFolded: string;
  keywordsFolded: string;
  summaryFolded: string;
  bodyFolded: string;
  exactCodes: string;
  thumbUrl?: string;
}

export function toMeiliDocument(doc: SearchDoc): MeiliDocument {
  const out: MeiliDocument = {
    id: doc.id,
    kind: doc.kind,
    title: doc.title,
    summary: doc.summary,
    field: doc.field,
    trl: doc.trl,
    transferModes: [...new Set(doc.transferModes)],
    province: doc.province,
    origin: doc.origin ?? LOCAL_ORIGIN,
    language: doc.language,
    organizationId: doc.organizationId,
    publishedAt: doc.publishedAt,
    publishedAtTs: Date.parse(doc.publishedAt),
    titleFolded: foldVietnamese(doc.title),
    keywordsFolded: foldVietnamese(doc.keywords.join(', ')),
    summaryFolded: foldVietnamese(doc.summary),
    bodyFolded: foldVietnamese(doc.body),
    exactCodes: exactCodesOf([doc.title, ...doc.keywords, doc.summary, doc.body].join(' ')),
  };
  if (doc.subField) out.subField = doc.subField;
  if (doc.thumbUrl) out.thumbUrl = doc.thumbUrl;
  // Absent, not null: Meilisearch sorts docs without the attribute last in both directions.
  if (doc.price !== undefined) {
    out.price = doc.price;
    if (doc.currency) out.currency = doc.currency;
  }
  return out;
}
