/**
 * What becomes of bid deposits once bids end, decided deposit by deposit by the pure rules of
 * deposit-rules.ts and applied here, every step safe to repeat (a stop half way is finished by
 * the job's retry):
 *  - an auction's deposits, by its durable close job right after the close
 *    (bids/deadline-jobs.ts): a deposit still being paid is closed, a loser's is refunded
 *    (through Stripe under an idempotency key, or recorded as returned by bank transfer), the
 *    winner's is credited to the deal it won;
 *  - a call for proposals' deposits, by its close job and then by a job run after each decision
 *    on a proposal and every sweep interval while any is held: held while the proposer's proposal
 *    is in the running, credited to the deal of a chosen one, refunded otherwise.
 *
 * An operator may later forfeit the credited deposit of a winner who walked away from the deal.
 */
import type { BidStatus } from '../api-contract/enums';
import { AppError } from '../common/errors';
import type { SessionUser } from '../common/session-user';
import { recordAudit } from '../audit';
import { dealStore, findDealDoc, type DealDoc } from '../deals';
import { loadListing } from '../listings';
import { depositsOfListing } from './deal-payments';
import { closePendingPayment } from './ended-deal-payments';
import { recordLedgerEntry } from './ledger.store';
import { depositListingOf, type PaymentDoc } from './payment.model';
import { findPaymentDoc, paymentStore } from './payment.store';
import { applyEventToPayment } from './payment-transitions';
import type { PaymentDeps } from './payment-deps';
import { callStripe } from './payment.service';
import { paymentView } from './payment.view';
import { notifyDepositOutcome } from './deposit-notices';
import { scheduleSurplusRefund } from './deposit-surplus.service';
import { depositSurplus, forfeitableAmount, type SurplusDeposit } from './deposit-surplus-rules';
import {
  callPhase,
  planAuctionDeposit,
  planCallDeposit,
  planKeptDeposit,
  type DepositAction,
  type DepositFacts,
} from './deposit-rules';
import type { AppContext } from '../context';

export interface AuctionDepositsClose {
  offerId: string;
  /** The winning bidder's organization and the deal it won; absent when nothing sold. */
  winnerOrgId?: string;
  dealId?: string;
}

/** A deposit on the listing, as the runner-up rule sees it. */
export interface RunnerUpDepositFacts {
  id: string;
  payerOrgId: string;
  outcome?: string | null;
  status: PaymentDoc['status'];
  paidAt?: Date | null;
}

/**
 * What the settlement asks of the bids component (which sits above payments and passes it in):
 * the auction's runner-up, chosen by the bid rules, and a call's proposals as they stand.
 */
export interface SettlementBids {
  /** The organization of the best other bid on the auction, which the close keeps a deposit for. */
  auctionRunnerUpOrg(offerId: string, deposits: RunnerUpDepositFacts[]): Promise<string | undefined>;
  /** Who proposed to the call, where each proposal stands and the deal it led to. */
  proposalsOf(demandId: string): Promise<{ bidderOrgId: string; status: BidStatus; dealId: string | null }[]>;
}

export interface DepositSettlementDeps extends Pick<PaymentDeps, 'providers'> {
  /** Where the bidders are told what became of their deposits. */
  ctx: Pick<AppContext, 'bus' | 'config'>;
  bids: SettlementBids;
}

export interface DepositSettlement {
  refunded: number;
  credited: number;
  closed: number;
  /** Deposits left to settle later: held while their bid is in the running, or a refund Stripe has yet to complete. */
  waiting: number;
}

const surplusFactsOf = (deposit: PaymentDoc): Pick<SurplusDeposit, 'amount' | 'refunds'> => ({
  amount: deposit.amount,
  refunds: (deposit.deposit?.refunds ?? []).map((r) => ({
    key: r.key,
    amount: r.amount,
    status: r.status as 'claimed',
  })),
});

const factsOf = (deposit: PaymentDoc): DepositFacts => ({
  status: deposit.status,
  outcome: deposit.deposit?.outcome,
  payerOrgId: String(deposit.payerOrgId),
});

export async function settleAuctionDeposits(
  close: AuctionDepositsClose,
  deps: DepositSettlementDeps,
): Promise<DepositSettlement> {
  const deposits = await depositsOfListing(close.offerId);
  const runnerUpOrgId = close.dealId
    ? await auctionRunnerUpOrg(close.offerId, deposits, deps.bids)
    : undefined;
  return settleDeposits(
    deposits,
    (deposit) => planAuctionDeposit(factsOf(deposit), { ...close, runnerUpOrgId }),
    deps,
  );
}

/** The organization whose deposit the close keeps for a runner-up offer: the one kept already, else the best other bid's. */
async function auctionRunnerUpOrg(
  offerId: string,
  deposits: readonly PaymentDoc[],
  bids: SettlementBids,
): Promise<string | undefined> {
  const kept = deposits.find((d) => d.deposit?.keptForRunnerUpAt);
  if (kept) return String(kept.payerOrgId);
  return bids.auctionRunnerUpOrg(
    offerId,
    deposits.map((d) => ({ ...runnerUpFactsOf(d), status: d.status, paidAt: d.paidAt })),
  );
}

