/**
 * What becomes of an auction's deposits once it has closed, run by the auction's durable close
 * job right after the close (scheduler/deadline-jobs.ts): a deposit still being paid is closed;
 * a paid deposit of a bidder who lost is refunded (through Stripe under an idempotency key, or
 * recorded as returned by bank transfer); the winner's is credited to the deal it won. Every
 * step is safe to repeat, so a stop half way is finished by the job's retry.
 *
 * An operator may later forfeit the credited deposit of a winner who walked away from the deal.
 */
import { AppError } from '../common/errors';
import type { SessionUser } from '../common/session-user';
import { recordAudit } from '../audit/audit.service';
import { dealReads, dealStore } from '../deals/deal.store';
import type { DealDoc } from '../deals';
import { depositsOfOffer } from './deal-payments';
import { closePendingPayment } from './ended-deal-payments';
import { recordLedgerEntry } from './ledger.store';
import type { PaymentDoc } from './payment.model';
import { findPaymentDoc, paymentStore } from './payment.store';
import { applyEventToPayment } from './payment-transitions';
import type { PaymentDeps } from './payment-deps';
import { callStripe } from './payment.service';
import { paymentView } from './payment.view';
import { notifyDepositOutcome } from './deposit-notices';
import type { AppContext } from '../context';

export interface AuctionDepositsClose {
  offerId: string;
  /** The winning bidder's organization and the deal it won; absent when nothing sold. */
  winnerOrgId?: string;
  dealId?: string;
}

export interface DepositSettlementDeps extends Pick<PaymentDeps, 'providers'> {
  /** Where the bidders are told what became of their deposits. */
  ctx: Pick<AppContext, 'bus' | 'config'>;
}

export async function settleAuctionDeposits(
  close: AuctionDepositsClose,
  deps: DepositSettlementDeps,
): Promise<{ refunded: number; credited: number; closed: number }> {
  const done = { refunded: 0, credited: 0, closed: 0 };
  for (const deposit of await depositsOfOffer(close.offerId)) {
    const winner = !!close.winnerOrgId && String(deposit.payerOrgId) === close.winnerOrgId;
    if (deposit.status === 'pending') {
      if (await closePendingPayment(deposit, 'the auction has closed', deps)) done.closed++;
    } else if (deposit.status === 'paid' && winner && close.dealId) {
      if (await creditDeposit(deposit, close.dealId)) done.credited++;
      // Told once however often the job runs (the notice's dedupe key).
      await notifyDepositOutcome(deps.ctx, deposit, 'credited', close.dealId);
    } else if (deposit.status === 'paid' && !winner && !deposit.deposit?.outcome) {
      const refunded = await refundDeposit(deposit, deps);
      done.refunded++;
      if (refunded) await notifyDepositOutcome(deps.ctx, refunded, 'refunded');
    } else if (deposit.status === 'refunded') {
      // Refunded by an earlier run or by Stripe's webhook since: told once (the notice's dedupe key).
      await notifyDepositOutcome(deps.ctx, deposit, 'refunded');
    }
  }
  return done;
}

/**
 * Credits the winner's deposit to the deal it won (its buyer's fees are reduced by it, see
 * deal-fees.ts), then marks the deposit as held against that deal; false when it already was.
 */
async function creditDeposit(deposit: PaymentDoc, dealId: string): Promise<boolean> {
  const credit = { paymentId: deposit._id, amount: deposit.amount, currency: deposit.currency };
  await dealStore.mutate(dealId, (deal) => ({
    change: deal.depositCredit ? null : { $set: { depositCredit: credit } },
    result: null,
  }));
  const { doc, written } = await paymentStore.mutate(deposit._id, (current) => ({
    change: current.deposit?.outcome
      ? null
      : { $set: { deposit: { outcome: 'credited', dealId, at: new Date() } } },
    result: null,
  }));
  await recordLedgerEntry(doc, 'deposit_credited', { source: 'system', note: `credited to deal ${dealId}` });
  return written;
}

/** Refunds a loser's deposit; the payment once refunded, or null while Stripe's refund is pending. */
async function refundDeposit(
  deposit: PaymentDoc,
  deps: Pick<PaymentDeps, 'providers'>,
): Promise<PaymentDoc | null> {
  const note = 'the bidder did not win the auction';
  if (deposit.provider === 'stripe') {
    const stripe = deps.providers.stripe;
    const paymentIntentId = deposit.stripe?.paymentIntentId;
    // Without Stripe (or its PaymentIntent yet) the job is retried until the refund can be made.
    if (!stripe || !paymentIntentId)
      throw new Error(`deposit ${deposit._id} cannot be refunded through Stripe yet`);
    const refund = await callStripe(() =>
      stripe.createRefund({
        paymentIntentId,
        idempotencyKey: `refund-${deposit._id}`,
        paymentId: String(deposit._id),
      }),
    );
    await paymentStore.mutate(deposit._id, () => ({
      change: {
        $set: { refundReason: note, 'stripe.refundId': refund.id, 'stripe.refundStatus': refund.status },
      },
      result: null,
    }));
    // A pending refund completes when Stripe's refund.updated arrives.
    if (refund.status !== 'succeeded') return null;
  }
  const { payment } = await applyEventToPayment(deposit._id, 'refunded', {
    source: 'system',
    note: deposit.provider === 'stripe' ? note : `${note}; returned by bank transfer to the payer`,
    set: { refundReason: note },
  });
  return payment.status === 'refunded' ? payment : null;
}

/**
 * An operator's decision that a winner who walked away forfeits its deposit: the exchange keeps
 * it (recorded in the ledger). Only a credited deposit whose deal ended unsuccessfully.
 */
export async function forfeitDeposit(
  ctx: Pick<AppContext, 'bus' | 'config'>,
  operator: SessionUser,
  paymentId: string,
  reason: string,
) {
  const deposit = await findPaymentDoc(paymentId);
  if (!deposit || deposit.purpose !== 'bid_deposit') throw AppError.notFound('Deposit');
  const dealId = deposit.deposit?.dealId;
  if (deposit.status !== 'paid' || deposit.deposit?.outcome !== 'credited' || !dealId)
    throw AppError.conflict("Only a winner's deposit held against its deal can be forfeited");
  const deal = (await dealReads.findById(dealId).lean()) as DealDoc | null;
  if (!deal || (deal.status !== 'cancelled' && deal.status !== 'closed_lost'))
    throw AppError.conflict(
      'The deposit can be forfeited only once the winner has walked away from the deal',
    );
  const { doc } = await paymentStore.mutate(deposit._id, (current) => {
    if (current.status !== 'paid' || current.deposit?.outcome !== 'credited')
      throw AppError.conflict('The deposit changed meanwhile; reload it');
    return {
      change: {
        $set: {
          'deposit.outcome': 'forfeited',
          'deposit.at': new Date(),
          'deposit.by': operator.id,
          'deposit.reason': reason,
        },
      },
      result: null,
    };
  });
  await recordLedgerEntry(doc, 'deposit_forfeited', {
    source: 'operator',
    actorId: operator.id,
    note: reason,
  });
  await notifyDepositOutcome(ctx, doc, 'forfeited');
  await recordAudit({
    actorId: operator.id,
    action: 'deposit.forfeit',
    targetType: 'payment',
    targetId: paymentId,
    data: {
      offerId: String(doc.offerId),
      dealId: String(dealId),
      amount: doc.amount,
      currency: doc.currency,
      reason,
    },
  });
  return { payment: paymentView(doc) };
}
