/** Deals as the server returns them: aliases of the types generated from the OpenAPI document. */
import type { ApiRequestBody, ApiResponse } from '../../api/responses';

export type Deal = ApiResponse<'/api/deals/{id}'>['deal'];
export type DealRole = Deal['myRole'];
export type DealStatus = Deal['status'];
export type DealParty = TermSheet['acceptedBy'][number]['role'];
export type TermSheet = Deal['termSheets'][number];
export type Milestone = TermSheet['milestones'][number];
export type TimelineEntry = Deal['timeline'][number];
export type NamedRef = Deal['seller'];
export type DealDocuments = ApiResponse<'/api/deals/{id}/documents'>;
export type DealDocument = DealDocuments['documents'][number];
export type BrokerCandidate = ApiResponse<'/api/deals/{id}/broker-candidates'>['brokers'][number];

export type NewTermSheet = ApiRequestBody<'/api/deals/{id}/terms', 'post'>;

export type DeliveryPlan = ApiResponse<'/api/deals/{id}/milestones'>;
/** A milestone of the delivery plan, with its state (unlike a term sheet's `Milestone`). */
export type DeliveryMilestone = DeliveryPlan['milestones'][number];
export type DeliveryMilestoneStatus = DeliveryMilestone['status'];
export type MilestoneResolution = ApiRequestBody<'/api/deals/{id}/milestones/{n}/resolve', 'post'>;
export type DisputeOutcome = MilestoneResolution['outcome'];
export type MilestoneChange = ApiResponse<'/api/deals/{id}/milestones/{n}/accept', 'post'>;
/** What the buyer records of paying the seller for a milestone. */
export type MilestoneTransfer = ApiRequestBody<'/api/deals/{id}/milestones/{n}/transfer', 'post'>;
/** A party's share of the exchange's fee on an accepted milestone. */
export type MilestoneFee = DeliveryMilestone['fees'][number];
/** A page of the operators' list of overdue milestones across deals. */
export type OverdueMilestones = ApiResponse<'/api/admin/milestones/overdue'>;
export type OverdueMilestone = OverdueMilestones['milestones'][number];

/** Deals still under way (a broker may still change): every status but the ended ones. */
export const OPEN_DEAL_STATUSES: readonly DealStatus[] = [
  'negotiating',
  'agreed',
  'awaiting_payment',
  'delivering',
];

/** Where a party (or an operator) may still cancel the deal: not once delivery has started. */
export const CANCELLABLE_DEAL_STATUSES: readonly DealStatus[] = ['negotiating', 'agreed', 'awaiting_payment'];

export const ENDED_DEAL_STATUSES: readonly DealStatus[] = ['closed_won', 'closed_lost', 'cancelled'];

/** Days after a delivery when the server accepts it for a buyer who did not answer (MILESTONE_ACCEPT_DAYS). */
export const MILESTONE_ACCEPT_DAYS = 14;
