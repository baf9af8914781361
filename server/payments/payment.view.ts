import type { PaymentDoc } from './payment.model';
import type { LedgerEntryDoc } from './ledger.model';
import { receiptNumberOf } from './reference';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : undefined);
const idOf = (v: unknown) => (v == null ? undefined : String(v));

type Refund = NonNullable<NonNullable<PaymentDoc['deposit']>['refunds']>[number];
const sumOf = (refunds: readonly Refund[]) =>
  refunds.length ? refunds.reduce((sum, r) => sum + r.amount, 0) : undefined;

/** How a credited deposit's surplus refunds stand: made, under way, and one waiting for an operator. */
function surplusView(refunds: readonly Refund[] | null | undefined) {
  const steps = refunds ?? [];
  const stuck = steps.find((r) => r.status === 'needs_operator');
  return {
    surplusRefunded: sumOf(steps.filter((r) => r.status === 'succeeded')),
    surplusRefundPending: sumOf(steps.filter((r) => r.status !== 'succeeded')),
    surplusRefundNeedsOperator: stuck
      ? {
          key: stuck.key,
          amount: stuck.amount,
          error: stuck.error ?? undefined,
          since: iso(stuck.needsOperatorAt),
          retries: stuck.retries ?? 0,
        }
      : undefined,
  };
}

/** A payment as the API returns it: ids as strings, times as ISO strings, money in minor units. */
export function paymentView(p: PaymentDoc) {
  const receiptable = p.status === 'paid' || p.status === 'refunded';
  return {
    id: String(p._id),
    dealId: idOf(p.dealId),
    appraisalId: idOf(p.appraisalId),
    offerId: idOf(p.offerId),
    demandId: idOf(p.demandId),
    listingId: idOf(p.listingId),
    listingKind: p.listingKind ?? undefined,
    royaltyReportId: idOf(p.royaltyReportId),
    milestone: p.milestone ?? undefined,
    deposit:
      p.deposit?.outcome || p.deposit?.keptForRunnerUpAt
        ? {
            outcome: p.deposit.outcome ?? undefined,
            dealId: idOf(p.deposit.dealId),
            at: iso(p.deposit.at),
            reason: p.deposit.reason ?? undefined,
            ...surplusView(p.deposit.refunds),
            forfeitedAmount: p.deposit.forfeitedAmount ?? undefined,
            keptForRunnerUpAt: iso(p.deposit.keptForRunnerUpAt),
            runnerUp: p.deposit.runnerUp?.bidId
              ? { bidId: String(p.deposit.runnerUp.bidId), dealId: idOf(p.deposit.runnerUp.dealId) }
              : undefined,
          }
        : undefined,
    title: p.title ?? undefined,
    purpose: p.purpose,
    payer: p.payer,
    payerOrgId: String(p.payerOrgId),
    amount: p.amount,
    currency: p.currency,
    provider: p.provider,
    status: p.status,
    reference: p.reference,
    receiptNumber: receiptable ? receiptNumberOf(p.reference) : undefined,
    checkoutUrl: p.status === 'pending' ? (p.stripe?.checkoutUrl ?? undefined) : undefined,
    stripe:
      p.provider === 'stripe'
        ? {
            checkoutSessionId: p.stripe?.checkoutSessionId ?? undefined,
            paymentIntentId: p.stripe?.paymentIntentId ?? undefined,
            refundId: p.stripe?.refundId ?? undefined,
            refundStatus: p.stripe?.refundStatus ?? undefined,
          }
        : undefined,
    payees: p.payees?.length
      ? p.payees.map((x) => ({ userId: String(x.userId), purpose: x.purpose, amount: x.amount }))
      : undefined,
    duplicate: Boolean(p.duplicate),
    createdBy: String(p.createdBy),
    confirmedBy: idOf(p.confirmedBy),
    bankReceipt: p.bankReceipt
      ? {
          amount: p.bankReceipt.amount ?? undefined,
          bankReference: p.bankReceipt.bankReference ?? undefined,
          receivedOn: iso(p.bankReceipt.receivedOn),
        }
      : undefined,
    refundedBy: idOf(p.refundedBy),
    refundReason: p.refundReason ?? undefined,
    paidAt: iso(p.paidAt),
    failedAt: iso(p.failedAt),
    refundedAt: iso(p.refundedAt),
    history: (p.history ?? []).map((h) => ({
      at: iso(h.at),
      event: h.event,
      from: h.from ?? undefined,
      to: h.to ?? undefined,
      actorId: idOf(h.actorId),
      source: h.source,
      stripeEventId: h.stripeEventId ?? undefined,
      note: h.note ?? undefined,
    })),
    createdAt: iso(p.createdAt),
    updatedAt: iso(p.updatedAt),
  };
}

export type PaymentView = ReturnType<typeof paymentView>;

export function ledgerEntryView(e: LedgerEntryDoc) {
  return {
    id: String(e._id),
    at: iso(e.at),
    kind: e.kind,
    dealId: idOf(e.dealId),
    appraisalId: idOf(e.appraisalId),
    listingId: idOf(e.listingId),
    payeeUserId: idOf(e.payeeUserId),
    paymentId: String(e.paymentId),
    purpose: e.purpose,
    payer: e.payer,
    payerOrgId: String(e.payerOrgId),
    amount: e.amount,
    currency: e.currency,
    provider: e.provider,
    reference: e.reference,
    providerIds: {
      checkoutSessionId: e.providerIds?.checkoutSessionId ?? undefined,
      paymentIntentId: e.providerIds?.paymentIntentId ?? undefined,
      refundId: e.providerIds?.refundId ?? undefined,
      stripeEventId: e.providerIds?.stripeEventId ?? undefined,
    },
    actorId: idOf(e.actorId),
    source: e.source,
    note: e.note ?? undefined,
    line: e.line ?? undefined,
  };
}

export type LedgerEntryView = ReturnType<typeof ledgerEntryView>;
