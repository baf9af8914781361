import type { SessionUser } from '../common/session-user';
import { loadDealForUser } from '../deals';
import { dealFeeLines, paymentForLine, type FeeSchedule } from '../fees';
import { paymentsOfDeal } from './deal-payments';
import type { PaymentStatus } from '../api-contract/enums';

/** The deal's fee lines with the state of each line's payment; parties, its broker and operators only. */
export async function feesOfDeal(user: SessionUser, dealId: string, schedule: FeeSchedule) {
  const { deal } = await loadDealForUser(user, dealId);
  const lines = dealFeeLines(deal, schedule);
  if (!lines.length) return { fees: [] };
  const payments = await paymentsOfDeal(dealId);
  const typed = payments.map((p) => ({ ...p, status: p.status as PaymentStatus }));
  return {
    fees: lines.map((line) => {
      const payment = paymentForLine(line, typed);
      return payment
        ? { ...line, status: payment.status, paymentId: String(payment._id), provider: payment.provider }
        : { ...line };
    }),
  };
}
