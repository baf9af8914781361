/** An appraisal request as its readers see it (the requester, its experts, operators). */
import type { AppraisalDoc } from './appraisal.store';
import type { FeeStatus } from './appraisal-rules';

/** How the fee stands for this reader, and whether the report is held back from them until it is paid. */
export interface FeeShown {
  status: FeeStatus;
  paymentId?: string;
  withheld: boolean;
}

const iso = (d: Date | string | undefined | null) => (d ? new Date(d).toISOString() : undefined);

export function appraisalView(
  a: AppraisalDoc,
  expertNames: ReadonlyMap<string, string> = new Map(),
  fee?: FeeShown,
) {
  const showReport = a.report && !fee?.withheld;
  return {
    id: String(a._id),
    listingKind: a.listingKind,
    listingId: a.listingId,
    listingTitle: a.listingTitle,
    listingOrgId: a.listingOrgId,
    field: a.field ?? null,
    type: a.type,
    note: a.note ?? '',
    status: a.status,
    requestedBy: a.requestedBy,
    requesterOrgId: a.requesterOrgId,
    requesterRole: a.requesterRole,
    assignments: (a.assignments ?? []).map((x) => ({
      expertId: x.expertId,
      name: expertNames.get(x.expertId) ?? '',
      status: x.status,
      assignedAt: iso(x.assignedAt)!,
      ...(x.decidedAt ? { decidedAt: iso(x.decidedAt) } : {}),
      ...(x.declineReason ? { declineReason: x.declineReason } : {}),
    })),
    documentAccess: (a.accessGrants ?? []).map((g) => ({ userId: g.userId, at: iso(g.at)! })),
    ...(a.fee
      ? {
          fee: {
            amount: a.fee.amount,
            currency: a.fee.currency,
            status: fee?.status ?? 'unpaid',
            ...(fee?.paymentId ? { paymentId: fee.paymentId } : {}),
          },
        }
      : {}),
    ...(a.report && fee?.withheld ? { reportWithheld: true } : {}),
    ...(showReport && a.report
      ? {
          report: {
            expertId: a.report.expertId,
            trlAssessed: a.report.trlAssessed,
            findings: a.report.findings,
            risks: a.report.risks,
            ...(a.report.valuation ? { valuation: a.report.valuation } : {}),
            recommendation: a.report.recommendation,
            submittedAt: iso(a.report.submittedAt)!,
          },
        }
      : {}),
    ...(a.publishedAt ? { publishedAt: iso(a.publishedAt) } : {}),
    timeline: (a.timeline ?? []).map((e) => ({
      at: iso(e.at)!,
      event: e.event,
      ...(e.by ? { by: e.by } : {}),
    })),
    createdAt: iso(a.createdAt)!,
    updatedAt: iso(a.updatedAt)!,
  };
}

export type AppraisalView = ReturnType<typeof appraisalView>;
