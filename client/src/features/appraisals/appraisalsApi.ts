/**
 * The appraisal desk's API (server/appraisals): a listing's owner (or a party of a deal on it)
 * requests a technology appraisal or a valuation, operators assign experts, the expert accepts or
 * declines and files the report, and the owner publishes it as the listing's "appraised" badge.
 */
import { api } from '../../api';
import type { ApiRequestBody, ApiResponse } from '../../api/responses';
import type { PaymentProvider, StartedPayment } from '../payments';

export type AppraisalPage = ApiResponse<'/api/appraisals'>;
export type Appraisal = AppraisalPage['appraisals'][number];
export type AppraisalStatus = Appraisal['status'];
export type AppraisalType = Appraisal['type'];
export type Assignment = Appraisal['assignments'][number];
export type AppraisalReport = NonNullable<Appraisal['report']>;
export type Valuation = NonNullable<AppraisalReport['valuation']>;
/** The request's fee (set by the schedule when it was made) and how its payment stands. */
export type AppraisalFee = NonNullable<Appraisal['fee']>;
/** What POST /api/appraisals takes. */
export type AppraisalRequest = ApiRequestBody<'/api/appraisals', 'post'>;
/** What POST /api/appraisals/:id/report takes. */
export type ReportBody = ApiRequestBody<'/api/appraisals/{id}/report', 'post'>;

/** A published appraisal as a listing shows it (a search hit carries it without the summary). */
export interface AppraisalBadgeFacts {
  type: AppraisalType;
  trlAssessed: number;
  at: string;
  summary?: string;
}

export interface AppraisalListQuery {
  status?: string;
  page?: number;
  limit?: number;
}

/** Query keys of this feature (a prefix invalidates everything below it). */
export const appraisalKeys = {
  all: ['appraisals'] as const,
  mine: (query: AppraisalListQuery) => ['appraisals', 'mine', query] as const,
  detail: (id: string) => ['appraisals', 'detail', id] as const,
  desk: (query: AppraisalListQuery) => ['appraisals', 'desk', query] as const,
};

const path = (id: string) => `/api/appraisals/${encodeURIComponent(id)}`;
type One = { appraisal: Appraisal };

export async function requestAppraisal(body: AppraisalRequest): Promise<Appraisal> {
  return (await api<One>('/api/appraisals', { method: 'POST', body })).appraisal;
}

export type AppraisalFeeSchedule = ApiResponse<'/api/appraisals/fees'>['fees'];

/** The fees the exchange's schedule sets per appraisal type and currency (none listed: free). */
export async function appraisalFees(signal?: AbortSignal): Promise<AppraisalFeeSchedule> {
  return (await api<ApiResponse<'/api/appraisals/fees'>>('/api/appraisals/fees', { signal })).fees;
}

/** My organization's requests and, for an expert, those I am assigned to; newest first. */
export function myAppraisals(query: AppraisalListQuery, signal?: AbortSignal): Promise<AppraisalPage> {
  return api<AppraisalPage>('/api/appraisals', { query: { ...query }, signal });
}

export async function getAppraisal(id: string, signal?: AbortSignal): Promise<Appraisal> {
  return (await api<One>(path(id), { signal })).appraisal;
}

export async function acceptAppraisal(id: string): Promise<Appraisal> {
  return (await api<One>(`${path(id)}/accept`, { method: 'POST' })).appraisal;
}

export async function declineAppraisal(id: string, reason: string): Promise<Appraisal> {
  return (await api<One>(`${path(id)}/decline`, { method: 'POST', body: { reason } })).appraisal;
}

export async function reportAppraisal(id: string, body: ReportBody): Promise<Appraisal> {
  return (await api<One>(`${path(id)}/report`, { method: 'POST', body })).appraisal;
}

export async function publishAppraisal(id: string): Promise<Appraisal> {
  return (await api<One>(`${path(id)}/publish`, { method: 'POST' })).appraisal;
}

/**
 * The requesting organization pays the fee (once an expert has taken the request on): bank
 * transfer instructions, or the card checkout's URL; asked again, the same payment resumes.
 */
export function payAppraisalFee(id: string, provider: PaymentProvider): Promise<StartedPayment> {
  return api<StartedPayment>(`${path(id)}/payments`, { method: 'POST', body: { provider } });
}

/** The operators' desk: every request, by status. */
export function deskAppraisals(query: AppraisalListQuery, signal?: AbortSignal): Promise<AppraisalPage> {
  return api<AppraisalPage>('/api/admin/appraisals', { query: { ...query }, signal });
}

export async function assignExperts(id: string, expertIds: string[]): Promise<Appraisal> {
  const answer = await api<One>(`/api/admin/appraisals/${encodeURIComponent(id)}/assign`, {
    method: 'POST',
    body: { expertIds },
  });
  return answer.appraisal;
}

/** The page of a request. */
export const appraisalHref = (id: string) => `/appraisals/${id}`;
