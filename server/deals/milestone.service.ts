/**
 * Carrying a deal through its delivery plan: each step is planned by the milestone rules on the
 * deal as it is under its lock and written with its timeline entry; the step that settles the
 * last milestone also closes the deal as won, in the same write. A delivery starts the clock of
 * automatic acceptance (a durable job); a dispute, a change request or a new delivery stops it.
 */
import { AppError } from '../common/errors';
import type { EventBus } from '../common/events';
import type { SessionUser } from '../common/session-user';
import type { DealRole, MilestoneDisputeOutcome } from '../api-contract/enums';
import { recordAudit } from '../audit/audit.service';
import { enqueueJob } from '../scheduler/job.store';
import {
  MILESTONE_AUTO_ACCEPT,
  MILESTONE_REMINDER,
  milestoneAutoAcceptKey,
  milestoneReminderKey,
} from '../scheduler/job-types';
import { loadListing } from '../bids/listing-ref';
import type { DealDoc } from './deal.model';
import { dealStore, findDealDoc } from './deal.store';
import { loadDealDocForUser } from './deal.service';
import { publishDealEvent } from './deal-events';
import { refusal } from './deal-errors';
import { deliveryDone, isOverdue, planMilestoneAction, type MilestoneAction } from './milestone-machine';

type Milestone = NonNullable<DealDoc['delivery']>[number];

export interface MilestoneDeps {
  bus: EventBus;
  acceptAfterDays: number;
}

export interface MilestoneInput {
  note?: string;
  documentIds?: string[];
  outcome?: MilestoneDisputeOutcome;
  amount?: number;
}

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : undefined);

function milestoneView(m: Milestone, now: Date, acceptAfterDays: number) {
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

export async function listMilestones(user: SessionUser, dealId: string, acceptAfterDays: number) {
  const { deal } = await loadDealDocForUser(user, dealId);
  const now = new Date();
  return {
    status: deal.status,
    acceptAfterDays,
    milestones: (deal.delivery ?? []).map((m) => milestoneView(m, now, acceptAfterDays)),
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
  deps: Pick<MilestoneDeps, 'bus'>,
  expectDeliveredAt?: Date,
) {
  const now = new Date();
  const { doc, result } = await dealStore.mutate(dealId, (deal) => {
    if (deal.status !== 'delivering')
      throw AppError.conflict(
        `The deal is ${deal.status.replaceAll('_', ' ')}; its milestones cannot change now`,
      );
    const milestones = deal.delivery ?? [];
    const i = milestones.findIndex((m) => m.n === n);
    if (i < 0) throw AppError.notFound('Milestone');
    const m = milestones[i];
    if (expectDeliveredAt && m.deliveredAt?.getTime() !== expectDeliveredAt.getTime())
      return { change: null, result: { changed: false, completed: false, milestone: m } };
    const plan = planMilestoneAction(m, action, actor.role, input);
    if (!plan.ok) {
      if (plan.code === 'validation_failed')
        throw AppError.validation([{ field: plan.field ?? 'body', message: plan.message }], plan.message);
      throw refusal(plan.code, plan.message);
    }
    const set = fieldsOf(action, i, plan.to, actor, input, now);
    const after = milestones.map((x, k) => (k === i ? { ...x, status: plan.to } : x));
    const completed = deliveryDone(after);
    const entries: Record<string, unknown>[] = [
      {
        at: now,
        actorId: actor.userId,
        actorRole: actor.role,
        event: `milestone_${action}`,
        data: { n, to: plan.to, ...(input.outcome ? { outcome: input.outcome } : {}) },
      },
    ];
    if (completed) {
      set.status = 'closed_won';
      set.closedAt = now;
      entries.push({ at: now, actorRole: 'system', event: 'complete', from: 'delivering', to: 'closed_won' });
    }
    return {
      change: { $set: set, $push: { timeline: { $each: entries } } },
      result: { changed: true, completed, milestone: { ...m, status: plan.to } },
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
  if (result.completed)
    publishDealEvent(deps.bus, dealId, 'deal:status', { status: 'closed_won', from: 'delivering' });
  await recordAudit({
    actorId: actor.userId,
    action: `deal.milestone_${action}`,
    targetType: 'deal',
    targetId: dealId,
    data: { n, status: milestone.status, ...(input.outcome ? { outcome: input.outcome } : {}) },
  });
  return { doc, result };
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
  return { milestone: milestoneView(milestone, new Date(), deps.acceptAfterDays), dealStatus: doc.status };
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
