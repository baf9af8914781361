/**
 * Versioned term sheets: parties and the broker propose, the parties accept. A new version
 * voids acceptances of earlier ones (only the latest can be accepted); once both parties have
 * accepted the same version the deal is agreed on it, then moves on to payment (or straight to
 * closed_won when no fee is due).
 */
import { recordWritten } from '../common/record-changes';
import mongoose from 'mongoose';
import { AppError } from '../common/errors';
import type { SessionUser } from '../common/session-user';
import type { EventBus } from '../common/events';
import type { FeeSchedule } from '../payments/fees';
import { computeDealFees } from '../payments/fees';
import { recordAudit } from '../audit/audit.service';
import { logger } from '../common/logger';
import { DealModel, type DealDoc } from './deal.model';
import { dealView, termSheetView, type DealView, type TermSheetView } from './deal.view';
import { canProposeTerms, planDealTransition, termSheetAcceptance, type DealRole } from './deal-machine';
import { findDealDoc, loadDealForUser, transitionDeal, withDealLock } from './deal.service';
import { publishDealEvent } from './deal-events';
import { refusal } from './deal-errors';
import type { Currency } from '../contract/enums';

export interface TermSheetInput {
  price: number;
  currency: Currency;
  royaltyPct?: number;
  exclusivity: boolean;
  territory?: string;
  durationMonths?: number;
  milestones?: { title: string; dueDate?: Date; amount?: number }[];
}

export interface TermsDeps {
  bus?: EventBus;
  feeSchedule: FeeSchedule;
}

export async function listTermSheets(user: SessionUser, dealId: string) {
  const { deal } = await loadDealForUser(user, dealId);
  return {
    termSheets: deal.termSheets,
    latestVersion: deal.latestVersion,
    agreedVersion: deal.agreedVersion,
  };
}

export async function proposeTermSheet(
  user: SessionUser,
  dealId: string,
  input: TermSheetInput,
  bus?: EventBus,
): Promise<TermSheetView> {
  const { deal, role } = await loadDealForUser(user, dealId);
  assertMayPropose(deal.status, role);
  const termSheet = await withDealLock(dealId, () => appendTermSheet(user, dealId, role, input));
  publishDealEvent(bus, dealId, 'terms:proposed', { termSheet });
  await recordAudit({
    actorId: user.id,
    action: 'deal.terms.propose',
    targetType: 'deal',
    targetId: dealId,
    data: { version: termSheet.version },
  });
  return termSheet;
}

async function appendTermSheet(user: SessionUser, dealId: string, role: DealRole, input: TermSheetInput) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const doc = await findDealDoc(dealId);
    if (!doc) throw AppError.notFound('Deal');
    assertMayPropose(doc.status, role);
    const current = doc.latestVersion ?? 0;
    const version = current + 1;
    const now = new Date();
    const sheet = {
      ...input,
      version,
      proposedBy: user.id,
      proposedByRole: role,
      acceptedBy: [],
      createdAt: now,
    };
    const entry = { at: now, actorId: user.id, actorRole: role, event: 'terms_proposed', data: { version } };
    const updated = (await DealModel.findOneAndUpdate(
      { _id: dealId, status: 'negotiating', latestVersion: current },
      { $push: { termSheets: sheet, timeline: entry }, $set: { latestVersion: version } },
      { returnDocument: 'after' },
    ).lean()) as DealDoc | null;
    if (updated) {
      await recordWritten({ type: 'deal', id: dealId, after: updated });
      return termSheetView(updated.termSheets[version - 1]);
    }
  }
  throw AppError.conflict('Another term sheet was proposed meanwhile; reload the deal and try again.');
}

function assertMayPropose(status: string, role: DealRole): void {
  if (canProposeTerms(status as DealView['status'], role)) return;
  if (role === 'seller' || role === 'buyer' || role === 'broker') {
    throw AppError.conflict('Terms can be proposed only while the deal is negotiating.');
  }
  throw AppError.forbidden('Only the parties and their broker can propose terms.');
}

function acceptanceState(deal: Pick<DealView, 'termSheets' | 'status'>) {
  return {
    status: deal.status,
    versions: deal.termSheets.map((s) => ({
      version: s.version,
      acceptedBy: s.acceptedBy.map((a) => a.role),
    })),
  };
}

