/**
 * A deal awaiting payment closes as won once every fee line has a paid payment, and not before.
 * Each caller checks after its own payment was stored, so of two fees paid at once the later
 * check sees both; the deal's conditional transition lets only one of them close it.
 */
import { AppError } from '../common/errors';
import type { EventBus } from '../common/events';
import { findDealDoc } from '../deals/deal.store';
import { transitionDeal } from '../deals/deal.service';
import { afterFeesSettled } from '../deals/milestone-machine';
import type { FeeSchedule } from './fees';
import { allFeesPaid, dealFeeLines } from './deal-fees';
import { paymentsOfDeal } from './deal-payments';
import type { PaymentStatus } from '../api-contract/enums';

export async function completeDealIfAllPaid(
  dealId: string,
  schedule: FeeSchedule,
  bus: EventBus,
): Promise<boolean> {
  const deal = await findDealDoc(dealId);
  if (!deal || deal.status !== 'awaiting_payment') return false;
  const payments = await paymentsOfDeal(dealId, 'paid');
  const lines = dealFeeLines(deal, schedule);
  const paid = payments.map((p) => ({ ...p, status: p.status as PaymentStatus }));
  if (!allFeesPaid(lines, paid)) return false;
  try {
    await transitionDeal(
      dealId,
      afterFeesSettled(deal),
      { role: 'system' },
      { expectedFrom: ['awaiting_payment'], bus, data: { paymentIds: payments.map((p) => String(p._id)) } },
    );
    return true;
  } catch (err) {
    // Another step completed (or ended) the deal first: nothing is missing. A busy deal still
    // awaiting payment is not done: the error reaches the caller (a Stripe event stays unapplied).
    if (err instanceof AppError && err.code === 'conflict') {
      if ((await findDealDoc(dealId))?.status !== 'awaiting_payment') return false;
    }
    throw err;
  }
}
