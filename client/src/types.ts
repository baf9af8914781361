/**
 * JSON shapes the server returns (see /work/shared/API.md). Ids are strings, times ISO strings.
 * `User`, `Offer` and `Demand` are generated from the OpenAPI document; the search shapes are
 * still written here.
 */
import type { ApiResponse } from './api/responses';
import type { Currency, ListingKind, PricingModel } from '@contract/enums';

export type User = ApiResponse<'/api/auth/me'>['user'];

export type Offer = NonNullable<ApiResponse<'/api/offers/{id}'>['offer']>;
export type Demand = NonNullable<ApiResponse<'/api/demands/{id}'>['demand']>;

export type Listing = Offer | Demand;

/** An image of a listing, re-encoded by the server as WebP. */
export type ListingImage = Offer['images'][number];

/** A search hit's price: an offer's asking price, or (assumed) a demand's budget range. */
export interface HitPrice {
  amount?: number;
  min?: number;
  max?: number;
  currency: Currency;
  model?: PricingModel;
}

export interface SearchHit {
  id: string;
  kind: ListingKind;
  title: string;
  summary: string;
  field: string;
  subField?: string;
  trl?: number;
  province: string;
  /** An object as below; a bare number is read as minor units of `currency`. */
  price?: HitPrice | number | null;
  currency?: Currency;
  /** The first image's thumbnail, when the listing has images. */
  thumbUrl?: string;
  highlight?: { title?: string; summary?: string };
}

export type FacetCounts = Record<string, number>;

export interface SearchResponse {
  hits: SearchHit[];
  total: number;
  facets: Partial<Record<string, FacetCounts>>;
  page: number;
  limit: number;
}
