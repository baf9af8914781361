/**
 * The operators' payouts: what the exchange owes brokers and experts out of the fees it was
 * paid, as the ledger records it (each share falls due when its fee is paid and is cancelled
 * when that fee is refunded), with the totals per person and currency.
 */
import { userNames } from '../deals/names';
import { payoutEntries } from './ledger.store';

export async function listPayouts() {
  const entries = await payoutEntries();
  const names = await userNames(entries.map((e) => e.payeeUserId));
  const totals = new Map<string, { payeeUserId: string; name: string; currency: string; owed: number }>();
  for (const e of entries) {
    const key = `${e.payeeUserId}:${e.currency}`;
    const total = totals.get(key) ?? {
      payeeUserId: e.payeeUserId!,
      name: names.get(e.payeeUserId!) ?? '',
      currency: e.currency,
      owed: 0,
    };
    total.owed += e.kind === 'payout_due' ? e.amount : -e.amount;
    totals.set(key, total);
  }
  return {
    payouts: entries.map((e) => ({ ...e, payeeName: names.get(e.payeeUserId!) ?? '' })),
    totals: [...totals.values()].sort(
      (a, b) => a.name.localeCompare(b.name) || a.currency.localeCompare(b.currency),
    ),
  };
}
