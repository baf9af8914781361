/**
 * Deals: who may see them, and their state machine applied with one conditional update per
 * transition, recorded in the timeline and published as a domain event.
 */
import { deliveryPlanOf } from './milestone-machine';
import { scheduleJobsAfterTransition } from './delivery-jobs';
import { dealBrokerListKey, dealOrgListKey, ownerListPage, readOwnerList } from '../read-models';
import { outcomeRecord, type OutcomeInput } from './outcome';
import { AppError } from '../common/errors';
import { isObjectId } from '../common/ids';
import { actingOrganizationId, type SessionUser } from '../common/session-user';
import type { EventBus } from '../common/events';
import { recordAudit } from '../audit';
import { releaseOfferCommitment } from '../listings';
import { CLOSE_ENDED_DEAL_PAYMENTS, closeEndedDealPaymentsKey, enqueueJob } from '../scheduler';
import type { DealDoc } from './deal.model';
import type { DealListQuery } from './deal.schemas';
import { dealReads, dealStore, findDealDoc } from './deal.store';
import { dealView, type DealView } from './deal.view';
import {
  DEAL_TERMINAL_STATES,
  canView,
  dealRoleOf,
  planDealTransition,
  type DealTransition,
} from './deal-machine';
import { publishDealEvent } from './deal-events';
import { cachedDealView, cachedDealViews } from './deal-view-cache';
import { refusal } from './deal-errors';
import type { DealStatus, DealRole } from '../api-contract/enums';

export { dealView, findDealDoc, type DealView };

export function dealParticipants(deal: {
  sellerOrgId: unknown;
  buyerOrgId: unknown;
  brokerUserId?: unknown;
}): { sellerOrgId: string; buyerOrgId: string; brokerUserId?: string } {
  return {
    sellerOrgId: String(deal.sellerOrgId),
    buyerOrgId: String(deal.buyerOrgId),
    ...(deal.brokerUserId ? { brokerUserId: String(deal.brokerUserId) } : {}),
  };
}

export function roleOfUser(deal: DealView | DealDoc, user: SessionUser): DealRole {
  return dealRoleOf(dealParticipants(deal), {
    id: user.id,
    organizationId: actingOrganizationId(user) ?? null,
    role: user.role,
  });
}

/** The stored deal and the user's role in it; 404 for unknown ids and for outsiders alike. */
export async function loadDealDocForUser(
  user: SessionUser,
  dealId: string,
): Promise<{ deal: DealDoc; role: DealRole }> {
  const deal = await findDealDoc(dealId);
  if (!deal) throw AppError.notFound('Deal');
  const role = roleOfUser(deal, user);
  if (!canView(role)) throw AppError.notFound('Deal');
  return { deal, role };
}

/** The deal as the API shows it and the user's role in it; 404 as above. */
export async function loadDealForUser(
  user: SessionUser,
  dealId: string,
): Promise<{ deal: DealView; role: DealRole }> {
  const { deal, role } = await loadDealDocForUser(user, dealId);
  return { deal: dealView(deal), role };
}

/**
 * For a write checked first on the cached deal (`viewDealForUser`): the user's part in the deal
 * as read under its lock is still the one checked (a broker replaced meanwhile is refused).
 */
export function assertRoleUnchanged(current: DealDoc, user: SessionUser, role: DealRole): void {
  if (roleOfUser(current, user) !== role)
    throw AppError.conflict('Your part in this deal has changed; reload the deal and try again.');
}

/**
 * `loadDealForUser` for pages that only show the deal (and checks of who may see a room): the
 * view comes from the cache the deal store's writes drop. Writes use `loadDealForUser`.
 */
export async function viewDealForUser(
  user: SessionUser,
  dealId: string,
): Promise<{ deal: DealView; role: DealRole }> {
  const deal = await cachedDealView(dealId);
  if (!deal) throw AppError.notFound('Deal');
  const role = roleOfUser(deal, user);
  if (!canView(role)) throw AppError.notFound('Deal');
  return { deal, role };
}

export interface TransitionOptions {
  reason?: string;
  /** Why the deal ends (a walk-away or a cancellation): kept on the deal, counted by field. */
  outcome?: OutcomeInput;
  expectedFrom?: DealStatus[];
  /** The exchange's bus, which the deal's event is published to. */
  bus: EventBus;
  data?: Record<string, unknown>;
}

/**
 * Takes `transition` as `actor`: the deal rules plan it on the deal as it is under its lock, the
 * store writes it with its timeline entry; then the award is released, the event published.
 */
