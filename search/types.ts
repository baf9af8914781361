import type { FieldCode } from '../server/api-contract/taxonomy';

export type ListingKindCode = 'offer' | 'demand';
export type SearchCurrency = 'VND' | 'USD';

/** One published listing as the search index sees it. */
export interface SearchDoc {
  id: string;
  kind: ListingKindCode;
  title: string;
  summary: string;
  /** Offer: description. Demand: problem + desired outcome. */
  body: string;
  keywords: string[];
  field: FieldCode;
  subField?: string;
  /** Offer: TRL of the technology. Demand: minimum TRL wanted. */
  trl: number;
  transferModes: string[];
  /** Province code from server/api-contract/enums.ts. */
  province: string;
  /** Integer in the currency's minor unit. Offer: asking/reserve amount. Demand: maximum budget. */
  price?: number;
  currency?: SearchCurrency;
  language: 'vi' | 'en';
  organizationId: string;
  /** ISO 8601. */
  publishedAt: string;
  /** The first image's thumbnail URL, when the listing has images (stored, not searched). */
  thumbUrl?: string;
  /** The partner exchange a listing imported through federation comes from; absent: this exchange's own. */
  origin?: string;
}

export type SearchSort = 'relevance' | 'newest' | 'price_asc' | 'price_desc';

export interface SearchQuery {
  q?: string;
  kind?: ListingKindCode;
  field?: string;
  subField?: string;
  trlMin?: number;
  trlMax?: number;
  transferMode?: string;
  province?: string;
  currency?: SearchCurrency;
  priceMin?: number;
  priceMax?: number;
  /**
   * Whose listings: absent or 'local' (LOCAL_ORIGIN) this exchange's own only, a partner's code
   * its imported listings only, ANY_ORIGIN all of them.
   */
  origin?: string;
  sort?: SearchSort;
  /** 1-based. */
  page?: number;
  /** At most 100; 20 when absent. */
  limit?: number;
}

export interface SearchHit {
  id: string;
  kind: ListingKindCode;
  title: string;
  summary: string;
  field: string;
  trl: number;
  province: string;
  price?: number;
  currency?: string;
  /** The first image's thumbnail URL, when the listing has images. */
  thumbUrl?: string;
  /** The partner exchange an imported listing comes from; absent for this exchange's own. */
  origin?: string;
  /** HTML-escaped text with <mark>…</mark> around the words that matched (exactly or folded). */
  highlight: { title: string; summary: string };
}

export interface SearchFacets {
  field: Record<string, number>;
  /** Keys "1".."9". */
  trl: Record<string, number>;
  /** Each mode of each matching doc counts once. */
  transferModes: Record<string, number>;
  province: Record<string, number>;
  /** 'local' counts this exchange's own listings, a partner's code the listings imported from it. */
  origin: Record<string, number>;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Number of docs in the whole filtered result (all pages). */
  total: number;
  /** Counted over the whole filtered result (all pages). */
  facets: SearchFacets;
  page: number;
  limit: number;
}

export interface OpenResult {
  /** True when the index is empty or unusable and must be rebuilt from the database. */
  needsRebuild: boolean;
  /** 'missing' | 'damaged' | 'old_layout' when needsRebuild is true. */
  reason?: RebuildReason;
}

export type RebuildReason = 'missing' | 'damaged' | 'old_layout';

export interface RelevanceOptions {
  /** Kind of the listings to rank (the counterpart's kind, not the kind of the text's listing). */
  kind: ListingKindCode;
  limit: number;
  /** When given, only these listings are ranked. */
  ids?: string[];
  /** Whose listings are ranked: this exchange's own (LOCAL_ORIGIN, the default) or one partner's code. */
  origin?: string;
}

export interface RelevanceHit {
  id: string;
  /** In (0, 1]: the hit's text score divided by the best hit's score, so the best hit scores 1. */
  score: number;
}

export interface SearchEngine {
  readonly name: 'embedded' | 'meilisearch';
  open(): Promise<OpenResult>;
  upsert(docs: SearchDoc[]): Promise<void>;
  remove(ids: string[]): Promise<void>;
  clear(): Promise<void>;
  search(q: SearchQuery): Promise<SearchResult>;
  /** Ranks listings of `opts.kind` by how well their text matches any word of `text` (OR, folded). */
  relevance(text: string, opts: RelevanceOptions): Promise<RelevanceHit[]>;
  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export const DEFAULT_LIMIT = 20;
/** The origin of this exchange's own listings (in filters and facets). */
export const LOCAL_ORIGIN = 'local';
/** A query's origin asking for the listings of every origin. */
export const ANY_ORIGIN = '*';
export const MAX_LIMIT = 100;
/** Like Meilisearch, only the first 10 words of a query are used. */
export const MAX_QUERY_WORDS = 10;
