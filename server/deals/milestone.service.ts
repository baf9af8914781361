/**
 * Carrying a deal through its delivery plan: each step is planned by the milestone rules on the
 * deal as it is under its lock and written with its timeline entry. A delivery starts the clock
 * of automatic acceptance (a durable job); a dispute, a change request or a new delivery stops it.
 * An accepted milestone is paid for (the buyer records the transfer, the seller confirms it) and
 * its share of the success fee falls due; after each step that may settle the last milestone the
 * deal is closed as won if everything is settled (payments/deal-completion.ts).
 */
import { AppError } from '../common/errors';
import type { EventBus } from '../common/events';
import type { SessionUser } from '../common/session-user';
import type { DealRole, MilestoneDisputeOutcome, PaymentStatus } from '../api-contract/enums';
import { recordAudit } from '../audit';
import {
  enqueueJob,
  MILESTONE_AUTO_ACCEPT,
  MILESTONE_REMINDER,
  milestoneAutoAcceptKey,
  milestoneReminderKey,
} from '../scheduler';
import { loadListing } from '../listings';
import type { DealDoc } from './deal.model';
import { dealStore, findDealDoc } from './deal.store';
import { loadDealDocForUser } from './deal.service';
import { publishDealEvent } from './deal-events';
import { refusal } from './deal-errors';
import { isOverdue, planMilestoneAction, type MilestoneAction } from './milestone-machine';
import {
  milestoneSettled,
  owedForMilestone,
  planConfirmTransfer,
  planRecordTransfer,
  type TransferPlan,
} from './milestone-settlement';
import { type FeeSchedule, allFeesPaid, dealFeeLines, paymentForLine, type DealFeeLine } from '../fees';
import type { DealPayments } from './deal-payments-port';
import type { TransferBody } from './milestone.schemas';

type Milestone = NonNullable<DealDoc['delivery']>[number];

export interface MilestoneDeps {
  bus: EventBus;
  acceptAfterDays: number;
  schedule: FeeSchedule;
  /** The payments component's (deals do not import it). */
  payments: Pick<DealPayments, 'paymentsOf' | 'completeIfAllPaid'>;
}

/** The deal's fee lines due and its payments: what each milestone's fee view and settlement read. */
interface FeeState {
  lines: DealFeeLine[];
  payments: {
    purpose: string;
    payer: string;
    milestone?: number | null;
    status: PaymentStatus;
    createdAt: Date;
    _id: unknown;
    provider?: string;
  }[];
}

export interface MilestoneInput {
  note?: string;
  documentIds?: string[];
  outcome?: MilestoneDisputeOutcome;
  amount?: number;
}

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : undefined);

function milestoneFees(m: Milestone, fees: FeeState) {
  return fees.lines
    .filter((l) => l.milestone === m.n)
    .map((line) => {
      const payment = paymentForLine(line, fees.payments);
      return {
        payer: line.payer,
        amount: line.amount,
        currency: line.currency,
        ...(line.credited ? { credited: line.credited } : {}),
        status: payment?.status,
        paymentId: payment ? String(payment._id) : undefined,
      };
    });
}

function milestoneView(m: Milestone, now: Date, acceptAfterDays: number, fees: FeeState) {
  const ofMilestone = fees.lines.filter((l) => l.milestone === m.n);
  return {
    n: m.n,
    title: m.title ?? '',
    dueDate: iso(m.dueDate),
    amount: m.amount ?? 0,
    currency: m.currency ?? undefined,
    deliverable: m.deliverable ?? undefined,
    status: m.status,
    overdue: isOverdue(m, now),
    deliveredAt: iso(m.deliveredAt),
    autoAcceptAt:
      m.status === 'delivered' && m.deliveredAt
        ? iso(new Date(m.deliveredAt.getTime() + acceptAfterDays * 86_400_000))
        : undefined,
    deliveryNote: m.deliveryNote ?? undefined,
    documentIds: m.documentIds ?? undefined,
    changesNote: m.changesNote ?? undefined,
    decidedAt: iso(m.decidedAt),
    autoAccepted: m.autoAccepted ?? undefined,
    acceptedAmount: m.acceptedAmount ?? undefined,
    owed: m.status === 'accepted' ? owedForMilestone(m) : undefined,
    transfer: m.transfer?.recordedAt
      ? {
          amount: m.transfer.amount ?? 0,
          reference: m.transfer.reference ?? '',
          recordedAt: iso(m.transfer.recordedAt),
          confirmedAt: iso(m.transfer.confirmedAt),
        }
      : undefined,
    fees: milestoneFees(m, fees),
    settled: milestoneSettled(m, allFeesPaid(ofMilestone, fees.payments)),
    dispute: m.dispute?.openedAt
      ? {
          reason: m.dispute.reason ?? '',
          openedByRole: m.dispute.openedByRole ?? undefined,
          openedAt: iso(m.dispute.openedAt),
          outcome: m.dispute.outcome ?? undefined,
          note: m.dispute.note ?? undefined,
          resolvedAt: iso(m.dispute.resolvedAt),
        }
      : undefined,
  };
}