/** A party accepts version `version`; returns the deal as it stands afterwards. */
export async function acceptTermSheet(
  user: SessionUser,
  dealId: string,
  version: number,
  deps: TermsDeps,
): Promise<DealView> {
  const { role } = await loadDealForUser(user, dealId);
  const outcome = await withDealLock(dealId, () => recordAcceptance(user, dealId, version, role));
  if (!outcome.changed) return outcome.deal;
  const { party, agreed } = outcome;
  publishDealEvent(deps.bus, dealId, 'terms:accepted', { version, role: party, userId: user.id, agreed });
  await recordAudit({
    actorId: user.id,
    action: 'deal.terms.accept',
    targetType: 'deal',
    targetId: dealId,
    data: { version, role: party },
  });
  if (!agreed) return outcome.deal;
  return concludeAgreement(dealId, version, deps);
}

type AcceptanceOutcome =
  | { changed: false; deal: DealView }
  | { changed: true; deal: DealView; party: 'seller' | 'buyer'; agreed: boolean };

/** Adds the party's acceptance of `version`, re-checked on the deal as it is inside the lock. */
async function recordAcceptance(
  user: SessionUser,
  dealId: string,
  version: number,
  role: DealRole,
): Promise<AcceptanceOutcome> {
  const deal = dealView((await findDealDoc(dealId))!);
  const decision = termSheetAcceptance(acceptanceState(deal), version, role);
  if (!decision.ok) throw refusal(decision.code, decision.message);
  if (!decision.changed) return { changed: false, deal };
  const party = role as 'seller' | 'buyer';
  const index = version - 1;
  const now = new Date();
  const updated = (await DealModel.findOneAndUpdate(
    {
      _id: dealId,
      status: 'negotiating',
      latestVersion: version,
      [`termSheets.${index}.acceptedBy.role`]: mongoose.trusted({ $ne: party }),
    },
    {
      $push: {
        [`termSheets.${index}.acceptedBy`]: { role: party, userId: user.id, at: now },
        timeline: { at: now, actorId: user.id, actorRole: party, event: 'terms_accepted', data: { version } },
      },
    },
    { returnDocument: 'after' },
  ).lean()) as DealDoc | null;
  if (!updated) throw AppError.conflict('The deal changed meanwhile; reload it and try again.');
  const accepted = (updated.termSheets[index].acceptedBy ?? []).map((a) => a.role);
  return {
    changed: true,
    deal: dealView(updated),
    party,
    agreed: accepted.includes('seller') && accepted.includes('buyer'),
  };
}

/**
 * Both parties accepted `version`: the deal becomes agreed on it (only if it is still the latest
 * version and the deal still negotiating), then awaits payment of the fees, or closes won when
 * none is due. Each step is its own conditional update; a step another request took first is
 * not repeated.
 */
export async function concludeAgreement(dealId: string, version: number, deps: TermsDeps): Promise<DealView> {
  const plan = planDealTransition('negotiating', 'agree', 'system');
  if (!plan.ok) throw refusal(plan.code, plan.message);
  const now = new Date();
  const agreed = await withDealLock(
    dealId,
    async () =>
      (await DealModel.findOneAndUpdate(
        { _id: dealId, status: 'negotiating', latestVersion: version },
        {
          $set: { status: plan.to, agreedVersion: version },
          $push: {
            timeline: {
              at: now,
              actorRole: 'system',
              event: 'agree',
              from: 'negotiating',
              to: plan.to,
              data: { version },
            },
          },
        },
        { returnDocument: 'after' },
      ).lean()) as DealDoc | null,
  );
  if (!agreed) return dealView((await findDealDoc(dealId))!);
  await recordWritten({ type: 'deal', id: dealId, after: agreed });
  publishDealEvent(deps.bus, dealId, 'deal:status', { status: 'agreed', from: 'negotiating' });
  await recordAudit({ action: 'deal.agree', targetType: 'deal', targetId: dealId, data: { version } });
  const sheet = agreed.termSheets[version - 1];
  const fees = computeDealFees(
    { price: sheet.price, currency: sheet.currency as Currency, hasBroker: Boolean(agreed.brokerUserId) },
    deps.feeSchedule,
  );
  try {
    return await transitionDeal(
      dealId,
      fees.length > 0 ? 'request_payment' : 'complete',
      { role: 'system' },
      {
        expectedFrom: ['agreed'],
        bus: deps.bus,
        data: { version },
      },
    );
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'conflict')) throw err;
    logger.info({ dealId }, 'the agreed deal moved on before payment was requested');
    return dealView((await findDealDoc(dealId))!);
  }
}
