/**
 * The exchange's payouts: what it owes brokers and experts out of the fees it was paid, as the
 * ledger records it. Each share falls due when its fee is paid (`payout_due`), is cancelled when
 * that fee is refunded (`payout_cancelled`) and is settled when an operator records paying it
 * with the transfer's reference (`payout_paid`). Operators read them all; a broker or an expert
 * reads their own.
 */
import { AppError } from '../common/errors';
import { isObjectId } from '../common/ids';
import type { SessionUser } from '../common/session-user';
import { recordAudit } from '../audit';
import { userNames } from '../deals';
import { findLedgerEntry, payoutEntries, recordPayoutPaid } from './ledger.store';
import type { LedgerEntryView } from './payment.view';

export type PayoutStatus = 'due' | 'paid' | 'cancelled';

/** A share as it stands: its `payout_due` entry, with whether it was since paid or cancelled. */
export function payoutStatusOf(due: LedgerEntryView, entries: readonly LedgerEntryView[]) {
  const later = entries.filter(
    (e) =>
      e.paymentId === due.paymentId &&
      e.payeeUserId === due.payeeUserId &&
      (e.line ?? null) === (due.line ?? null) &&
      e.kind !== 'payout_due',
  );
  const paid = later.find((e) => e.kind === 'payout_paid');
  const cancelled = later.find((e) => e.kind === 'payout_cancelled');
  const status: PayoutStatus = paid ? 'paid' : cancelled ? 'cancelled' : 'due';
  return {
    status,
    ...(paid ? { paidAt: paid.at, paidReference: paid.note } : {}),
    ...(cancelled ? { cancelledAt: cancelled.at } : {}),
  };
}

async function payoutsOf(payeeUserId?: string) {
  const entries = await payoutEntries(payeeUserId);
  const names = await userNames(entries.map((e) => e.payeeUserId));
  const totals = new Map<
    string,
    { payeeUserId: string; name: string; currency: string; owed: number; paid: number }
  >();
  const shares = entries.filter((e) => e.kind === 'payout_due');
  const payouts = shares.map((due) => {
    const standing = payoutStatusOf(due, entries);
    const key = `${due.payeeUserId}:${due.currency}`;
    const total = totals.get(key) ?? {
      payeeUserId: due.payeeUserId!,
      name: names.get(due.payeeUserId!) ?? '',
      currency: due.currency,
      owed: 0,
      paid: 0,
    };
    if (standing.status === 'due') total.owed += due.amount;
    if (standing.status === 'paid') total.paid += due.amount;
    totals.set(key, total);
    return { ...due, payeeName: names.get(due.payeeUserId!) ?? '', ...standing };
  });
  return {
    payouts,
    totals: [...totals.values()].sort(
      (a, b) => a.name.localeCompare(b.name) || a.currency.localeCompare(b.currency),
    ),
  };
}

/** Every share the exchange owes or owed, newest first, with each person's totals owed and paid. */
export function listPayouts() {
  return payoutsOf();
}

/** A broker's or an expert's own shares. */
export function myPayouts(user: SessionUser) {
  return payoutsOf(user.id);
}

/** An operator records paying a share that is due, with the transfer's reference; once. */
export async function markPayoutPaid(operator: SessionUser, id: string, reference: string) {
  const due = isObjectId(id) ? await findLedgerEntry(id) : null;
  if (!due || due.kind !== 'payout_due') throw AppError.notFound('Payout');
  if (String(due.payeeUserId) === operator.id)
    throw AppError.forbidden('An operator does not record paying their own share');
  const { payouts } = await payoutsOf(String(due.payeeUserId));
  const current = payouts.find((p) => p.id === id)!;
  if (current.status !== 'due')
    throw AppError.conflict(`This share is ${current.status}; only a due one is paid`);
  const at = new Date();
  if (!(await recordPayoutPaid(due, { actorId: operator.id, reference, at })))
    throw AppError.conflict('This share was recorded paid meanwhile');
  await recordAudit({
    actorId: operator.id,
    action: 'payout.paid',
    targetType: 'payout',
    targetId: id,
    data: { payeeUserId: String(due.payeeUserId), amount: due.amount, currency: due.currency, reference },
  });
  return {
    payout: {
      ...current,
      status: 'paid' as const,
      paidAt: at.toISOString(),
      paidReference: reference,
    },
  };
}
