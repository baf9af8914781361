/**
 * A deal's delivery plan: the agreed term sheet's milestones, each moved by who may move it.
 * Pure: the service applies what this decides under the deal's lock.
 *
 *   pending ──deliver (seller)──▶ delivered ──accept (buyer, or the system when unanswered)──▶ accepted
 *                                    │  ▲
 *        request_changes (buyer) ────┘  └──── deliver (seller) ◀── changes_requested
 *   delivered | changes_requested ──dispute (either party)──▶ disputed
 *   disputed ──resolve (broker or operator)──▶ accepted | pending (re-delivery) | accepted for a
 *                                              partial amount | cancelled
 *
 * A dispute stops the clock of automatic acceptance: only a milestone still `delivered` since the
 * same delivery is accepted by the system. The deal is complete once every milestone is accepted
 * or cancelled.
 */
import type { DealRole, MilestoneDisputeOutcome, MilestoneStatus } from '../api-contract/enums';

export type MilestoneAction =
  'deliver' | 'accept' | 'request_changes' | 'dispute' | 'resolve' | 'auto_accept';

export interface MilestoneState {
  status: MilestoneStatus;
  amount?: number | null;
}

export type MilestonePlan =
  | { ok: true; to: MilestoneStatus }
  | { ok: false; code: 'forbidden' | 'conflict' | 'validation_failed'; field?: string; message: string };

const RULES: Record<MilestoneAction, { from: readonly MilestoneStatus[]; roles: readonly DealRole[] }> = {
  deliver: { from: ['pending', 'changes_requested'], roles: ['seller'] },
  accept: { from: ['delivered'], roles: ['buyer'] },
  request_changes: { from: ['delivered'], roles: ['buyer'] },
  dispute: { from: ['delivered', 'changes_requested'], roles: ['seller', 'buyer'] },
  resolve: { from: ['disputed'], roles: ['broker', 'admin'] },
  auto_accept: { from: ['delivered'], roles: ['system'] },
};

const TO: Record<Exclude<MilestoneAction, 'resolve'>, MilestoneStatus> = {
  deliver: 'delivered',
  accept: 'accepted',
  request_changes: 'changes_requested',
  dispute: 'disputed',
  auto_accept: 'accepted',
};

const RESOLVED_TO: Record<MilestoneDisputeOutcome, MilestoneStatus> = {
  accepted: 'accepted',
  redelivery: 'pending',
  partial: 'accepted',
  cancelled: 'cancelled',
};

const words = (s: string) => s.replaceAll('_', ' ');

export function planMilestoneAction(
  milestone: MilestoneState,
  action: MilestoneAction,
  role: DealRole,
  input: { outcome?: MilestoneDisputeOutcome; amount?: number; note?: string } = {},
): MilestonePlan {
  const rule = RULES[action];
  if (!rule.roles.includes(role))
    return { ok: false, code: 'forbidden', message: `A ${role} may not ${words(action)} a milestone` };
  if (!rule.from.includes(milestone.status))
    return {
      ok: false,
      code: 'conflict',
      message: `The milestone is ${words(milestone.status)}; it cannot be ${words(action)}ed now`,
    };
  if ((action === 'request_changes' || action === 'dispute') && !input.note?.trim())
    return { ok: false, code: 'validation_failed', field: 'note', message: 'Say what is wrong' };
  if (action !== 'resolve') return { ok: true, to: TO[action] };
  if (!input.outcome)
    return { ok: false, code: 'validation_failed', field: 'outcome', message: 'outcome is required' };
  if (input.outcome === 'partial') {
    const full = milestone.amount ?? 0;
    if (!input.amount || input.amount <= 0 || input.amount >= full)
      return {
        ok: false,
        code: 'validation_failed',
        field: 'amount',
        message: `A partial outcome needs an amount above 0 and below the milestone's ${full}`,
      };
  }
  return { ok: true, to: RESOLVED_TO[input.outcome] };
}

/** Every milestone accepted or cancelled: the delivery is done. */
export function deliveryDone(milestones: readonly { status: string }[]): boolean {
  return (
    milestones.length > 0 && milestones.every((m) => m.status === 'accepted' || m.status === 'cancelled')
  );
}

/** The delivery plan an agreed term sheet's milestones make, numbered from 1. */
export function deliveryPlanOf(sheet: {
  currency: string;
  milestones?: readonly {
    title?: string | null;
    dueDate?: Date | null;
    amount?: number | null;
    deliverable?: string | null;
  }[];
}) {
  return (sheet.milestones ?? []).map((m, i) => ({
    n: i + 1,
    title: m.title ?? `Milestone ${i + 1}`,
    dueDate: m.dueDate ?? undefined,
    amount: m.amount ?? 0,
    currency: sheet.currency,
    deliverable: m.deliverable ?? undefined,
    status: 'pending' as MilestoneStatus,
  }));
}

/** Past its due date and not yet accepted or cancelled. */
export function isOverdue(m: { status: string; dueDate?: Date | string | null }, now: Date): boolean {
  return !!m.dueDate && new Date(m.dueDate) < now && m.status !== 'accepted' && m.status !== 'cancelled';
}

/** Whether the agreed terms carry milestones: then the deal delivers before it is complete. */
export function hasDeliveryPlan(deal: {
  agreedVersion?: number | null;
  termSheets: readonly { milestones?: readonly unknown[] | null }[];
}): boolean {
  const sheet = deal.agreedVersion ? deal.termSheets[deal.agreedVersion - 1] : undefined;
  return (sheet?.milestones?.length ?? 0) > 0;
}

/** What a deal that has been agreed and paid (or owes nothing) does next. */
export function afterFeesSettled(deal: Parameters<typeof hasDeliveryPlan>[0]): 'start_delivery' | 'complete' {
  return hasDeliveryPlan(deal) ? 'start_delivery' : 'complete';
}
