/** Shapes of the exchange's demo data: plain values, no database types. */
import type {
  Currency,
  DemandMode,
  IpStatus,
  ListingStatus,
  Locale,
  OrganizationKind,
  PricingModel,
  TransferMode,
} from '../../api-contract/enums';
import type { FieldCode } from '../../api-contract/taxonomy';

export type DemoLanguage = 'vi' | 'en';

/** What an organization can do: the "technology capability profile" of the exchange's database. */
export interface DemoCapability {
  fields: FieldCode[];
  subFields?: string[];
  keywords: string[];
  staff?: number;
  labs?: string[];
}

export interface DemoOrganization {
  /** Stable slug that users, offers and demands use to refer to the organization. */
  key: string;
  name: string;
  kind: OrganizationKind;
  province: string;
  taxCode: string;
  website: string;
  description: string;
  verified: boolean;
  capability: DemoCapability;
}

export interface DemoUser {
  key: string;
  email: string;
  name: string;
  organizationKey: string;
  role: 'member' | 'broker';
  locale: Locale;
}

export interface DemoPricing {
  model: PricingModel;
  /** Fixed price, indicative price when negotiable, or starting price of an auction; minor units. */
  amount?: number;
  currency: Currency;
  /** Lowest price the seller accepts in an auction; minor units. */
  reservePrice?: number;
  /** Days from seeding until an auction closes, so demo auctions always close in the future. */
  closesInDays?: number;
}

export interface DemoOffer {
  key: string;
  organizationKey: string;
  title: string;
  summary: string;
  description: string;
  language: DemoLanguage;
  field: FieldCode;
  subField: string;
  keywords: string[];
  trl: number;
  ipStatus: IpStatus;
  ipNumbers: string[];
  transferModes: TransferMode[];
  pricing: DemoPricing;
  province: string;
  sectors: string[];
  status: ListingStatus;
}

export interface DemoBudget {
  min: number;
  max: number;
  currency: Currency;
}

export interface DemoDemand {
  key: string;
  organizationKey: string;
  title: string;
  summary: string;
  problem: string;
  desiredOutcome: string;
  language: DemoLanguage;
  field: FieldCode;
  subField: string;
  keywords: string[];
  minTrl: number;
  budget: DemoBudget;
  transferModes: TransferMode[];
  province: string;
  mode: DemandMode;
  /** Days from seeding until sealed proposals open; only for calls for proposals. */
  deadlineInDays?: number;
  status: ListingStatus;
}

/** An expert's judgement of which offers truly answer a demand (for precision@5 and nDCG@10). */
export interface MatchLabel {
  demandKey: string;
  relevantOfferKeys: string[];
}

export interface DemoCapabilityAssessment {
  organizationKey: string;
  sector: string;
  /** 26 bands (0–4) in the questionnaire's order; spaces between groups are ignored. */
  bands: string;
  visibility: 'private' | 'level' | 'scores';
  /** Verified by an operator after a visit. */
  verified: boolean;
}
