/**
 * Settling a milestone: once it is accepted, the buyer pays the seller for it directly (recording the transfer with its
 * reference), the seller confirms receiving it, and the exchange's share of the success fee on it
 * is paid. A milestone is settled once it is accepted and all of that is done (one cancelled is
 * settled as it is); the deal is complete once every milestone is settled. Pure.
 *
 *   (none) ──record (buyer)──▶ recorded ──confirm (seller)──▶ confirmed
 *             recorded ──record again (buyer: a corrected reference or amount)──▶ recorded
 */
import type { DealRole } from '../api-contract/enums';

export interface SettlingMilestone {
  n: number;
  status: string;
  amount?: number | null;
  acceptedAmount?: number | null;
  transfer?: {
    amount?: number | null;
    recordedAt?: Date | string | null;
    confirmedAt?: Date | string | null;
  } | null;
}

export type TransferPlan =
  | { ok: true; amount: number }
  | { ok: false; code: 'forbidden' | 'conflict' | 'validation_failed'; field?: string; message: string };

/** What the buyer owes the seller for the milestone: its amount, the part accepted, or nothing once cancelled. */
export function owedForMilestone(m: SettlingMilestone): number {
  if (m.status === 'cancelled') return 0;
  return m.status === 'accepted' && m.acceptedAmount != null ? m.acceptedAmount : (m.amount ?? 0);
}

/** The buyer records (or corrects, until the seller confirms it) paying for the milestone. */
export function planRecordTransfer(
  m: SettlingMilestone,
  role: DealRole,
  input: { amount?: number },
): TransferPlan {
  if (role !== 'buyer')
    return { ok: false, code: 'forbidden', message: 'Only the buyer records paying for a milestone' };
  if (m.status === 'cancelled')
    return { ok: false, code: 'conflict', message: 'The milestone was cancelled; nothing is owed for it' };
  if (m.status !== 'accepted')
    return { ok: false, code: 'conflict', message: 'A milestone is paid for once it is accepted' };
  if (m.transfer?.confirmedAt)
    return {
      ok: false,
      code: 'conflict',
      message: 'The seller has already confirmed receiving this payment',
    };
  const owed = owedForMilestone(m);
  if (owed <= 0) return { ok: false, code: 'conflict', message: 'Nothing is owed for this milestone' };
  const amount = input.amount ?? owed;
  if (amount !== owed)
    return {
      ok: false,
      code: 'validation_failed',
      field: 'amount',
      message: `amount must be what is owed for the milestone, ${owed}`,
    };
  return { ok: true, amount };
}

/** The seller confirms receiving the recorded payment, once. */
export function planConfirmTransfer(m: SettlingMilestone, role: DealRole): TransferPlan {
  if (role !== 'seller')
    return {
      ok: false,
      code: 'forbidden',
      message: 'Only the seller confirms receiving a milestone payment',
    };
  if (!m.transfer?.recordedAt)
    return {
      ok: false,
      code: 'conflict',
      message: 'The buyer has not recorded paying for this milestone yet',
    };
  if (m.transfer.confirmedAt)
    return { ok: false, code: 'conflict', message: 'This payment has already been confirmed' };
  return { ok: true, amount: m.transfer.amount ?? 0 };
}

/**
 * Whether the milestone is settled: cancelled, or accepted with what is owed for it confirmed
 * received (if anything is) and its fees paid (`feesPaid`: every fee line due on it is).
 */
export function milestoneSettled(m: SettlingMilestone, feesPaid: boolean): boolean {
  if (m.status === 'cancelled') return true;
  if (m.status !== 'accepted') return false;
  return (owedForMilestone(m) === 0 || !!m.transfer?.confirmedAt) && feesPaid;
}

/** Every milestone settled: the deal's delivery is complete (`feesPaidFor(n)` as above). */
export function deliverySettled(
  milestones: readonly SettlingMilestone[],
  feesPaidFor: (n: number) => boolean,
): boolean {
  return milestones.length > 0 && milestones.every((m) => milestoneSettled(m, feesPaidFor(m.n)));
}
