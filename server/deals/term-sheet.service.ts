/**
 * Versioned term sheets: parties and the broker propose, the parties accept. A new version
 * voids acceptances of earlier ones (only the latest can be accepted); once both parties have
 * accepted the same version the deal is agreed on it, then moves on to payment (or straight to
 * closed_won when no fee is due).
 */
import { afterFeesSettled } from './milestone-machine';
import type { TermSheetBody } from './deal.schemas';
import { AppError } from '../common/errors';
import type { SessionUser } from '../common/session-user';
import type { EventBus } from '../common/events';
import { type FeeSchedule, dealFeeLines, fullyCredited } from '../fees';
import type { DealPayments } from './deal-payments-port';
import { recordAudit } from '../audit';
import { logger } from '../common/logger';
import { dealStore } from './deal.store';
import { commitAgreement, holdDealAndListing, type DealListing } from './agreement-commitment';
import { MAX_TERM_SHEET_VERSIONS, termSheetProblems } from './term-sheet-rules';
import { cachedListingRef } from '../listings';
import { dealView, termSheetView, type DealView, type TermSheetView } from './deal.view';
import { canProposeTerms, planDealTransition, termSheetAcceptance } from './deal-machine';
import { assertRoleUnchanged, loadDealForUser, transitionDeal, viewDealForUser } from './deal.service';
import { publishDealEvent } from './deal-events';
import { refusal } from './deal-errors';
import type { DealRole } from '../api-contract/enums';

export interface TermsDeps {
  bus: EventBus;
  feeSchedule: FeeSchedule;
  payments: Pick<DealPayments, 'creditBrokerShares'>;
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
  input: TermSheetBody,
  bus: EventBus,
): Promise<TermSheetView> {
  // Checked first on the cached deal, then again on the deal as it is under its lock.
  const { deal, role } = await viewDealForUser(user, dealId);
  assertMayPropose(deal.status, role);
  await assertTermsFit(deal, input);
  const termSheet = await appendTermSheet(user, dealId, role, input);
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

async function appendTermSheet(user: SessionUser, dealId: string, role: DealRole, input: TermSheetBody) {
  const { doc, result: version } = await dealStore.mutate(dealId, (current) => {
    assertRoleUnchanged(current, user, role);
    assertMayPropose(current.status, role);
    const version = (current.latestVersion ?? 0) + 1;
    if (version > MAX_TERM_SHEET_VERSIONS) {
      throw AppError.conflict(
        `A deal holds at most ${MAX_TERM_SHEET_VERSIONS} term-sheet versions; agree on one or cancel the deal.`,
      );
    }
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
    return {
      change: { $push: { termSheets: sheet, timeline: entry }, $set: { latestVersion: version } },
      result: version,
    };
  });
  return termSheetView(doc.termSheets[version - 1]);
}

async function assertTermsFit(deal: DealView, input: TermSheetBody): Promise<void> {
  const listing = await cachedListingRef(deal.listingKind, deal.listingId);
  const problems = termSheetProblems(input, listing?.currency ?? null);
  if (problems.length > 0) throw AppError.validation(problems, problems.map((p) => p.message).join('; '));
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

/**
 * A party accepts version `version`; returns the deal as it stands afterwards. The whole flow
 * (acceptance, agreement, request for payment) holds the deal's lock, and repeating it finishes
 * an agreement whose later steps were never taken (the process stopped in between).
 */
export async function acceptTermSheet(
  user: SessionUser,
  dealId: string,
  version: number,
  deps: TermsDeps,
): Promise<DealView> {
  // The cached deal names the locks to take; the acceptance is planned on the deal under them.
  const { deal, role } = await viewDealForUser(user, dealId);
  return holdDealAndListing({ ...deal, _id: deal.id }, async () => {
    const outcome = await recordAcceptance(user, dealId, version, role);
    if (!outcome.changed) return outcome.agreed ? concludeHeld(dealId, version, deps) : outcome.deal;
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
    return concludeHeld(dealId, version, deps);
  });
}

type AcceptanceOutcome =
  | { changed: false; deal: DealView; agreed: boolean }
  | { changed: true; deal: DealView; party: 'seller' | 'buyer'; agreed: boolean };

/**
 * Adds the party's acceptance of `version`, planned on the deal as it is under its lock. When it
 * agrees the deal, the offer is committed first: a refusal (409) leaves the deal as it was.
 */
async function recordAcceptance(
  user: SessionUser,
  dealId: string,
  version: number,
  role: DealRole,
): Promise<AcceptanceOutcome> {
  const party = role as 'seller' | 'buyer';
  const index = version - 1;
  const now = new Date();
  const { doc, written, result } = await dealStore.mutate(
    dealId,
    (current) => {
      assertRoleUnchanged(current, user, role);
      const decision = termSheetAcceptance(acceptanceState(dealView(current)), version, role);
      if (!decision.ok) throw refusal(decision.code, decision.message);
      if (!decision.changed) return { result: decision.agreed };
      return {
        change: {
          $push: {
            [`termSheets.${index}.acceptedBy`]: { role: party, userId: user.id, at: now },
            timeline: {
              at: now,
              actorId: user.id,
              actorRole: party,
              event: 'terms_accepted',
              data: { version },
            },
          },
        },
        result: decision.agreed,
      };
    },
    {
      beforeWrite: async (current, agrees) => {
        if (agrees) await commitAgreement(current, version);
      },
    },
  );
  if (!written) return { changed: false, deal: dealView(doc), agreed: result };
  return { changed: true, deal: dealView(doc), party, agreed: result };
}

/**
 * Both parties accepted `version`: the deal becomes agreed on it (only if it is still the latest
 * version and the deal still negotiating), then awaits payment of the fees, or closes won when
 * none is due. Each step is planned on the deal as it is, so a step already taken is passed
 * over and a repeated call completes what is missing.
 */
export function concludeAgreement(deal: DealListing, version: number, deps: TermsDeps): Promise<DealView> {
  return holdDealAndListing(deal, () => concludeHeld(String(deal._id), version, deps));
}

/** `concludeAgreement` for a flow that holds the deal's and its listing's locks. */
async function concludeHeld(dealId: string, version: number, deps: TermsDeps): Promise<DealView> {
  const plan = planDealTransition('negotiating', 'agree', 'system');
  if (!plan.ok) throw refusal(plan.code, plan.message);
  const now = new Date();
  const { doc: deal, written: agreedNow } = await dealStore.mutate(
    dealId,
    (current) => ({
      change:
        current.status === 'negotiating' && current.latestVersion === version
          ? {
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
            }
          : null,
      result: null,
    }),
    { beforeWrite: (current) => commitAgreement(current, version) },
  );
  if (agreedNow) {
    publishDealEvent(deps.bus, dealId, 'deal:status', { status: 'agreed', from: 'negotiating' });
    await recordAudit({ action: 'deal.agree', targetType: 'deal', targetId: dealId, data: { version } });
  }
  if (deal.status !== 'agreed' || deal.agreedVersion !== version) return dealView(deal);
  // Nothing is due when no fee applies or the buyer's auction deposit covers every line.
  const owed = dealFeeLines(deal, deps.feeSchedule).filter((line) => !fullyCredited(line));
  // The broker's share of a line the deposit covers falls due now, as a paid line's would.
  await deps.payments.creditBrokerShares(deal, deps.feeSchedule);
  try {
    return await transitionDeal(
      dealId,
      owed.length > 0 ? 'request_payment' : afterFeesSettled(deal),
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
    return dealView((await dealStore.get(dealId))!);
  }
}