const runnerUpFactsOf = (d: PaymentDoc) => ({
  id: String(d._id),
  payerOrgId: String(d.payerOrgId),
  outcome: d.deposit?.outcome,
});

/**
 * Settles the auction's runner-up deposit kept at its close (deposit-rules.ts planKeptDeposit): by
 * its watch job every sweep interval while kept, and at once when the owner offers the technology
 * to the runner-up (credited to that deal).
 */
export async function settleKeptRunnerUpDeposit(
  offerId: string,
  deps: DepositSettlementDeps,
): Promise<DepositSettlement> {
  const deposits = await depositsOfListing(offerId);
  const kept = deposits.filter((d) => d.deposit?.keptForRunnerUpAt);
  if (kept.length === 0) return { refunded: 0, credited: 0, closed: 0, waiting: 0 };
  const offer = deposits.find((d) => d.deposit?.outcome === 'forfeited' && d.deposit.runnerUp?.dealId);
  const offeredDeal = offer ? await findDealDoc(String(offer.deposit!.runnerUp!.dealId)) : null;
  const offered = offeredDeal
    ? { dealId: String(offeredDeal._id), buyerOrgId: String(offeredDeal.buyerOrgId) }
    : null;
  const now = new Date();
  const winnerDeals = new Map<string, DealDoc | null>();
  for (const d of kept) {
    const id = String(d.deposit!.keptForDealId ?? '');
    if (id && !winnerDeals.has(id)) winnerDeals.set(id, await findDealDoc(id));
  }
  return settleDeposits(
    kept,
    (deposit) =>
      planKeptDeposit(
        factsOf(deposit),
        {
          winnerDeal: winnerDeals.get(String(deposit.deposit!.keptForDealId ?? '')) ?? null,
          offered,
          keepDays: deps.ctx.config.runnerUpDepositKeepDays,
        },
        now,
      ),
    deps,
  );
}

/** Settles a call for proposals' deposits as its proposals and the call stand now. */
export async function settleCallDeposits(
  demandId: string,
  deps: DepositSettlementDeps,
): Promise<DepositSettlement> {
  const deposits = await depositsOfListing(demandId);
  if (deposits.length === 0) return { refunded: 0, credited: 0, closed: 0, waiting: 0 };
  const [demand, proposals] = await Promise.all([
    loadListing('demand', demandId),
    deps.bids.proposalsOf(demandId),
  ]);
  const phase = callPhase(demand);
  return settleDeposits(
    deposits,
    (deposit) => {
      const own = proposals
        .filter((p) => p.bidderOrgId === String(deposit.payerOrgId))
        .map((p) => ({ status: p.status, dealId: p.dealId }));
      return planCallDeposit(factsOf(deposit), own, phase);
    },
    deps,
  );
}

async function settleDeposits(
  deposits: readonly PaymentDoc[],
  plan: (deposit: PaymentDoc) => DepositAction,
  deps: DepositSettlementDeps,
): Promise<DepositSettlement> {
  const done: DepositSettlement = { refunded: 0, credited: 0, closed: 0, waiting: 0 };
  for (const deposit of deposits) {
    const action = plan(deposit);
    switch (action.kind) {
      case 'close':
        if (await closePendingPayment(deposit, action.why, deps)) done.closed++;
        // Paid at Stripe meanwhile: its webhook marks it paid, and a later run settles it.
        else done.waiting++;
        break;
      case 'credit':
        if (await creditDeposit(deposit, action.dealId)) done.credited++;
        // Told once however often the job runs (the notice's dedupe key).
        await notifyDepositOutcome(deps.ctx, deposit, 'credited', action.dealId);
        // Its deal may be agreed already (a call's proposal accepted with terms).
        await scheduleSurplusRefund(deps.ctx, action.dealId, 'credited');
        break;
      case 'refund': {
        const refunded = await refundDeposit(deposit, action.why, deps);
        done.refunded++;
        if (refunded) await notifyDepositOutcome(deps.ctx, refunded, 'refunded');
        else done.waiting++;
        break;
      }
      case 'told':
        // Refunded by an earlier run or by Stripe's webhook since: told once (the notice's dedupe key).
        await notifyDepositOutcome(deps.ctx, deposit, 'refunded');
        break;
      case 'hold':
        done.waiting++;
        break;
      case 'keep':
        await keepForRunnerUp(deposit, action.dealId);
        await notifyDepositOutcome(deps.ctx, deposit, 'kept_for_runner_up');
        done.waiting++;
        break;
      case 'none':
        break;
    }
  }
  return done;
}

/**
 * Credits the winner's deposit to the deal it won (the fees of the party that paid it, the buyer
 * of an auction or the seller answering a call, are reduced by it, see deal-fees.ts), then marks
 * the deposit as held against that deal; false when it already was.
 */
