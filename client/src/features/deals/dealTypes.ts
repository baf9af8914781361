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

export const OPEN_DEAL_STATUSES: readonly DealStatus[] = ['negotiating', 'agreed', 'awaiting_payment'];
