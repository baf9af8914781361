/**
 * JSON shapes the server returns (see /work/shared/API.md). Ids are strings, times ISO strings.
 * `User` is generated from the OpenAPI document; the listing and search shapes are still written
 * here, as their response schemas do not describe them yet.
 */
import type { ApiResponse } from './api/responses';
import type {
  Currency,
  DemandMode,
  IpStatus,
  ListingKind,
  ListingStatus,
  Locale,
  OrganizationKind,
  PricingModel,
  TransferMode,
} from '@contract/enums';

export interface OrganizationSummary {
  id: string;
  name: string;
  kind: OrganizationKind;
  verified: boolean;
}

export interface Organization extends OrganizationSummary {
  province?: string;
  taxCode?: string;
  createdAt?: string;
}

export type User = ApiResponse<'/api/auth/me'>['user'];

export interface Pricing {
  model: PricingModel;
  amount?: number;
  currency: Currency;
  reservePrice?: number;
  closesAt?: string;
}

/** An image of a listing, re-encoded by the server as WebP. */
export interface ListingImage {
  id: string;
  width: number;
  height: number;
  alt?: string;
  /** At most 1600 px on the long side. */
  url: string;
  /** 400×300. */
  thumbUrl: string;
}

interface ListingBase {
  id: string;
  status: ListingStatus;
  organization: OrganizationSummary;
  title: string;
  summary: string;
  language: Locale;
  field: string;
  subField: string;
  keywords: string[];
  transferModes: TransferMode[];
  province: string;
  rejectionReason?: string;
  /** Who opens the confidential documents: each counterparty the owner approves, or whoever accepts the NDA. */
  confidentialAccess?: 'on_request' | 'nda';
  images?: ListingImage[];
  createdAt: string;
  updatedAt: string;
  publishedAt?: string;
}

/** A published listing's changes awaiting review: its owner and operators only. */
export interface ListingRevision<L> {
  /** The fields the changes touch. */
  fields: string[];
  submittedAt: string;
  submittedBy: string;
  /** The listing as it would read once approved. */
  proposed: L;
}

export interface Offer extends ListingBase {
  kind: 'offer';
  revision?: ListingRevision<Offer>;
  description: string;
  trl: number;
  ipStatus: IpStatus;
  ipNumbers: string[];
  pricing: Pricing;
  sectors: string[];
}

export interface Demand extends ListingBase {
  kind: 'demand';
  revision?: ListingRevision<Demand>;
  problem: string;
  desiredOutcome: string;
  minTrl: number;
  budget: { min: number; max: number; currency: Currency };
  mode: DemandMode;
  deadline?: string;
}

export type Listing = Offer | Demand;

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
