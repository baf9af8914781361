/** Closed vocabularies of the exchange, shared by server, search and client. */
import type { Label } from './taxonomy';

export const ORGANIZATION_KINDS = ['institute', 'university', 'enterprise', 'broker_firm'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const USER_ROLES = ['member', 'broker', 'expert', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const CURRENCIES = ['VND', 'USD'] as const;
export type Currency = (typeof CURRENCIES)[number];
/** Digits after the decimal point of each currency's minor unit (Stripe: VND is zero-decimal). */
export const CURRENCY_DECIMALS: Record<Currency, number> = { VND: 0, USD: 2 };

export const IP_STATUSES = [
  'patent_granted',
  'patent_pending',
  'utility_solution',
  'industrial_design',
  'trade_secret',
  'copyright',
  'none',
] as const;
export type IpStatus = (typeof IP_STATUSES)[number];

export const TRANSFER_MODES = [
  'license_exclusive',
  'license_non_exclusive',
  'assignment',
  'joint_venture',
  'co_development',
  'consulting',
  'turnkey',
] as const;
export type TransferMode = (typeof TRANSFER_MODES)[number];

/** Transfer modes that hand the technology to one party only (an exclusive licence, an assignment). */
export const EXCLUSIVE_TRANSFER_MODES: readonly TransferMode[] = ['license_exclusive', 'assignment'];

/** Why a bid was rejected, a negotiation walked away from, or a deal cancelled. */
export const OUTCOME_REASONS = [
  'price_too_high',
  'trl_too_low',
  'ip_unclear',
  'terms',
  'timing',
  'other',
] as const;
export type OutcomeReason = (typeof OUTCOME_REASONS)[number];

export const PRICING_MODELS = ['fixed', 'negotiable', 'auction'] as const;
export type PricingModel = (typeof PRICING_MODELS)[number];

export const DEMAND_MODES = ['open', 'call_for_proposals'] as const;
export type DemandMode = (typeof DEMAND_MODES)[number];

/** Who opens a listing's confidential documents (see server/documents/document-access.ts). */
export const CONFIDENTIAL_ACCESS_POLICIES = ['on_request', 'nda'] as const;
export type ConfidentialAccessPolicy = (typeof CONFIDENTIAL_ACCESS_POLICIES)[number];

export const LISTING_KINDS = ['offer', 'demand'] as const;
export type ListingKind = (typeof LISTING_KINDS)[number];

export const LISTING_STATUSES = [
  'draft',
  'pending_review',
  'published',
  'closed',
  'withdrawn',
  'expired',
] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

export const LISTING_LANGUAGES = ['vi', 'en'] as const;

export const TRL_MIN = 1;
export const TRL_MAX = 9;

/** Vietnam's 34 provincial-level units (since the 2025 merger), as slugs with labels. */
export const PROVINCES: readonly { code: string; label: Label }[] = [
  ['ha_noi', 'Hà Nội', 'Hanoi'],
  ['ho_chi_minh', 'TP. Hồ Chí Minh', 'Ho Chi Minh City'],
  ['hai_phong', 'Hải Phòng', 'Hai Phong'],
  ['da_nang', 'Đà Nẵng', 'Da Nang'],
  ['can_tho', 'Cần Thơ', 'Can Tho'],
  ['hue', 'Huế', 'Hue'],
  ['lai_chau', 'Lai Châu', 'Lai Chau'],
  ['dien_bien', 'Điện Biên', 'Dien Bien'],
  ['son_la', 'Sơn La', 'Son La'],
  ['lang_son', 'Lạng Sơn', 'Lang Son'],
  ['quang_ninh', 'Quảng Ninh', 'Quang Ninh'],
  ['thanh_hoa', 'Thanh Hóa', 'Thanh Hoa'],
  ['nghe_an', 'Nghệ An', 'Nghe An'],
  ['ha_tinh', 'Hà Tĩnh', 'Ha Tinh'],
  ['cao_bang', 'Cao Bằng', 'Cao Bang'],
  ['tuyen_quang', 'Tuyên Quang', 'Tuyen Quang'],
  ['lao_cai', 'Lào Cai', 'Lao Cai'],
  ['thai_nguyen', 'Thái Nguyên', 'Thai Nguyen'],
  ['phu_tho', 'Phú Thọ', 'Phu Tho'],
  ['bac_ninh', 'Bắc Ninh', 'Bac Ninh'],
  ['hung_yen', 'Hưng Yên', 'Hung Yen'],
  ['ninh_binh', 'Ninh Bình', 'Ninh Binh'],
  ['quang_tri', 'Quảng Trị', 'Quang Tri'],
  ['quang_ngai', 'Quảng Ngãi', 'Quang Ngai'],
  ['gia_lai', 'Gia Lai', 'Gia Lai'],
  ['khanh_hoa', 'Khánh Hòa', 'Khanh Hoa'],
  ['lam_dong', 'Lâm Đồng', 'Lam Dong'],
  ['dak_lak', 'Đắk Lắk', 'Dak Lak'],
  ['dong_nai', 'Đồng Nai', 'Dong Nai'],
  ['tay_ninh', 'Tây Ninh', 'Tay Ninh'],
  ['vinh_long', 'Vĩnh Long', 'Vinh Long'],
  ['dong_thap', 'Đồng Tháp', 'Dong Thap'],
  ['ca_mau', 'Cà Mau', 'Ca Mau'],
  ['an_giang', 'An Giang', 'An Giang'],
].map(([code, vi, en]) => ({ code, label: { vi, en } }));

export const PROVINCE_CODES: readonly string[] = PROVINCES.map((p) => p.code);

/** A bid's or proposal's status (its transitions: server/bids/bid-lifecycle.ts). */
export const BID_STATUSES = ['submitted', 'shortlisted', 'rejected', 'withdrawn', 'accepted'] as const;
export type BidStatus = (typeof BID_STATUSES)[number];

/** A deal's status (its state graph: server/deals/deal-machine.ts). */
export const DEAL_STATUSES = [
  'negotiating',
  'agreed',
  'awaiting_payment',
  'delivering',
  'closed_won',
  'closed_lost',
  'cancelled',
] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

/** A delivery milestone's state (server/deals/milestone-machine.ts). */
export const MILESTONE_STATUSES = [
  'pending',
  'delivered',
  'changes_requested',
  'accepted',
  'disputed',
  'cancelled',
] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

/** How often a royalty licence's licensee reports its net sales (an agreed term; quarterly when unset). */
export const ROYALTY_CADENCES = ['monthly', 'quarterly'] as const;
export type RoyaltyCadence = (typeof ROYALTY_CADENCES)[number];

/** How an operator or the deal's broker ends a dispute over a milestone. */
export const MILESTONE_DISPUTE_OUTCOMES = ['accepted', 'redelivery', 'partial', 'cancelled'] as const;
export type MilestoneDisputeOutcome = (typeof MILESTONE_DISPUTE_OUTCOMES)[number];

/** Who someone is in a deal. */
export const DEAL_ROLES = ['seller', 'buyer', 'broker', 'admin', 'system', 'outsider'] as const;
export type DealRole = (typeof DEAL_ROLES)[number];

/** A payment's status (how provider events move it: server/payments/payment-lifecycle.ts). */
export const PAYMENT_STATUSES = ['pending', 'paid', 'failed', 'refunded'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const PAYMENT_PURPOSES = [
  'success_fee',
  'listing_fee',
  'broker_commission',
  'appraisal_fee',
  'expert_share',
  'bid_deposit',
  'royalty_fee',
] as const;
export type PaymentPurpose = (typeof PAYMENT_PURPOSES)[number];

export const PAYMENT_PROVIDERS = ['stripe', 'bank_transfer'] as const;
export type PaymentProvider = (typeof PAYMENT_PROVIDERS)[number];

/** Technology appraisal (is the claimed TRL and IP right; strengths, risks) or valuation (a value range). */
export const APPRAISAL_TYPES = ['technology', 'valuation'] as const;
export type AppraisalType = (typeof APPRAISAL_TYPES)[number];

export const APPRAISAL_STATUSES = ['requested', 'assigned', 'in_progress', 'reported', 'published'] as const;
export type AppraisalStatus = (typeof APPRAISAL_STATUSES)[number];

/** What an assigned expert decided. */
export const ASSIGNMENT_STATUSES = ['assigned', 'accepted', 'declined'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const VALUATION_METHODS = ['cost', 'market', 'income'] as const;
export type ValuationMethod = (typeof VALUATION_METHODS)[number];

/** An appraisal expert's availability, as the directory shows it (available ones first). */
export const EXPERT_AVAILABILITIES = ['available', 'busy', 'unavailable'] as const;
export type ExpertAvailability = (typeof EXPERT_AVAILABILITIES)[number];

/** Technology fairs and brokerage events: how an organization takes part. */
export const EVENT_ROLES = ['exhibitor', 'visitor'] as const;
export type EventRole = (typeof EVENT_ROLES)[number];

/**
 * A registration waits for an operator's decision; an approval may be revoked later, and every
 * registration still pending or approved ends (cancelled) when its event is cancelled.
 */
export const EVENT_REGISTRATION_STATUSES = [
  'pending',
  'approved',
  'rejected',
  'revoked',
  'cancelled',
] as const;
export type EventRegistrationStatus = (typeof EVENT_REGISTRATION_STATUSES)[number];

/** Where an event stands, from its dates and registration window, or cancelled (computed, never stored). */
export const EVENT_PHASES = [
  'registration_open',
  'registration_closed',
  'running',
  'ended',
  'cancelled',
] as const;

/** An event is held as announced (active) or called off by an operator (cancelled). */
export const EVENT_STATUSES = ['active', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export type EventPhase = (typeof EVENT_PHASES)[number];

/** A one-to-one meeting at an event: asked for, then accepted (scheduled), declined or cancelled. */
export const MEETING_STATUSES = ['requested', 'accepted', 'declined', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** What a participant says came of a meeting, once it has started. */
export const MEETING_OUTCOMES = ['no_interest', 'follow_up', 'negotiation_opened'] as const;
export type MeetingOutcome = (typeof MEETING_OUTCOMES)[number];
