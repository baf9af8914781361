/**
 * The deal sweeper: finishes what a stopped flow left half done, across a deal and its payments. Every step of a deal's flows is
 * safe to repeat (it completes what is missing), so the sweeper repeats the step each unsettled
 * deal waits for: a negotiating deal both parties accepted is agreed, an agreed deal is moved on
 * to payment (or closed when nothing is due), a deal whose fees are all paid (or whose delivered
 * milestones are all settled) is closed won, and
 * an ended deal has its hold on the offer released and its pending payments closed. The deals
 * come from the `deal:unsettled` owner list, read by `_id`; the deals collection is never
 * filtered. Run as a durable job that schedules its own next run, and by the start-up recovery:
 * one sweep at a time per exchange (a second asked meanwhile runs once the first is done).
 */
import mongoose from 'mongoose';
import type { AppContext } from '../context';
import { logger } from '../common/logger';
import { putOwnerListEntries, readOwnerList, UNSETTLED_DEALS } from '../read-models';
import { concludeAgreement, dealReads, isAgreed, type DealDoc } from '../deals';
import { dealsHoldingTheirOffers, releaseOfferCommitment } from '../listings';
import {
  closePaymentsOfEndedDeal,
  completeDealIfAllPaid,
  dealPayments,
  dealsToComplete,
  WAITS_FOR_PAYMENT,
  ENDED_DEAL_STATUSES,
  paymentProvidersFor,
  paymentsOfDeals,
  pendingPaymentsOf,
} from '../payments';
import { CLOSE_ENDED_DEAL_PAYMENTS, DEAL_SWEEP, type JobHandler } from '../scheduler';

const BATCH = 200;

export interface SweepReport {
  /** Deals whose status the sweep moved on. */
  moved: string[];
  /** Deals left as they were because a step was refused (an offer committed to another buyer). */
  stuck: string[];
}

type SweepContext = Pick<AppContext, 'bus' | 'config'>;

/** Per exchange: the sweep under way, and the one asked for meanwhile. */
const sweeps = new WeakMap<SweepContext, { running?: Promise<SweepReport>; next?: Promise<SweepReport> }>();

/**
 * Sweeps the unsettled deals. The recovery's pass and the job's run at start-up asked at once
 * would otherwise walk the same list side by side, reading every deal twice and queueing on each
 * other's locks. A sweep asked while one is under way (which may have read the list before the
 * caller's change) is run once it is done, one for every caller asking meanwhile.
 */
export function sweepUnsettledDeals(ctx: SweepContext): Promise<SweepReport> {
  const state = sweeps.get(ctx) ?? {};
  sweeps.set(ctx, state);
  const start = (): Promise<SweepReport> => {
    const run = sweepOnce(ctx).finally(() => {
      if (state.running === run) state.running = undefined;
    });
    state.running = run;
    return run;
  };
  if (!state.running) return start();
  state.next ??= state.running
    .catch(() => undefined)
    .then(() => {
      state.next = undefined;
      return start();
    });
  return state.next;
}

async function sweepOnce(ctx: SweepContext): Promise<SweepReport> {
  const report: SweepReport = { moved: [], stuck: [] };
  const ids = (await readOwnerList(UNSETTLED_DEALS)).map((e) => e.id);
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    const deals = (await dealReads.find({ _id: mongoose.trusted({ $in: batch }) }).lean()) as DealDoc[];
    const byId = new Map(deals.map((d) => [String(d._id), d]));
    const settled = batch.filter((id) => !byId.has(id));
    // The payments of the deals that wait for one or ended with some pending, read once.
    const payments = await paymentsOfDeals(
      deals
        .filter((d) => WAITS_FOR_PAYMENT.includes(d.status) || ENDED_DEAL_STATUSES.includes(d.status))
        .map((d) => String(d._id)),
    );
    const completable = dealsToComplete(deals, ctx.config.feeSchedule, payments);
    const ended = await endedDealsOwing(deals, payments);
    for (const deal of deals) {
      const id = String(deal._id);
      try {
        const outcome = await finish(deal, completable, ended, ctx);
        if (outcome === 'settled') settled.push(id);
        if (outcome === 'moved') report.moved.push(id);
      } catch (err) {
        logger.warn({ err, dealId: id }, 'the sweeper could not finish a deal');
        report.stuck.push(id);
      }
    }
    if (settled.length > 0) await putOwnerListEntries(UNSETTLED_DEALS, [], settled);
  }
  if (report.moved.length || report.stuck.length) logger.info(report, 'deal sweep');
  return report;
}

