/**
 * Finishes what a stopped process left half done on a deal. The live flows take each step
 * right after the one before it, holding the deal's lock; a process killed in between leaves a
 * deal whose next step is due but never taken:
 *
 * - negotiating, with both parties' acceptance of the latest version: it is agreed on it;
 * - agreed: payment is requested (or the deal closes won when no fee is due);
 * - awaiting payment with every fee paid: it closes won.
 *
 * Each step is the live flow's own (planned on the deal as it is, under its lock), so running it
 * again, or beside the live flow, adds nothing.
 */
import mongoose from 'mongoose';
import { AppError } from '../common/errors';
import { holdLocks } from '../common/store';
import { logger } from '../common/logger';
import { completeDealIfAllPaid } from '../payments/deal-completion';
import type { DealDoc, DealStatus } from './deal.model';
import { dealReads, dealStore } from './deal.store';
import { concludeAgreement, type TermsDeps } from './term-sheet.service';

export type PendingStep = 'agree' | 'request_payment' | 'complete_if_paid';

/** The step a deal in this state is owed, if any (a pure rule on the stored deal). */
export function pendingDealStep(
  deal: Pick<DealDoc, 'status' | 'latestVersion' | 'termSheets'>,
): PendingStep | null {
  if (deal.status === 'agreed') return 'request_payment';
  if (deal.status === 'awaiting_payment') return 'complete_if_paid';
  if (deal.status !== 'negotiating' || !deal.latestVersion) return null;
  const latest = deal.termSheets[deal.latestVersion - 1];
  const roles = new Set((latest?.acceptedBy ?? []).map((a) => a.role));
  return roles.has('seller') && roles.has('buyer') ? 'agree' : null;
}

const OWING: DealStatus[] = ['negotiating', 'agreed', 'awaiting_payment'];

/** Deals that may owe a step (a sweep: it reads the deals by status). */
async function candidates(): Promise<DealDoc[]> {
  const docs = (await dealReads.find({ status: mongoose.trusted({ $in: OWING }) }).lean()) as DealDoc[];
  return docs.filter((d) => pendingDealStep(d) !== null);
}

export type RecoveryOutcome = 'finished' | 'nothing' | 'busy';

/** Takes the step `dealId` is owed, unless someone holds the deal now (then: 'busy'). */
export async function finishDeal(dealId: string, deps: TermsDeps): Promise<RecoveryOutcome> {
  const outcome = await holdLocks(
    [dealStore.lockKey(dealId)],
    async (): Promise<RecoveryOutcome> => {
      const deal = await dealStore.get(dealId);
      const step = deal && pendingDealStep(deal);
      if (!deal || !step) return 'nothing';
      if (step === 'agree') await concludeAgreement(dealId, deal.latestVersion!, deps);
      else if (step === 'request_payment') await concludeAgreement(dealId, deal.agreedVersion!, deps);
      else if (!(await completeDealIfAllPaid(dealId, deps.feeSchedule, deps.bus))) return 'nothing';
      logger.info({ dealId, step }, 'half-done deal finished');
      return 'finished';
    },
    { timing: { waitMs: 0 }, busy: 'skip' },
  );
  return outcome ?? 'busy';
}

/** One pass over the deals owing a step; returns how many were busy (to be tried again soon). */
export async function finishHalfDoneDeals(deps: TermsDeps): Promise<{ finished: number; busy: number }> {
  let finished = 0;
  let busy = 0;
  for (const deal of await candidates()) {
    try {
      const outcome = await finishDeal(String(deal._id), deps);
      if (outcome === 'finished') finished++;
      if (outcome === 'busy') busy++;
    } catch (err) {
      if (err instanceof AppError && err.code === 'conflict') busy++;
      else logger.error({ err, dealId: String(deal._id) }, 'half-done deal not finished');
    }
  }
  return { finished, busy };
}
