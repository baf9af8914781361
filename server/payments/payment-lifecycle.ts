/**
 * Payment statuses and how provider events move them. Webhooks arrive late, twice or out of
 * order, so applying events must not depend on their order: each status has a rank and an
 * event can only raise it (a join on the order pending < failed < paid < refunded). Hence:
 *
 * - the same event twice changes nothing;
 * - `failed` or `expired` after `paid` does not undo it, and `paid` after `failed` wins
 *   (a card declined on the first try and accepted on the second);
 * - `expired` (an abandoned checkout or an unconfirmed bank transfer) is recorded as `failed`;
 * - `refunded` is final.
 *
 * "Refunded only from paid" is a rule for *asking* for a refund: see `canRequestRefund`.
 * A refund notice that outruns its payment notice still lands on `refunded`, since money is
 * refunded only after it was paid; dropping it would leave the payment `paid` for ever once
 * the late `paid` notice arrives.
 */
import type { PaymentStatus } from '../api-contract/enums';

export const PAYMENT_EVENTS = ['paid', 'failed', 'expired', 'refunded'] as const;
export type PaymentEvent = (typeof PAYMENT_EVENTS)[number];

const RANK: Record<PaymentStatus, number> = { pending: 0, failed: 1, paid: 2, refunded: 3 };

const STATUS_AFTER: Record<PaymentEvent, PaymentStatus> = {
  paid: 'paid',
  failed: 'failed',
  expired: 'failed',
  refunded: 'refunded',
};

/**
 * `applied`: the status changed. `duplicate`: the payment already is where the event leads.
 * `superseded`: the payment is already past where the event leads (e.g. `failed` after `paid`).
 */
export type PaymentEventEffect = 'applied' | 'duplicate' | 'superseded';

export interface PaymentEventResult {
  next: PaymentStatus;
  changed: boolean;
  effect: PaymentEventEffect;
}

/** The status after `event`; store it with a conditional update on `current`. */
export function applyPaymentEvent(current: PaymentStatus, event: PaymentEvent): PaymentEventResult {
  const target = STATUS_AFTER[event];
  if (target === current) return { next: current, changed: false, effect: 'duplicate' };
  if (RANK[target] < RANK[current]) return { next: current, changed: false, effect: 'superseded' };
  return { next: target, changed: true, effect: 'applied' };
}

/** An operator (or the system) may ask the provider for a refund only of a paid payment. */
export function canRequestRefund(current: PaymentStatus): boolean {
  return current === 'paid';
}