async function feeStateOf(
  deal: DealDoc,
  { schedule, payments: dealPayments }: Pick<MilestoneDeps, 'schedule' | 'payments'>,
): Promise<FeeState> {
  const lines = dealFeeLines(deal, schedule).filter((l) => l.milestone);
  if (lines.length === 0) return { lines, payments: [] };
  const payments = (await dealPayments.paymentsOf(String(deal._id))).map((p) => ({
    ...p,
    status: p.status as PaymentStatus,
  }));
  return { lines, payments };
}

export async function listMilestones(
  user: SessionUser,
  dealId: string,
  deps: Pick<MilestoneDeps, 'acceptAfterDays' | 'schedule' | 'payments'>,
) {
  const { deal } = await loadDealDocForUser(user, dealId);
  const now = new Date();
  const fees = await feeStateOf(deal, deps);
  return {
    status: deal.status,
    acceptAfterDays: deps.acceptAfterDays,
    milestones: (deal.delivery ?? []).map((m) => milestoneView(m, now, deps.acceptAfterDays, fees)),
  };
}

/** The documents a delivery may point to: the listing's confidential attachments. */
async function assertDealDocuments(deal: DealDoc, ids: readonly string[] | undefined): Promise<void> {
  if (!ids?.length) return;
  const listing = deal.offerId
    ? await loadListing('offer', String(deal.offerId))
    : deal.demandId
      ? await loadListing('demand', String(deal.demandId))
      : null;
  const known = new Set((listing?.attachments ?? []).map((a) => a.id));
  const unknown = ids.find((id) => !known.has(id));
  if (unknown) {
    const message = `documentIds: ${unknown} is not one of this deal's documents`;
    throw AppError.validation([{ field: 'documentIds', message }], message);
  }
}

function fieldsOf(
  action: MilestoneAction,
  i: number,
  to: string,
  actor: { userId?: string; role: DealRole },
  input: MilestoneInput,
  now: Date,
): Record<string, unknown> {
  const at = (field: string) => `delivery.${i}.${field}`;
  const set: Record<string, unknown> = { [at('status')]: to };
  if (action === 'deliver') {
    set[at('deliveredAt')] = now;
    set[at('deliveryNote')] = input.note ?? '';
    set[at('documentIds')] = input.documentIds ?? [];
  }
  if (action === 'accept' || action === 'auto_accept' || action === 'request_changes') {
    set[at('decidedAt')] = now;
    if (actor.userId) set[at('decidedBy')] = actor.userId;
  }
  if (action === 'auto_accept') set[at('autoAccepted')] = true;
  if (action === 'request_changes') set[at('changesNote')] = input.note;
  if (action === 'dispute') {
    set[at('dispute')] = {
      reason: input.note,
      openedBy: actor.userId,
      openedByRole: actor.role,
      openedAt: now,
    };
  }
  if (action === 'resolve') {
    set[at('dispute.outcome')] = input.outcome;
    set[at('dispute.note')] = input.note ?? '';
    set[at('dispute.resolvedBy')] = actor.userId;
    set[at('dispute.resolvedAt')] = now;
    set[at('decidedAt')] = now;
    if (input.outcome === 'partial') set[at('acceptedAmount')] = input.amount;
  }
  return set;
}

/** Where milestone `n` of a delivering deal stands in its plan; 409 once the deal is not delivering, 404 for no such milestone. */
function deliveringMilestoneIndex(deal: DealDoc, n: number, step: string): number {
  if (deal.status !== 'delivering')
    throw AppError.conflict(
      `The deal is ${deal.status.replaceAll('_', ' ')}; its milestones cannot ${step} now`,
    );
  const i = (deal.delivery ?? []).findIndex((m) => m.n === n);
  if (i < 0) throw AppError.notFound('Milestone');
  return i;
}

/** A milestone step the rules refused, as the API's error: 400 naming the field, or 403/409. */
function refusedPlan(plan: {
  code: 'forbidden' | 'conflict' | 'validation_failed';
  field?: string;
  message: string;
}): AppError {
  if (plan.code === 'validation_failed')
    return AppError.validation([{ field: plan.field ?? 'body', message: plan.message }], plan.message);
  return refusal(plan.code, plan.message);
}

/**
 * Takes `action` on milestone `n` as `actor`. `expectDeliveredAt`: the system's automatic
 * acceptance applies only to the delivery whose clock ran out (a later one has its own).
 */
