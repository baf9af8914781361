/**
 * Refunds the part of a winner's deposit its deal's fees do not take (deposit-surplus-rules.ts),
 * run as a durable job (`deposit.surplus_refund`) when the deposit is credited, when the deal's
 * terms are agreed and when it closes won: each step is claimed on the deposit under its lock,
 * then refunded through Stripe (one idempotency key per step, a partial refund) or recorded as
 * returned by bank transfer, entered in the ledger and told to the payer, once. A Stripe refund
 * still pending is marked by its webhook (stripe-webhook.service.ts); the job looks again every
 * minute and records and tells it then. A step that keeps failing (deposit-surplus-rules.ts
 * afterSurplusFailure) is handed to the operators, who are told and find it in their payments
 * list (`?attention=surplus_refund`): they retry it or record it made outside the exchange.
 */
import type { AppContext } from '../context';
import { AppError } from '../common/errors';
import type { SessionUser } from '../common/session-user';
import { recordAudit } from '../audit';
import { operatorIds } from '../auth';
import { createNotification } from '../notifications';
import { findDealDoc } from '../deals';
import {
  DEPOSIT_SURPLUS_REFUND,
  depositSurplusRefundKey,
  enqueueJobIfAbsent,
  type JobResult,
} from '../scheduler';
import { logger } from '../common/logger';
import { notifyDepositOutcome } from './deposit-notices';
import {
  afterSurplusFailure,
  depositSurplus,
  retriedSurplusRefund,
  planSurplusRefund,
  surplusStatusOf,
  type SurplusDeposit,
  type SurplusRefund,
} from './deposit-surplus-rules';
import { recordSurplusRefund } from './ledger.store';
import type { PaymentDoc } from './payment.model';
import { findPaymentDoc, paymentStore } from './payment.store';
import { paymentDeps, type PaymentDeps } from './payment-deps';
import { callStripe } from './payment.service';
import { paymentView } from './payment.view';

const RECHECK_MS = 60_000;

/** The notice operators get of a surplus refund handed to them. */
export const SURPLUS_REFUND_NOTIFICATION = 'operator.surplus_refund_failed';

type StoredRefund = SurplusRefund & {
  at?: Date | null;
  doneAt?: Date | null;
  error?: string | null;
  needsOperatorAt?: Date | null;
  by?: unknown;
  reference?: string | null;
};

