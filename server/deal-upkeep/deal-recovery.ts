/**
 * After a stop: deals a killed process left half done are put back on the sweeper's list. The
 * list (`deal:unsettled`) follows each deal write, but a process killed between a deal's write
 * and the list's update leaves the deal off it, so at start-up the deals that may owe a step are
 * found once by their status and listed again (with their payments, in their deals' payment
 * lists); the sweeper (deal-sweep.ts) then takes
 * the step each owes, as it does on every run. Delivering deals get the jobs a stop may have
 * cost them, and licences already won with a royalty their reminders (delivery-jobs.ts).
 */
import mongoose from 'mongoose';
import { putOwnerListEntries, UNSETTLED_DEALS, unsettledDealEntries } from '../read-models';
import { relistPaymentsOfDeals } from '../payments';
import {
  dealReads,
  scheduleMissingDeliveryJobs,
  scheduleMissingRoyaltyReminders,
  scheduleSurplusRefundJob,
  type DealDoc,
} from '../deals';
import { logger } from '../common/logger';
import type { DealStatus } from '../api-contract/enums';

const MAY_OWE_A_STEP: DealStatus[] = ['negotiating', 'agreed', 'awaiting_payment', 'delivering'];

/** Lists every deal that may owe a step on the sweeper's list; returns how many it listed. */
export async function relistHalfDoneDeals(): Promise<number> {
  const { open, wonLicences, wonDeposits } = await dealsToLookAfter();
  const entries = open.flatMap((d) => unsettledDealEntries(d as never).map(([, entry]) => entry));
  if (entries.length > 0) await putOwnerListEntries(UNSETTLED_DEALS, entries);
  await relistPaymentsOfDeals(open.filter((d) => d.status !== 'negotiating').map((d) => String(d._id)));
  const delivering = open.filter((d) => d.status === 'delivering').map((d) => d._id);
  if (delivering.length > 0)
    await scheduleMissingDeliveryJobs(
      (await dealReads.find({ _id: mongoose.trusted({ $in: delivering }) }).lean()) as DealDoc[],
    );
  await scheduleMissingRoyaltyReminders(wonLicences);
  await scheduleMissingSurplusRefunds(
    open.filter((d) => d.status !== 'negotiating' && d.status !== 'agreed'),
    wonDeposits,
  );
  return entries.length;
}

/**
 * The deals the recovery looks after, in one pass over the deals (FerretDB reads every deal for
 * any filter, so three filtered reads cost three such passes): those that may owe a step, won
 * deals whose term sheets set a royalty (the agreed one is checked when scheduling), and won
 * deals holding a winner's deposit.
 */
async function dealsToLookAfter() {
  const open: DealDoc[] = [];
  const wonLicences: DealDoc[] = [];
  const wonDeposits: DealDoc[] = [];
  const cursor = dealReads
    .find(
      { status: mongoose.trusted({ $in: [...MAY_OWE_A_STEP, 'closed_won'] }) },
      {
        status: 1,
        latestVersion: 1,
        agreedVersion: 1,
        termSheets: 1,
        timeline: 1,
        delivery: 1,
        updatedAt: 1,
        createdAt: 1,
        depositCredit: 1,
      },
    )
    .lean()
    .cursor();
  for await (const doc of cursor) {
    const deal = doc as DealDoc;
    if (deal.status !== 'closed_won') {
      delete (deal as Partial<DealDoc>).timeline; // read for won licences only
      open.push(deal);
      continue;
    }
    if (deal.termSheets?.some((t) => (t.royaltyPct ?? 0) > 0)) wonLicences.push(deal);
    if (deal.depositCredit?.paymentId)
      wonDeposits.push({ _id: deal._id, depositCredit: deal.depositCredit } as DealDoc);
  }
  return { open, wonLicences, wonDeposits };
}

/**
 * Deals holding a winner's deposit past their agreement, and those won, get their surplus refund
 * job when a stop lost it (or they came before it existed); existing ones are kept (dedupe keys).
 */
async function scheduleMissingSurplusRefunds(
  agreed: readonly Pick<DealDoc, '_id' | 'depositCredit'>[],
  won: readonly Pick<DealDoc, '_id' | 'depositCredit'>[],
) {
  const owed = [
    ...agreed.filter((d) => d.depositCredit?.paymentId).map((d) => [d, 'agreed'] as const),
    ...won.map((d) => [d, 'won'] as const),
  ];
  for (const [deal, cause] of owed) {
    try {
      await scheduleSurplusRefundJob(deal, cause);
    } catch (err) {
      logger.error(
        { err, dealId: String(deal._id) },
        "a deal's deposit surplus refund was not scheduled again",
      );
    }
  }
}