async function actOnMilestone(
  dealId: string,
  n: number,
  action: MilestoneAction,
  actor: { userId?: string; role: DealRole },
  input: MilestoneInput,
  deps: Pick<MilestoneDeps, 'bus' | 'schedule' | 'payments'>,
  expectDeliveredAt?: Date,
) {
  const now = new Date();
  const { doc, result } = await dealStore.mutate(dealId, (deal) => {
    const i = deliveringMilestoneIndex(deal, n, 'change');
    const m = deal.delivery![i];
    if (expectDeliveredAt && m.deliveredAt?.getTime() !== expectDeliveredAt.getTime())
      return { change: null, result: { changed: false, milestone: m } };
    const plan = planMilestoneAction(m, action, actor.role, input);
    if (!plan.ok) throw refusedPlan(plan);
    const set = fieldsOf(action, i, plan.to, actor, input, now);
    const entries: Record<string, unknown>[] = [
      {
        at: now,
        actorId: actor.userId,
        actorRole: actor.role,
        event: `milestone_${action}`,
        data: { n, to: plan.to, ...(input.outcome ? { outcome: input.outcome } : {}) },
      },
    ];
    return {
      change: { $set: set, $push: { timeline: { $each: entries } } },
      result: { changed: true, milestone: { ...m, status: plan.to } },
    };
  });
  if (!result.changed) return { doc, result };
  const milestone = doc.delivery!.find((m) => m.n === n)!;
  publishDealEvent(deps.bus, dealId, 'milestone:changed', {
    n,
    title: milestone.title ?? '',
    status: milestone.status,
    action,
    ...(actor.userId ? { byUserId: actor.userId } : {}),
  });
  await recordAudit({
    actorId: actor.userId,
    action: `deal.milestone_${action}`,
    targetType: 'deal',
    targetId: dealId,
    data: { n, status: milestone.status, ...(input.outcome ? { outcome: input.outcome } : {}) },
  });
  if (milestone.status === 'accepted' || milestone.status === 'cancelled')
    return { doc: await closeIfSettled(dealId, doc, deps), result };
  return { doc, result };
}

/**
 * Closes the deal as won if this step settled its last milestone; the deal as it is after. Read
 * again whether or not this step closed it: another step (the deal sweep) may have closed it
 * first, and the answer must not show the deal as it was before.
 */
async function closeIfSettled(
  dealId: string,
  doc: DealDoc,
  deps: Pick<MilestoneDeps, 'bus' | 'schedule' | 'payments'>,
): Promise<DealDoc> {
  await deps.payments.completeIfAllPaid(dealId, deps.schedule, deps.bus);
  return (await findDealDoc(dealId)) ?? doc;
}

export async function actOnMilestoneAs(
  user: SessionUser,
  dealId: string,
  n: number,
  action: Exclude<MilestoneAction, 'auto_accept'>,
  input: MilestoneInput,
  deps: MilestoneDeps,
) {
  const { deal, role } = await loadDealDocForUser(user, dealId);
  if (action === 'deliver') await assertDealDocuments(deal, input.documentIds);
  const { doc } = await actOnMilestone(dealId, n, action, { userId: user.id, role }, input, deps);
  const milestone = doc.delivery!.find((m) => m.n === n)!;
  if (action === 'deliver' && milestone.status === 'delivered' && milestone.deliveredAt) {
    await scheduleAutoAccept(dealId, n, milestone.deliveredAt, deps.acceptAfterDays);
  }
  return milestoneAnswer(doc, n, deps);
}

async function milestoneAnswer(
  doc: DealDoc,
  n: number,
  deps: Pick<MilestoneDeps, 'acceptAfterDays' | 'schedule' | 'payments'>,
) {
  const milestone = doc.delivery!.find((m) => m.n === n)!;
  const fees = await feeStateOf(doc, deps);
  return {
    milestone: milestoneView(milestone, new Date(), deps.acceptAfterDays, fees),
    dealStatus: doc.status,
  };
}

/**
 * The buyer records paying the seller for an accepted milestone (`record`), or the seller confirms
 * receiving it (`confirm`): each planned on the deal as it is under its lock, written with its
 * timeline entry, told to the other party; a confirmation that settles the last milestone closes
 * the deal as won. `input` is the transfer recorded (`record`, as `transferBody` validated it);
 * a confirmation has none (`{}`).
 */
