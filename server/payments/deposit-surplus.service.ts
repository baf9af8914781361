/**
 * Refunds the part of a winner's deposit its deal's fees do not take (deposit-surplus-rules.ts),
 * run as a durable job (`deposit.surplus_refund`) when the deposit is credited, when the deal's
 * terms are agreed and when it closes won: each step is claimed on the deposit under its lock,
 * then refunded through Stripe (one idempotency key per step, a partial refund) or recorded as
 * returned by bank transfer, entered in the ledger and told to the payer, once. A Stripe refund
 * still pending is marked by its webhook (stripe-webhook.service.ts); the job looks again every
 * minute and records and tells it then.
 */
import type { AppContext } from '../context';
import { findDealDoc } from '../deals/deal.store';
import { enqueueJobIfAbsent } from '../scheduler/job.store';
import type { JobResult } from '../scheduler/scheduler';
import { DEPOSIT_SURPLUS_REFUND, depositSurplusRefundKey } from '../scheduler/job-types';
import { logger } from '../common/logger';
import { notifyDepositOutcome } from './deposit-notices';
import {
  depositSurplus,
  planSurplusRefund,
  surplusStatusOf,
  type SurplusDeposit,
  type SurplusRefund,
} from './deposit-surplus-rules';
import { recordSurplusRefund } from './ledger.store';
import type { PaymentDoc } from './payment.model';
import { paymentStore } from './payment.store';
import { paymentDeps, type PaymentDeps } from './payment-deps';
import { callStripe } from './payment.service';

const RECHECK_MS = 60_000;

type StoredRefund = SurplusRefund & { at?: Date | null; doneAt?: Date | null };

const refundsOf = (p: PaymentDoc): StoredRefund[] =>
  (p.deposit?.refunds ?? []).map((r) => ({
    key: r.key,
    amount: r.amount,
    status: r.status as SurplusRefund['status'],
    refundId: r.refundId ?? null,
    at: r.at ?? null,
    doneAt: r.doneAt ?? null,
  }));

const factsOf = (p: PaymentDoc): SurplusDeposit => ({
  status: p.status,
  amount: p.amount,
  outcome: p.deposit?.outcome,
  refunds: refundsOf(p),
});

/** Makes the deal's surplus job (once per cause) and tries it at once; the job retries a failure. */
export async function scheduleSurplusRefund(
  ctx: Pick<AppContext, 'bus' | 'config'>,
  dealId: string,
  cause: 'credited' | 'agreed' | 'won',
): Promise<void> {
  try {
    await enqueueJobIfAbsent({
      type: DEPOSIT_SURPLUS_REFUND,
      runAt: new Date(),
      payload: { dealId },
      dedupeKey: depositSurplusRefundKey(dealId, cause),
    });
    await refundDepositSurplus(ctx, dealId);
  } catch (err) {
    logger.warn({ err, dealId }, "a deposit's surplus was not refunded yet; its job retries");
  }
}

/** Carries the deal's deposit surplus refund as far as it goes now; rescheduled while Stripe's refund is pending. */
export async function refundDepositSurplus(
  ctx: Pick<AppContext, 'bus' | 'config'>,
  dealId: string,
): Promise<JobResult> {
  const deps = paymentDeps(ctx);
  // A step finished may leave another (a claimed step resumed, then the rest of the surplus).
  for (let step = 0; step < 3; step++) {
    const deal = await findDealDoc(dealId);
    const paymentId = deal?.depositCredit?.paymentId;
    if (!deal || !paymentId) return undefined;
    const surplus = depositSurplus(deal, deps.schedule);
    const { doc, result } = await paymentStore.mutate(paymentId, (current) => {
      const plan = planSurplusRefund(factsOf(current), surplus);
      if (plan.kind === 'none') return { change: null, result: null };
      if (plan.kind === 'resume') return { change: null, result: plan.refund };
      const claimed = { ...plan.refund, at: new Date() };
      return { change: { $set: { 'deposit.refunds': [...refundsOf(current), claimed] } }, result: claimed };
    });
    if (!result) return undefined;
    const done = await carryOut(doc, result, deps);
    if (!done) return { rescheduleAt: new Date(Date.now() + RECHECK_MS) };
    await tellSurplusRefunded(ctx, done, result.key);
  }
  return undefined;
}

/** Asks the refund of a claimed step, or records it returned; the deposit once the step succeeded, else null. */
async function carryOut(
  deposit: PaymentDoc,
  refund: SurplusRefund,
  deps: Pick<PaymentDeps, 'providers'>,
): Promise<PaymentDoc | null> {
  if (refund.status === 'succeeded') return deposit;
  if (refund.status === 'failed')
    throw new Error(`the surplus refund ${refund.key} of deposit ${deposit._id} failed at Stripe`);
  if (deposit.provider !== 'stripe')
    return markSurplusRefund(deposit._id, refund.key, { status: 'succeeded' });
  // Asked already: its webhook finishes it.
  if (refund.refundId) return null;
  const stripe = deps.providers.stripe;
  const paymentIntentId = deposit.stripe?.paymentIntentId;
  if (!stripe || !paymentIntentId)
    throw new Error(`the surplus of deposit ${deposit._id} cannot be refunded through Stripe yet`);
  const made = await callStripe(() =>
    stripe.createRefund({
      paymentIntentId,
      idempotencyKey: `refund-${deposit._id}-${refund.key}`,
      paymentId: String(deposit._id),
      amount: refund.amount,
      part: 'surplus',
    }),
  );
  return markSurplusRefund(deposit._id, refund.key, {
    status: surplusStatusOf(made.status),
    refundId: made.id,
  });
}

/**
 * Records a step's refund as Stripe or the bank tells it (also from Stripe's webhook, by its
 * refund id); the deposit once the step succeeded, else null.
 */
export async function markSurplusRefund(
  paymentId: unknown,
  key: string | { refundId: string },
  patch: { status: SurplusRefund['status']; refundId?: string },
): Promise<PaymentDoc | null> {
  const matches = (r: StoredRefund) =>
    typeof key === 'string' ? r.key === key : !!r.refundId && r.refundId === key.refundId;
  const { doc } = await paymentStore.mutate(paymentId as PaymentDoc['_id'], (current) => {
    const refunds = refundsOf(current);
    const at = refunds.findIndex(matches);
    if (at < 0 || refunds[at].status === 'succeeded') return { change: null, result: null };
    refunds[at] = {
      ...refunds[at],
      status: patch.status,
      refundId: patch.refundId ?? refunds[at].refundId,
      ...(patch.status === 'succeeded' ? { doneAt: new Date() } : {}),
    };
    return { change: { $set: { 'deposit.refunds': refunds } }, result: null };
  });
  const step = refundsOf(doc).find(matches);
  return step?.status === 'succeeded' ? doc : null;
}

/** The ledger's entry and the payer's notice of a step refunded, each once. */
export async function tellSurplusRefunded(
  ctx: Pick<AppContext, 'bus' | 'config'>,
  deposit: PaymentDoc,
  key: string,
): Promise<void> {
  const step = refundsOf(deposit).find((r) => r.key === key);
  if (!step || step.status !== 'succeeded') return;
  const note =
    deposit.provider === 'stripe'
      ? "the deposit's surplus over the deal's fees"
      : "the deposit's surplus over the deal's fees; returned by bank transfer to the payer";
  await recordSurplusRefund(deposit, step, note);
  const dealId = deposit.deposit?.dealId ? String(deposit.deposit.dealId) : undefined;
  await notifyDepositOutcome(ctx, deposit, 'surplus_refunded', dealId, key);
}
