/**
 * Where a deal stands, as its stepper shows it (pure): the steps it passes through —
 * negotiating → agreed → (awaiting payment) → (delivering milestone k of n) → completed, or the
 * state it ended in — and what the viewer does next.
 */
import {
  MILESTONE_ACCEPT_DAYS,
  type Deal,
  type DealRole,
  type DealStatus,
  type DeliveryMilestone,
} from './dealTypes';

export type StepState = 'done' | 'current' | 'upcoming';

export interface DealStep {
  key: DealStatus;
  state: StepState;
}

export interface DeliveryProgress {
  /** The first milestone not yet settled (accepted or cancelled), 1-based; `total` once all are. */
  current: number;
  total: number;
  settled: number;
}

/** What the viewer does next: an i18n key under `deals.stepper.next`, its values, and whether it is theirs. */
export interface NextAction {
  key: string;
  mine: boolean;
  n?: number;
  title?: string;
  version?: number;
  /** ISO time: when a delivered milestone is accepted for a buyer who does not answer. */
  autoAcceptAt?: string;
  k?: number;
  total?: number;
}

const has = (deal: Deal, ...events: string[]) => deal.timeline.some((e) => events.includes(e.event));
const settled = (m: DeliveryMilestone) => m.status === 'accepted' || m.status === 'cancelled';

/** Delivery has begun (or happened): the deal carries a delivery plan. */
export function deliveryStarted(deal: Deal): boolean {
  return (
    deal.status === 'delivering' ||
    deal.timeline.some((e) => e.event === 'start_delivery' || e.event.startsWith('milestone_'))
  );
}

/** How many milestones the terms on the table (or the agreed ones) plan. */
export function plannedMilestones(deal: Deal): number {
  const sheet = deal.agreedVersion ? deal.termSheets[deal.agreedVersion - 1] : deal.termSheets.at(-1);
  return sheet?.milestones.length ?? 0;
}

export function deliveryProgress(
  milestones: readonly DeliveryMilestone[] | undefined,
): DeliveryProgress | null {
  if (!milestones?.length) return null;
  const open = milestones.findIndex((m) => !settled(m));
  const done = milestones.filter(settled).length;
  return { current: open < 0 ? milestones.length : open + 1, total: milestones.length, settled: done };
}

/** The steps of the deal, each done, current or upcoming; exactly one is current. */
export function dealSteps(deal: Deal, milestones: readonly DeliveryMilestone[] | undefined): DealStep[] {
  const status = deal.status;
  const ended = status === 'closed_lost' || status === 'cancelled';
  const beforeFees = status === 'negotiating' || status === 'agreed';
  const payment = status === 'awaiting_payment' || has(deal, 'request_payment') || (beforeFees && !ended);
  const delivery =
    (milestones?.length ?? 0) > 0 ||
    deliveryStarted(deal) ||
    (!ended && status !== 'closed_won' && plannedMilestones(deal) > 0);
  const path: DealStatus[] = ['negotiating', 'agreed'];
  if (payment) path.push('awaiting_payment');
  if (delivery) path.push('delivering');

  if (ended) {
    // The steps it got through, then where it stopped.
    const reached = path.filter(
      (key) =>
        key === 'negotiating' ||
        (key === 'agreed' && !!deal.agreedVersion) ||
        (key === 'awaiting_payment' && has(deal, 'request_payment')) ||
        (key === 'delivering' && delivery),
    );
    return [...reached.map((key) => ({ key, state: 'done' as const })), { key: status, state: 'current' }];
  }
  const steps = [...path, 'closed_won' as const];
  const at = steps.indexOf(status);
  return steps.map((key, i) => ({ key, state: i < at ? 'done' : i === at ? 'current' : 'upcoming' }));
}

/** The milestone the role acts on now, by the order of the plan, and the key of that action. */
function myMilestoneTurn(
  role: DealRole,
  milestones: readonly DeliveryMilestone[],
): { m: DeliveryMilestone; key: string } | null {
  for (const m of milestones) {
    if (role === 'seller' && m.status === 'changes_requested') return { m, key: 'redeliver' };
    if (role === 'seller' && m.status === 'pending') return { m, key: 'deliver' };
    if (role === 'buyer' && m.status === 'delivered') return { m, key: 'answer' };
    if ((role === 'broker' || role === 'admin') && m.status === 'disputed') return { m, key: 'resolve' };
  }
  return null;
}

/** What waits on someone else: the first milestone not settled, from the viewer's side. */
function waitingOn(m: DeliveryMilestone): string {
  switch (m.status) {
    case 'delivered':
      return 'waitBuyerAnswer';
    case 'changes_requested':
      return 'waitRedelivery';
    case 'disputed':
      return 'waitResolution';
    default:
      return 'waitDelivery';
  }
}

/** When the server accepts a delivered milestone for a silent buyer (as it says, else reckoned). */
export function autoAcceptAt(m: DeliveryMilestone): string | undefined {
  if (m.autoAcceptAt) return m.autoAcceptAt;
  if (!m.deliveredAt) return undefined;
  const at = new Date(new Date(m.deliveredAt).getTime() + MILESTONE_ACCEPT_DAYS * 86_400_000);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

export function nextAction(deal: Deal, milestones: readonly DeliveryMilestone[] | undefined): NextAction {
  const role = deal.myRole;
  const party = role === 'seller' || role === 'buyer';
  switch (deal.status) {
    case 'negotiating': {
      const latest = deal.termSheets.at(-1);
      if (role === 'broker') return { key: 'brokerNegotiating', mine: true };
      if (!party) return { key: 'negotiating', mine: false };
      if (!latest) return { key: 'proposeFirst', mine: true };
      if (latest.acceptedBy.some((a) => a.role === role))
        return { key: 'waitOtherParty', mine: false, version: latest.version };
      return { key: 'acceptOrCounter', mine: true, version: latest.version };
    }
    case 'agreed':
      return { key: 'agreed', mine: false };
    case 'awaiting_payment':
      return party ? { key: 'payFees', mine: true } : { key: 'waitPayment', mine: false };
    case 'delivering': {
      const progress = deliveryProgress(milestones);
      if (!milestones || !progress) return { key: 'delivering', mine: false };
      const turn = myMilestoneTurn(role, milestones);
      if (turn) {
        return {
          key: turn.key,
          mine: true,
          n: turn.m.n,
          title: turn.m.title,
          ...(turn.key === 'answer' ? { autoAcceptAt: autoAcceptAt(turn.m) } : {}),
        };
      }
      const open = milestones.find((m) => !settled(m));
      if (!open) return { key: 'delivering', mine: false };
      if (!party && open.status !== 'disputed')
        return { key: 'followDelivery', mine: false, k: progress.current, total: progress.total };
      return {
        key: waitingOn(open),
        mine: false,
        n: open.n,
        title: open.title,
        ...(open.status === 'delivered' ? { autoAcceptAt: autoAcceptAt(open) } : {}),
      };
    }
    case 'closed_won':
      return { key: 'completed', mine: false };
    case 'closed_lost':
      return { key: 'closedLost', mine: false };
    case 'cancelled':
      return { key: 'cancelled', mine: false };
  }
}