/** The deposit's steps whole (a step is written back with every field it has). */
const refundsOf = (p: PaymentDoc): StoredRefund[] =>
  (p.deposit?.refunds ?? []).map((r) => ({
    key: r.key,
    amount: r.amount,
    status: r.status as SurplusRefund['status'],
    refundId: r.refundId ?? null,
    at: r.at ?? null,
    doneAt: r.doneAt ?? null,
    failures: r.failures ?? null,
    error: r.error ?? null,
    needsOperatorAt: r.needsOperatorAt ?? null,
    retries: r.retries ?? null,
    keyRound: r.keyRound ?? null,
    by: r.by ?? null,
    reference: r.reference ?? null,
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
  /** `credited`, `agreed`, `won`, or an operator's retry or record of a step (one job each). */
  cause: string,
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
  await tellRefundedSteps(ctx, dealId);
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
    let done: PaymentDoc | null;
    try {
      done = await carryOut(doc, result, deps);
    } catch (err) {
      // Handed to the operators now: the job's work is done.
      if (await recordSurplusFailure(ctx, doc, result.key, err)) return undefined;
      throw err;
    }
    if (!done) return { rescheduleAt: new Date(Date.now() + RECHECK_MS) };
    await tellSurplusRefunded(ctx, done, result.key);
  }
  return undefined;
}

/**
 * Tells the ledger and the payer of every step already refunded: a stop between a step's refund
 * and its telling left them untold, and the job that runs again after it finds nothing left to
 * refund. Each entry and notice is written once (their unique keys refuse a second).
 */
async function tellRefundedSteps(ctx: Pick<AppContext, 'bus' | 'config'>, dealId: string): Promise<void> {
  const paymentId = (await findDealDoc(dealId))?.depositCredit?.paymentId;
  const deposit = paymentId ? await findPaymentDoc(paymentId) : null;
  if (!deposit) return;
  for (const step of refundsOf(deposit))
    if (step.status === 'succeeded') await tellSurplusRefunded(ctx, deposit, step.key);
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
  const round = refund.keyRound ? `-r${refund.keyRound}` : '';
  const made = await callStripe(() =>
    stripe.createRefund({
      paymentIntentId,
      idempotencyKey: `refund-${deposit._id}-${refund.key}${round}`,
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
    // A late failure of a step already handed to the operators leaves it theirs.
    if (refunds[at].status === 'needs_operator' && patch.status !== 'succeeded')
      return { change: null, result: null };
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
  const note = step.reference
    ? `the deposit's surplus over the deal's fees; refunded by an operator outside the exchange: ${step.reference}`
    : deposit.provider === 'stripe'
      ? "the deposit's surplus over the deal's fees"
      : "the deposit's surplus over the deal's fees; returned by bank transfer to the payer";
  await recordSurplusRefund(deposit, step, note, step.by ? String(step.by) : undefined);
  const dealId = deposit.deposit?.dealId ? String(deposit.deposit.dealId) : undefined;
  await notifyDepositOutcome(ctx, deposit, 'surplus_refunded', dealId, key);
}

/** What went wrong, as an operator reads it (a Stripe error's own words rather than our wrapper's). */
function failureText(err: unknown): string {
  const cause = err instanceof AppError ? (err as { cause?: unknown }).cause : undefined;
  return String((cause as Error)?.message ?? (err as Error)?.message ?? err).slice(0, 300);
}

/**
 * Records a failed attempt at a step; when that hands it to the operators (afterSurplusFailure),
 * tells them, once per step and retry. True when the step is now the operators'.
 */
async function recordSurplusFailure(
  ctx: Pick<AppContext, 'bus' | 'config'>,
  deposit: PaymentDoc,
  key: string,
  err: unknown,
): Promise<boolean> {
  const error = failureText(err);
  const { doc, result: handed } = await paymentStore.mutate(deposit._id, (current) => {
    const refunds = refundsOf(current);
    const at = refunds.findIndex((r) => r.key === key);
    const next = at < 0 ? null : afterSurplusFailure(refunds[at]);
    if (!next) return { change: null, result: refunds[at]?.status === 'needs_operator' };
    refunds[at] = {
      ...refunds[at],
      ...next,
      error,
      ...(next.status === 'needs_operator' ? { needsOperatorAt: new Date() } : {}),
    };
    return {
      change: { $set: { 'deposit.refunds': refunds } },
      result: next.status === 'needs_operator',
    };
  });
  if (handed) await alertOperatorsOfSurplusRefund(ctx, doc, key);
  return handed;
}

/** Every operator is told of a step handed to them, once per step and retry. */
async function alertOperatorsOfSurplusRefund(
  ctx: Pick<AppContext, 'bus' | 'config'>,
  deposit: PaymentDoc,
  key: string,
): Promise<void> {
  const step = refundsOf(deposit).find((r) => r.key === key);
  if (!step) return;
  const title = deposit.title ?? '';
  const error = step.error ?? '';
  for (const operator of await operatorIds()) {
    await createNotification(ctx, {
      userId: operator,
      type: SURPLUS_REFUND_NOTIFICATION,
      title: {
        vi: `Hoàn phần tiền đặt cọc vượt phí không thành công, cần người vận hành xử lý: ${title}`,
        en: `A refund of a deposit's surplus keeps failing and needs an operator: ${title}`,
      },
      body: { vi: error, en: error },
      link: '/admin/payments?attention=surplus_refund',
      data: {
        paymentId: String(deposit._id),
        dealId: deposit.deposit?.dealId ? String(deposit.deposit.dealId) : undefined,
        key,
        amount: step.amount,
        currency: deposit.currency,
        error,
      },
      dedupeKey: `${SURPLUS_REFUND_NOTIFICATION}:${deposit._id}:${key}:${step.retries ?? 0}:${operator}`,
    });
  }
}

/** The deposit and its step waiting for an operator, changed under the deposit's lock by `change`. */
async function settleByOperator(
  paymentId: string,
  change: (step: StoredRefund) => StoredRefund,
): Promise<{ deposit: PaymentDoc; step: StoredRefund }> {
  const deposit = await findPaymentDoc(paymentId);
  if (!deposit || deposit.purpose !== 'bid_deposit') throw AppError.notFound('Deposit');
  const { doc, result } = await paymentStore.mutate(deposit._id, (current) => {
    const refunds = refundsOf(current);
    const at = refunds.findIndex((r) => r.status === 'needs_operator');
    if (at < 0) throw AppError.conflict("No refund of this deposit's surplus is waiting for an operator");
    refunds[at] = change(refunds[at]);
    return { change: { $set: { 'deposit.refunds': refunds } }, result: refunds[at] };
  });
  return { deposit: doc, step: result };
}

/**
 * An operator retries a step handed to them (retriedSurplusRefund): asked of Stripe again at once
 * by a job of its own; a failure hands it straight back (503 naming what went wrong).
 */
export async function retrySurplusRefund(
  ctx: Pick<AppContext, 'bus' | 'config'>,
  operator: SessionUser,
  paymentId: string,
) {
  const { deposit, step } = await settleByOperator(paymentId, (s) => ({
    ...retriedSurplusRefund(s),
    error: null,
    needsOperatorAt: null,
    by: operator.id,
  }));
  await recordAudit({
    actorId: operator.id,
    action: 'deposit.surplus_refund_retry',
    targetType: 'payment',
    targetId: paymentId,
    data: { key: step.key, amount: step.amount, currency: deposit.currency, retry: step.retries },
  });
  await scheduleSurplusRefund(ctx, String(deposit.deposit?.dealId), `retry:${step.key}:${step.retries}`);
  const after = (await findPaymentDoc(paymentId))!;
  const now = refundsOf(after).find((r) => r.key === step.key);
  if (now?.status === 'needs_operator')
    throw AppError.unavailable(`The refund failed again: ${now.error ?? 'unknown error'}`);
  return { payment: paymentView(after) };
}

/**
 * An operator records a step handed to them as made outside the exchange (a bank transfer to the
 * payer, Stripe's dashboard), with its reference: the ledger records it and the payer is told,
 * once; the refund of any further surplus goes on.
 */
export async function recordSurplusRefundMade(
  ctx: Pick<AppContext, 'bus' | 'config'>,
  operator: SessionUser,
  paymentId: string,
  reference: string,
) {
  const { deposit, step } = await settleByOperator(paymentId, (s) => ({
    ...s,
    status: 'succeeded',
    doneAt: new Date(),
    by: operator.id,
    reference,
  }));
  await tellSurplusRefunded(ctx, deposit, step.key);
  await recordAudit({
    actorId: operator.id,
    action: 'deposit.surplus_refund_recorded',
    targetType: 'payment',
    targetId: paymentId,
    data: { key: step.key, amount: step.amount, currency: deposit.currency, reference },
  });
  await scheduleSurplusRefund(ctx, String(deposit.deposit?.dealId), `recorded:${step.key}`);
  return { payment: paymentView((await findPaymentDoc(paymentId))!) };
}
