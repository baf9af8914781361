/**
 * A fee line the winner's deposit covers whole is owed nothing and never paid, so its broker
 * share cannot fall due with a payment as other lines' shares do (payment-settlement.ts): it
 * falls due against the deposit when the line does (on signing, or when its milestone is
 * accepted). Safe to repeat: each line's share is recorded once (ledger.store.ts).
 */
import type { DealDoc } from '../deals';
import { type FeeSchedule, dealFeeLinesWithBrokerShares, fullyCredited } from '../fees';
import { recordCreditedPayout } from './ledger.store';
import { findPaymentDoc } from './payment.store';

/** The broker shares of the deal's fully credited lines now due, as ledger lines: `signing` or `m<n>`. */
export function creditedBrokerShares(
  deal: Pick<DealDoc, 'brokerUserId' | 'depositCredit'> & Parameters<typeof dealFeeLinesWithBrokerShares>[0],
  schedule: FeeSchedule,
): { line: string; amount: number }[] {
  if (!deal.brokerUserId || !deal.depositCredit?.paymentId) return [];
  return dealFeeLinesWithBrokerShares(deal, schedule)
    .lines.filter(({ line, brokerShare }) => fullyCredited(line) && brokerShare > 0)
    .map(({ line, brokerShare }) => ({
      line: line.milestone ? `m${line.milestone}` : 'signing',
      amount: brokerShare,
    }));
}

/** Records the shares `creditedBrokerShares` finds due; how many were new. */
export async function recordCreditedBrokerShares(deal: DealDoc, schedule: FeeSchedule): Promise<number> {
  const shares = creditedBrokerShares(deal, schedule);
  if (shares.length === 0) return 0;
  const deposit = await findPaymentDoc(String(deal.depositCredit!.paymentId));
  if (!deposit) return 0;
  let recorded = 0;
  for (const share of shares) {
    const made = await recordCreditedPayout(deposit, {
      dealId: String(deal._id),
      line: share.line,
      payeeUserId: String(deal.brokerUserId),
      amount: share.amount,
    });
    if (made) recorded++;
  }
  return recorded;
}
