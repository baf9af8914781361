/**
 * Where a deal stands, as its stepper shows it (pure): the steps it passes through —
 * negotiating → agreed → (awaiting payment) → (delivering milestone k of n, then settling the
 * milestones' payments) → completed, or the state it ended in — and what the viewer does next:
 * its own step on the earliest milestone first (delivering, answering, paying the seller,
 * confirming the money arrived, paying the exchange's fee on it), else what it waits on.
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
  /** The first milestone not yet decided (accepted or cancelled), 1-based; `total` once all are. */
  current: number;
  total: number;
  /** Milestones settled: accepted, paid for and confirmed received, their fees paid; or cancelled. */
  settled: number;
  /** Delivering milestones, then settling the last payments once every one is decided, then done. */
  phase: 'delivering' | 'settling' | 'settled';
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
/** Accepted or cancelled: nothing more is delivered for it (it may still be being paid for). */
const decided = (m: DeliveryMilestone) => m.status === 'accepted' || m.status === 'cancelled';

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
  const open = milestones.findIndex((m) => !decided(m));
  const settled = milestones.filter((m) => m.settled).length;
  const total = milestones.length;
  const phase = open >= 0 ? 'delivering' : settled < total ? 'settling' : 'settled';
  return { current: open < 0 ? total : open + 1, total, settled, phase };
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

/** The viewer's own share of the fee on a milestone, while it is still to pay (not started, failed or refunded). */
function myUnpaidFee(role: DealRole, m: DeliveryMilestone) {
  return m.fees.find(
    (f) => f.payer === role && f.amount > 0 && f.status !== 'paid' && f.status !== 'pending',
  );
}

/** What is left to settle an accepted milestone, as the role sees it: its own step first, or what it waits on. */
function settlementStep(role: DealRole, m: DeliveryMilestone): { key: string; mine: boolean } | null {
  if (m.status !== 'accepted' || m.settled) return null;
  const owed = (m.owed ?? 0) > 0;
  const recorded = !!m.transfer?.recordedAt;
  const confirmed = !!m.transfer?.confirmedAt;
  if (role === 'buyer' && owed && !recorded) return { key: 'recordPayment', mine: true };
  if (role === 'seller' && recorded && !confirmed) return { key: 'confirmPayment', mine: true };
  if (myUnpaidFee(role, m)) return { key: 'payMilestoneFee', mine: true };
  if (owed && !recorded) return { key: 'waitPaymentRecord', mine: false };
  if (owed && !confirmed) return { key: 'waitPaymentConfirm', mine: false };
  if (m.fees.some((f) => f.status === 'pending')) return { key: 'waitFeeConfirmation', mine: false };
  return { key: 'waitMilestoneFees', mine: false };
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
    const step = settlementStep(role, m);
    if (step?.mine) return { m, key: step.key };
  }
  return null;
}

/** What waits on someone else: the first milestone not settled, from the viewer's side. */
function waitingOn(role: DealRole, m: DeliveryMilestone): string {
  switch (m.status) {
    case 'accepted':
      return settlementStep(role, m)?.key ?? 'waitMilestoneFees';
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
      const open = milestones.find((m) => !m.settled);
      if (!open) return { key: 'delivering', mine: false };
      if (!party && open.status !== 'disputed')
        return {
          key: progress.phase === 'settling' ? 'followSettlement' : 'followDelivery',
          mine: false,
          k: progress.phase === 'settling' ? progress.settled : progress.current,
          total: progress.total,
        };
      return {
        key: waitingOn(role, open),
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