type Outcome = 'moved' | 'waiting' | 'settled';

/** What the batch's ended deals still owe: a hold on their offer to release, pending payments to close. */
interface EndedDealsOwing {
  holdingOffer: Set<string>;
  withPending: Set<string>;
}

/**
 * Read for the whole batch at once, with the batch's payments (an ended deal owes nothing once
 * the sweep has seen to it).
 */
async function endedDealsOwing(
  deals: DealDoc[],
  payments: ReadonlyMap<string, { status: string }[]>,
): Promise<EndedDealsOwing> {
  const ended = deals.filter((d) => ENDED_DEAL_STATUSES.includes(d.status));
  const holdingOffer = await dealsHoldingTheirOffers(
    ended.filter((d) => d.offerId).map((d) => ({ offerId: String(d.offerId), dealId: String(d._id) })),
  );
  const withPending = new Set(
    ended
      .map((d) => String(d._id))
      .filter((id) => (payments.get(id) ?? []).some((p) => p.status === 'pending')),
  );
  return { holdingOffer, withPending };
}

/**
 * `completable`: the deals awaiting payment or delivering whose payments may move them on;
 * `ended`: what the ended deals still owe.
 */
async function finish(
  deal: DealDoc,
  completable: Set<string>,
  ended: EndedDealsOwing,
  ctx: SweepContext,
): Promise<Outcome> {
  const id = String(deal._id);
  const terms = { bus: ctx.bus, feeSchedule: ctx.config.feeSchedule, payments: dealPayments };
  const moved = (after: { status: string }) => (after.status !== deal.status ? 'moved' : 'waiting');
  switch (deal.status) {
    case 'negotiating': {
      const versions = deal.termSheets.map((s) => ({
        version: s.version,
        acceptedBy: s.acceptedBy.map((a) => a.role as 'seller' | 'buyer'),
      }));
      if (!isAgreed(versions)) return 'waiting';
      return moved(await concludeAgreement(deal, deal.latestVersion ?? 0, terms));
    }
    case 'agreed':
      return moved(await concludeAgreement(deal, deal.agreedVersion ?? 0, terms));
    case 'awaiting_payment':
    case 'delivering':
      if (!completable.has(id)) return 'waiting';
      return (await completeDealIfAllPaid(id, ctx.config.feeSchedule, ctx.bus)) ? 'moved' : 'waiting';
    default:
      if (!ENDED_DEAL_STATUSES.includes(deal.status)) return 'settled';
      if (deal.offerId && ended.holdingOffer.has(id)) await releaseOfferCommitment(String(deal.offerId), id);
      if (!ended.withPending.has(id)) return 'settled';
      await closePaymentsOfEndedDeal(id, { providers: paymentProvidersFor(ctx.config) });
      return (await pendingPaymentsOf(id)).length === 0 ? 'settled' : 'waiting';
  }
}

/** The handlers of the deal upkeep jobs: the sweep (which schedules its next run) and an ended deal's payments. */
export function dealUpkeepHandlers(ctx: SweepContext): Record<string, JobHandler> {
  return {
    [DEAL_SWEEP]: async () => {
      await sweepUnsettledDeals(ctx);
      return { rescheduleAt: new Date(Date.now() + ctx.config.schedulerSweepIntervalMs) };
    },
    [CLOSE_ENDED_DEAL_PAYMENTS]: async (job) => {
      await closePaymentsOfEndedDeal(String(job.payload?.dealId), {
        providers: paymentProvidersFor(ctx.config),
      });
    },
  };
}
