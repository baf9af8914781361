/**
 * The appraisal request's rules, as plain functions: who may be assigned (never an expert in
 * conflict with the listing's owner or the requester), and each step's change —
 * requested → assigned → in progress (an expert accepted) → reported → published; an expert who
 * declines leaves the request to the others, or back to the operators' queue.
 */
import type { AppraisalStatus, AppraisalType, ValuationMethod } from '../api-contract/enums';
import { AppError } from '../common/errors';

export interface Assignment {
  expertId: string;
  status: 'assigned' | 'accepted' | 'declined';
  assignedAt: Date;
  assignedBy?: string;
  decidedAt?: Date;
  declineReason?: string;
}

export interface AppraisalState {
  status: AppraisalStatus;
  type: AppraisalType;
  listingOrgId: string;
  requesterOrgId: string;
  assignments: Assignment[];
}

export interface ExpertCandidate {
  id: string;
  name: string;
  /** Organisations the expert may not appraise for: their own and those they declared. */
  conflicts: readonly string[];
}

export interface AppraisalReport {
  trlAssessed: number;
  findings: string;
  risks: string;
  valuation?: { low: number; high: number; currency: string; method: ValuationMethod; assumptions?: string };
  recommendation: string;
}

const open = (a: Assignment) => a.status !== 'declined';

/** The assignments after operators assign `expertIds` (those already assigned stay as they are). */
export function planAssignment(
  current: AppraisalState,
  expertIds: readonly string[],
  experts: readonly ExpertCandidate[],
  by: string,
  now: Date,
): { assignments: Assignment[]; status: AppraisalStatus } {
  if (current.status !== 'requested' && current.status !== 'assigned')
    throw AppError.conflict(
      'Experts are assigned to a request that is waiting for them, not to one already under way',
    );
  const byId = new Map(experts.map((e) => [e.id, e]));
  const unknown = expertIds.filter((id) => !byId.has(id));
  if (unknown.length)
    throw AppError.validation(
      unknown.map((id) => ({ field: 'expertIds', message: `${id} is not an expert of the directory` })),
      'Only experts of the directory can be assigned',
    );
  for (const id of expertIds) {
    const expert = byId.get(id)!;
    const conflict = [current.listingOrgId, current.requesterOrgId].find((org) =>
      expert.conflicts.includes(org),
    );
    if (conflict)
      throw AppError.conflict(
        `${expert.name} has a conflict of interest with ${conflict === current.listingOrgId ? "the listing's owner" : 'the requester'} and cannot be assigned`,
      );
  }
  const assignments = [...current.assignments];
  for (const id of expertIds) {
    const existing = assignments.findIndex((a) => a.expertId === id);
    if (existing >= 0 && open(assignments[existing])) continue;
    const fresh: Assignment = { expertId: id, status: 'assigned', assignedAt: now, assignedBy: by };
    if (existing >= 0) assignments[existing] = fresh;
    else assignments.push(fresh);
  }
  return { assignments, status: 'assigned' };
}

function assignmentOf(current: AppraisalState, expertId: string): { index: number; assignment: Assignment } {
  const index = current.assignments.findIndex((a) => a.expertId === expertId);
  if (index < 0) throw AppError.forbidden('Only an expert assigned to this request may do this');
  return { index, assignment: current.assignments[index] };
}

const replaced = (list: Assignment[], index: number, next: Assignment) =>
  list.map((a, i) => (i === index ? next : a));

/** The assigned expert takes the request on: it is under way, and they may read the confidential documents. */
export function planAcceptance(current: AppraisalState, expertId: string, now: Date) {
  const { index, assignment } = assignmentOf(current, expertId);
  if (assignment.status !== 'assigned')
    throw AppError.conflict(`You already ${assignment.status} this request`);
  if (current.status !== 'assigned' && current.status !== 'in_progress')
    throw AppError.conflict('This request is no longer waiting for experts');
  return {
    assignments: replaced(current.assignments, index, { ...assignment, status: 'accepted', decidedAt: now }),
    status: 'in_progress' as AppraisalStatus,
  };
}