export async function transitionDeal(
  dealId: string,
  transition: DealTransition,
  actor: { userId?: string; role: DealRole },
  opts: TransitionOptions,
): Promise<DealView> {
  if (!isObjectId(dealId)) throw AppError.notFound('Deal');
  const { doc: updated, result: from } = await dealStore.mutate(dealId, (doc) => {
    const from = doc.status as DealStatus;
    const plan = planDealTransition(from, transition, actor.role, { reason: opts.reason });
    if (!plan.ok) throw refusal(plan.code, plan.message);
    if (opts.expectedFrom && !opts.expectedFrom.includes(from)) {
      throw AppError.conflict(`The deal is ${from.replaceAll('_', ' ')}.`);
    }
    const now = new Date();
    const set: Record<string, unknown> = { status: plan.to };
    if (plan.to === 'delivering' && doc.agreedVersion)
      set.delivery = deliveryPlanOf(doc.termSheets[doc.agreedVersion - 1]);
    if (DEAL_TERMINAL_STATES.includes(plan.to)) set.closedAt = now;
    if (opts.reason) set.cancelReason = opts.reason;
    if (opts.outcome) set.outcome = outcomeRecord(opts.outcome, actor.userId, now);
    const entry = {
      at: now,
      actorId: actor.userId,
      actorRole: actor.role,
      event: transition,
      from,
      to: plan.to,
      data: {
        ...(opts.reason ? { reason: opts.reason } : {}),
        ...(opts.outcome ? { outcome: opts.outcome.reason } : {}),
        ...opts.data,
      },
    };
    return { change: { $set: set, $push: { timeline: entry } }, result: from };
  });
  await afterTransition(updated, transition, actor, from, opts);
  return dealView(updated);
}

async function afterTransition(
  deal: DealDoc,
  transition: DealTransition,
  actor: { userId?: string; role: DealRole },
  from: DealStatus,
  opts: TransitionOptions,
): Promise<void> {
  const dealId = String(deal._id);
  if (deal.status === 'cancelled' || deal.status === 'closed_lost') {
    // Durable: a stop before it runs is caught by the deal sweeper (the deal stays listed unsettled).
    await enqueueJob({
      type: CLOSE_ENDED_DEAL_PAYMENTS,
      runAt: new Date(),
      payload: { dealId },
      dedupeKey: closeEndedDealPaymentsKey(dealId),
    });
    if (deal.offerId) await releaseOfferCommitment(String(deal.offerId), dealId);
  }
  // A delivery plan's overdue checks and a licence's royalty reminders (durable jobs, once each).
  await scheduleJobsAfterTransition(deal, from);
  publishDealEvent(opts.bus, dealId, 'deal:status', {
    status: deal.status as DealStatus,
    from,
    ...(opts.reason ? { reason: opts.reason } : {}),
    ...(actor.userId ? { byUserId: actor.userId } : {}),
  });
  await recordAudit({
    actorId: actor.userId,
    action: `deal.${transition}`,
    targetType: 'deal',
    targetId: dealId,
    data: { from, to: deal.status, role: actor.role, ...(opts.reason ? { reason: opts.reason } : {}) },
  });
}

/** Cancels with the outcome's reason; the deal's `cancelReason` is the note, or the reason's code. */
export async function cancelDeal(user: SessionUser, dealId: string, outcome: OutcomeInput, bus: EventBus) {
  const { role } = await loadDealForUser(user, dealId);
  const reason = outcome.note || outcome.reason;
  return transitionDeal(dealId, 'cancel', { userId: user.id, role }, { reason, outcome, bus });
}

export async function walkAwayFromDeal(
  user: SessionUser,
  dealId: string,
  outcome: OutcomeInput,
  bus: EventBus,
) {
  const { role } = await loadDealForUser(user, dealId);
  return transitionDeal(dealId, 'walk_away', { userId: user.id, role }, { outcome, bus });
}

/** The user's deals (as a member of either party, or as their broker); operators see all unless `mine`. */
export async function listDeals(user: SessionUser, query: DealListQuery) {
  if (user.role === 'admin' && !query.mine) return listAllDeals(query);
  const orgId = actingOrganizationId(user);
  const keys = [dealBrokerListKey(user.id), ...(orgId ? [dealOrgListKey(orgId)] : [])];
  const lists = await Promise.all(keys.map((key) => readOwnerList(key)));
  const page = ownerListPage(lists, { status: query.status, page: query.page, limit: query.limit });
  const byId = await cachedDealViews(page.ids);
  const isMine = (d: DealView) =>
    (d.brokerUserId ?? '') === user.id || (!!orgId && (d.sellerOrgId === orgId || d.buyerOrgId === orgId));
  const shown = page.ids.map((id) => byId.get(id)).filter((d): d is DealView => !!d && isMine(d));
  return { views: shown, total: page.total };
}

/** Every deal, for operators: the one list read from the deals collection itself. */
async function listAllDeals(query: DealListQuery) {
  const filter: Record<string, unknown> = {};
  if (query.status) filter.status = query.status;
  const [docs, total] = await Promise.all([
    dealReads
      .find(filter)
      .sort({ updatedAt: -1, _id: -1 })
      .skip((query.page - 1) * query.limit)
      .limit(query.limit)
      .lean(),
    dealReads.countDocuments(filter),
  ]);
  return { views: (docs as DealDoc[]).map(dealView), total };
}