async function creditDeposit(deposit: PaymentDoc, dealId: string): Promise<boolean> {
  await dealStore.mutate(dealId, (deal) => {
    const payer = String(deal.sellerOrgId) === String(deposit.payerOrgId) ? 'seller' : 'buyer';
    const credit = { paymentId: deposit._id, amount: deposit.amount, currency: deposit.currency, payer };
    return { change: deal.depositCredit ? null : { $set: { depositCredit: credit } }, result: null };
  });
  const { doc, written } = await paymentStore.mutate(deposit._id, (current) => ({
    change: current.deposit?.outcome
      ? null
      : { $set: { deposit: { outcome: 'credited', dealId, at: new Date() } } },
    result: null,
  }));
  await recordLedgerEntry(doc, 'deposit_credited', { source: 'system', note: `credited to deal ${dealId}` });
  return written;
}

/** Marks the runner-up's deposit kept at the close, against the winner's deal, once. */
async function keepForRunnerUp(deposit: PaymentDoc, winnerDealId: string): Promise<void> {
  await paymentStore.mutate(deposit._id, (current) => ({
    change:
      current.deposit?.keptForRunnerUpAt || current.deposit?.outcome
        ? null
        : { $set: { 'deposit.keptForRunnerUpAt': new Date(), 'deposit.keptForDealId': winnerDealId } },
    result: null,
  }));
}

/** Refunds a deposit whose bid did not win; the payment once refunded, or null while Stripe's refund is pending. */
async function refundDeposit(
  deposit: PaymentDoc,
  note: string,
  deps: Pick<PaymentDeps, 'providers'>,
): Promise<PaymentDoc | null> {
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
 * An operator's decision that a winner who walked away (an auction's winning bidder, or a call's
 * chosen proposer) forfeits its deposit: the exchange keeps it (recorded in the ledger). Only a
 * credited deposit whose deal ended unsuccessfully. The listing's owner may then offer the
 * technology to the runner-up (bids/runner-up.service.ts).
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
  const deal = await findDealDoc(String(dealId));
  if (!deal || (deal.status !== 'cancelled' && deal.status !== 'closed_lost'))
    throw AppError.conflict(
      'The deposit can be forfeited only once the winner has walked away from the deal',
    );
  const surplus = depositSurplus(deal, ctx.config.feeSchedule);
  const { doc, result: taken } = await paymentStore.mutate(deposit._id, (current) => {
    if (current.status !== 'paid' || current.deposit?.outcome !== 'credited')
      throw AppError.conflict('The deposit changed meanwhile; reload it');
    const amount = forfeitableAmount(surplusFactsOf(current), surplus);
    return {
      change: {
        $set: {
          'deposit.outcome': 'forfeited',
          'deposit.at': new Date(),
          'deposit.by': operator.id,
          'deposit.reason': reason,
          'deposit.forfeitedAmount': amount,
        },
      },
      result: amount,
    };
  });
  await recordLedgerEntry(doc, 'deposit_forfeited', {
    source: 'operator',
    actorId: operator.id,
    note: reason,
    amount: doc.deposit?.forfeitedAmount ?? taken,
  });
  await notifyDepositOutcome(ctx, doc, 'forfeited');
  const listing = depositListingOf(doc);
  await recordAudit({
    actorId: operator.id,
    action: 'deposit.forfeit',
    targetType: 'payment',
    targetId: paymentId,
    data: {
      ...(listing ? { [listing.kind === 'offer' ? 'offerId' : 'demandId']: listing.id } : {}),
      dealId: String(dealId),
      amount: doc.deposit?.forfeitedAmount ?? taken,
      currency: doc.currency,
      reason,
    },
  });
  return { payment: paymentView(doc) };
}

/**
 * The runner-up offer a forfeit allows, recorded on the forfeited deposit: its bid claimed once
 * (two owners' clicks at once offer the same bid), then the deal opened with it.
 */
export async function claimRunnerUpOffer(paymentId: string, bidId: string, by: string): Promise<string> {
  const { doc } = await paymentStore.mutate(paymentId, (current) => {
    if (current.deposit?.outcome !== 'forfeited')
      throw AppError.conflict('The deposit changed meanwhile; reload it');
    return {
      change: current.deposit.runnerUp?.bidId
        ? null
        : { $set: { 'deposit.runnerUp': { bidId, at: new Date(), by } } },
      result: null,
    };
  });
  return String(doc.deposit?.runnerUp?.bidId ?? bidId);
}

export async function recordRunnerUpDeal(paymentId: string, dealId: string): Promise<void> {
  await paymentStore.mutate(paymentId, (current) => ({
    change:
      current.deposit?.runnerUp && String(current.deposit.runnerUp.dealId ?? '') !== dealId
        ? { $set: { 'deposit.runnerUp.dealId': dealId } }
        : null,
    result: null,
  }));
}

/** Frees the forfeit's claim on a bid that can no longer be offered (withdrawn meanwhile), before its deal opened. */
export async function releaseRunnerUpClaim(paymentId: string, bidId: string): Promise<void> {
  await paymentStore.mutate(paymentId, (current) => ({
    change:
      String(current.deposit?.runnerUp?.bidId ?? '') === bidId && !current.deposit?.runnerUp?.dealId
        ? { $unset: { 'deposit.runnerUp': 1 } }
        : null,
    result: null,
  }));
}