export async function settleMilestoneAs(
  user: SessionUser,
  dealId: string,
  n: number,
  step: 'record' | 'confirm',
  input: Partial<TransferBody>,
  deps: MilestoneDeps,
) {
  const { role } = await loadDealDocForUser(user, dealId);
  const now = new Date();
  const { doc } = await dealStore.mutate(dealId, (deal) => {
    const i = deliveringMilestoneIndex(deal, n, 'be paid for');
    const milestones = deal.delivery!;
    const plan: TransferPlan =
      step === 'record'
        ? planRecordTransfer(milestones[i], role, input)
        : planConfirmTransfer(milestones[i], role);
    if (!plan.ok) throw refusedPlan(plan);
    const at = (field: string) => `delivery.${i}.transfer.${field}`;
    const set: Record<string, unknown> =
      step === 'record'
        ? {
            [`delivery.${i}.transfer`]: {
              amount: plan.amount,
              reference: input.reference,
              recordedAt: now,
              recordedBy: user.id,
            },
          }
        : { [at('confirmedAt')]: now, [at('confirmedBy')]: user.id };
    const event = step === 'record' ? 'milestone_record_payment' : 'milestone_confirm_payment';
    const entry = { at: now, actorId: user.id, actorRole: role, event, data: { n, amount: plan.amount } };
    return { change: { $set: set, $push: { timeline: entry } }, result: null };
  });
  const milestone = doc.delivery!.find((m) => m.n === n)!;
  const action = step === 'record' ? 'record_payment' : 'confirm_payment';
  publishDealEvent(deps.bus, dealId, 'milestone:changed', {
    n,
    title: milestone.title ?? '',
    status: milestone.status,
    action,
    byUserId: user.id,
  });
  await recordAudit({
    actorId: user.id,
    action: `deal.milestone_${action}`,
    targetType: 'deal',
    targetId: dealId,
    data: { n, amount: milestone.transfer?.amount, reference: milestone.transfer?.reference },
  });
  const after = step === 'confirm' ? await closeIfSettled(dealId, doc, deps) : doc;
  return milestoneAnswer(after, n, deps);
}

/** How long before the automatic acceptance the buyer is reminded. */
export const REMINDER_DAYS_BEFORE = 3;

async function scheduleAutoAccept(dealId: string, n: number, deliveredAt: Date, days: number) {
  const payload = { dealId, n, deliveredAt: deliveredAt.toISOString() };
  if (days > REMINDER_DAYS_BEFORE)
    await enqueueJob({
      type: MILESTONE_REMINDER,
      runAt: new Date(deliveredAt.getTime() + (days - REMINDER_DAYS_BEFORE) * 86_400_000),
      payload,
      dedupeKey: milestoneReminderKey(dealId, n, deliveredAt),
    });
  await enqueueJob({
    type: MILESTONE_AUTO_ACCEPT,
    runAt: new Date(deliveredAt.getTime() + days * 86_400_000),
    payload: { dealId, n, deliveredAt: deliveredAt.toISOString() },
    dedupeKey: milestoneAutoAcceptKey(dealId, n, deliveredAt),
  });
}

/**
 * The system accepts a milestone its buyer left unanswered for `acceptAfterDays` since this
 * delivery; a milestone disputed, sent back or delivered again meanwhile is left alone. Before its
 * time, answers when to try again.
 */
export async function autoAcceptMilestone(
  payload: { dealId: string; n: number; deliveredAt: string },
  deps: MilestoneDeps,
  now = new Date(),
): Promise<{ rescheduleAt?: Date; accepted: boolean }> {
  const deliveredAt = new Date(payload.deliveredAt);
  const due = new Date(deliveredAt.getTime() + deps.acceptAfterDays * 86_400_000);
  if (now < due) return { rescheduleAt: due, accepted: false };
  const deal = await findDealDoc(payload.dealId);
  const m = deal?.delivery?.find((x) => x.n === payload.n);
  if (!deal || deal.status !== 'delivering' || m?.status !== 'delivered') return { accepted: false };
  const { result } = await actOnMilestone(
    payload.dealId,
    payload.n,
    'auto_accept',
    { role: 'system' },
    {},
    deps,
    deliveredAt,
  );
  return { accepted: result.changed };
}

/**
 * The milestone still waiting on the buyer since this delivery, and when it will be accepted for
 * them; null when it was answered, disputed or delivered again meanwhile.
 */
export async function milestoneAwaitingBuyer(
  payload: { dealId: string; n: number; deliveredAt: string },
  acceptAfterDays: number,
) {
  const deal = await findDealDoc(payload.dealId);
  const m = deal?.delivery?.find((x) => x.n === payload.n);
  if (!deal || deal.status !== 'delivering' || m?.status !== 'delivered') return null;
  if (m.deliveredAt?.getTime() !== new Date(payload.deliveredAt).getTime()) return null;
  return { deal, milestone: m, acceptsOn: new Date(m.deliveredAt.getTime() + acceptAfterDays * 86_400_000) };
}