/** The assigned expert declines: the others carry on, or the request goes back to the operators' queue. */
export function planDecline(
  current: AppraisalState,
  expertId: string,
  reason: string | undefined,
  now: Date,
) {
  const { index, assignment } = assignmentOf(current, expertId);
  if (assignment.status !== 'assigned')
    throw AppError.conflict(`You already ${assignment.status} this request`);
  const assignments = replaced(current.assignments, index, {
    ...assignment,
    status: 'declined',
    decidedAt: now,
    ...(reason ? { declineReason: reason } : {}),
  });
  const stillOpen = assignments.filter(open);
  const status: AppraisalStatus = stillOpen.some((a) => a.status === 'accepted')
    ? 'in_progress'
    : stillOpen.length > 0
      ? 'assigned'
      : 'requested';
  return { assignments, status };
}

/** An expert who accepted files the report; a valuation's must carry a value range. */
export function planReport(current: AppraisalState, expertId: string, report: AppraisalReport) {
  const { assignment } = assignmentOf(current, expertId);
  if (assignment.status !== 'accepted') throw AppError.conflict('Accept the request before reporting on it');
  if (current.status !== 'in_progress') throw AppError.conflict('This request is not under way');
  if (current.type === 'valuation' && !report.valuation)
    throw AppError.validation([{ field: 'valuation', message: 'a valuation report gives a value range' }]);
  if (report.valuation && report.valuation.low > report.valuation.high)
    throw AppError.validation([{ field: 'valuation.high', message: 'high must not be below low' }]);
  return { status: 'reported' as AppraisalStatus };
}

/**
 * The listing's owner publishes the report's summary on the listing; an appraisal with a fee
 * only once its fee is paid.
 */
export function planPublication(current: { status: AppraisalStatus }, feeSettled: boolean) {
  if (current.status === 'published') throw AppError.conflict('This appraisal is already published');
  if (current.status !== 'reported') throw AppError.conflict('Only a reported appraisal can be published');
  if (!feeSettled) throw AppError.conflict("The appraisal's fee is not paid yet: it is published once it is");
  return { status: 'published' as AppraisalStatus };
}

/** The fee falls due once an expert has taken the request on (a request nobody takes costs nothing). */
export const FEE_DUE_STATUSES: readonly AppraisalStatus[] = ['in_progress', 'reported', 'published'];

export function assertFeeDue(current: { status: AppraisalStatus; fee?: { amount: number } | null }): void {
  if (!current.fee) throw AppError.conflict('This appraisal has no fee to pay');
  if (!FEE_DUE_STATUSES.includes(current.status))
    throw AppError.conflict("The appraisal's fee is due once an expert has taken the request on");
}

export type FeeStatus = 'unpaid' | 'pending' | 'paid';

/** The fee's state from its payments: paid by any payment that stands paid, else pending while one is. */
export function feeStatusOf(payments: readonly { status: string }[]): FeeStatus {
  if (payments.some((p) => p.status === 'paid')) return 'paid';
  if (payments.some((p) => p.status === 'pending')) return 'pending';
  return 'unpaid';
}

/**
 * The report is withheld from the requester and the listing's owner until the fee is paid;
 * operators and the request's experts read it as soon as it is filed.
 */
export function reportWithheld(
  reader: { id: string; role: string },
  current: { assignments: readonly Assignment[]; report?: unknown },
  feeStatus: FeeStatus | null,
): boolean {
  if (!current.report || feeStatus === null || feeStatus === 'paid') return false;
  if (reader.role === 'admin') return false;
  return !current.assignments.some((a) => a.expertId === reader.id && a.status !== 'declined');
}

/** Experts who accepted and have not yet been replaced: they may read the listing's confidential documents. */
export function expertsWithAccess(assignments: readonly Assignment[]): string[] {
  return assignments.filter((a) => a.status === 'accepted').map((a) => a.expertId);
}
