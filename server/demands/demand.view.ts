import {
  attachmentViews,
  appraisalBadgeView,
  listingImageViews,
  iso,
  listingDates,
  type ListingDoc,
  type OrganizationSummary,
} from '../listings';
import { callDepositOf } from '../listings';

/** The contract's `demand`. */
export function demandView(doc: ListingDoc, organization: OrganizationSummary) {
  const b = doc.budget ?? {};
  return {
    id: String(doc._id),
    kind: 'demand' as const,
    status: doc.status as string,
    organization,
    title: doc.title as string,
    summary: (doc.summary ?? '') as string,
    problem: (doc.problem ?? '') as string,
    desiredOutcome: (doc.desiredOutcome ?? '') as string,
    language: doc.language as string,
    field: doc.field as string,
    subField: (doc.subField ?? null) as string | null,
    keywords: (doc.keywords ?? []) as string[],
    minTrl: (doc.minTrl ?? 1) as number,
    budget: {
      min: (b.min ?? null) as number | null,
      max: (b.max ?? null) as number | null,
      currency: (b.currency ?? 'VND') as string,
    },
    transferModes: (doc.transferModes ?? []) as string[],
    province: (doc.province ?? null) as string | null,
    mode: (doc.mode ?? 'open') as string,
    deadline: iso(doc.deadline),
    callClosedAt: iso(doc.callClosedAt),
    deposit: callDepositOf({
      mode: doc.mode,
      budget: doc.budget,
      deposit: doc.deposit,
      depositPct: doc.depositPct,
    })?.amount,
    depositPct: doc.depositPct ?? undefined,
    attachments: attachmentViews(doc.attachments),
    images: listingImageViews(doc.images),
    ...(doc.appraisal ? { appraisal: appraisalBadgeView(doc.appraisal) } : {}),
    ndaText: doc.ndaText ?? undefined,
    confidentialAccess: (doc.confidentialAccess ?? 'on_request') as string,
    rejectionReason: doc.rejectionReason ?? undefined,
    ...listingDates(doc),
  };
}

export type DemandView = ReturnType<typeof demandView>;
