/**
 * JSON shapes the server returns (see /work/shared/API.md). Ids are strings, times ISO strings.
 * `User`, `Offer`, `Demand` and the search answer are generated from the OpenAPI document.
 */
import type { ApiResponse } from './api/responses';

export type User = ApiResponse<'/api/auth/me'>['user'];

export type Offer = NonNullable<ApiResponse<'/api/offers/{id}'>['offer']>;
export type Demand = NonNullable<ApiResponse<'/api/demands/{id}'>['demand']>;

export type Listing = Offer | Demand;

/** An image of a listing, re-encoded by the server as WebP. */
export type ListingImage = Offer['images'][number];

export type SearchResponse = ApiResponse<'/api/search'>;

/** A search hit: `price` is an offer's asking price in minor units of `currency`. */
export type SearchHit = SearchResponse['hits'][number];

export type FacetCounts = Record<string, number>;
