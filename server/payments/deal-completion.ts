/**
 * A deal closes as won once everything it owes is settled, and not before: a deal awaiting
 * payment once every fee line due on signing has a paid payment (it then delivers its milestones,
 * or closes); a delivering deal once every milestone is settled (accepted, paid for and confirmed
 * received, its share of the fee paid; or cancelled). Each caller checks after its own write (a
 * payment stored, a milestone accepted, a receipt confirmed), so of two steps at once the later
 * check sees both; the deal's conditional transition lets only one of them close it.
 */
import { AppError } from '../common/errors';
import type { EventBus } from '../common/events';
import { type DealDoc, findDealDoc, transitionDeal, afterFeesSettled, deliverySettled } from '../deals';
import { type FeeSchedule, allFeesPaid, dealFeeLines } from '../fees';
import { paidPaymentsOfDeal } from './deal-payments';
import { creditedBrokerShares, recordCreditedBrokerShares } from './credited-payouts';
import type { PaymentStatus } from '../api-contract/enums';
import type { PaymentDoc } from './payment.model';

export async function completeDealIfAllPaid(
  dealId: string,
  schedule: FeeSchedule,
  bus: EventBus,
): Promise<boolean> {
  const deal = await findDealDoc(dealId);
  if (!deal || (deal.status !== 'awaiting_payment' && deal.status !== 'delivering')) return false;
  await recordCreditedBrokerShares(deal, schedule);
  const payments = await paidPaymentsOfDeal(dealId);
  const from = deal.status;
  if (!paidEnoughToMoveOn(deal, schedule, payments)) return false;
  try {
    await transitionDeal(
      dealId,
      from === 'delivering' ? 'complete' : afterFeesSettled(deal),
      { role: 'system' },
      { expectedFrom: [from], bus, data: { paymentIds: payments.map((p) => String(p._id)) } },
    );
    return true;
  } catch (err) {
    // Another step completed (or ended) the deal first: nothing is missing. A busy deal still
    // in the same state is not done: the error reaches the caller (a Stripe event stays unapplied).
    if (err instanceof AppError && err.code === 'conflict') {
      if ((await findDealDoc(dealId))?.status !== from) return false;
    }
    throw err;
  }
}

/**
 * Whether the deal's paid payments settle what it waits for: every fee due on signing (awaiting
 * payment), or every milestone (delivering).
 */
function paidEnoughToMoveOn(deal: DealDoc, schedule: FeeSchedule, paidPayments: PaymentDoc[]): boolean {
  const paid = paidPayments.map((p) => ({ ...p, status: p.status as PaymentStatus }));
  const lines = dealFeeLines(deal, schedule);
  if (deal.status === 'awaiting_payment') return allFeesPaid(lines, paid);
  if (deal.status === 'delivering') return deliveryComplete(deal, lines, paid);
  return false;
}

/**
 * Of these deals as read, those `completeDealIfAllPaid` would move on or record broker shares
 * for, judged on their payments (`paymentsOfDeals`, read for a sweep's whole batch at once: a
 * sweep over thousands of deals that wait for a payment reads a batch's payments in one command).
 */
/** The statuses in which a deal waits for a payment to move on (the sweep reads their payments). */
export const WAITS_FOR_PAYMENT: readonly string[] = ['awaiting_payment', 'delivering'];

export function dealsToComplete(
  deals: DealDoc[],
  schedule: FeeSchedule,
  payments: ReadonlyMap<string, PaymentDoc[]>,
): Set<string> {
  const waiting = deals.filter((d) => WAITS_FOR_PAYMENT.includes(d.status));
  return new Set(
    waiting
      .filter(
        (deal) =>
          creditedBrokerShares(deal, schedule).length > 0 ||
          paidEnoughToMoveOn(
            deal,
            schedule,
            (payments.get(String(deal._id)) ?? []).filter((p) => p.status === 'paid'),
          ),
      )
      .map((deal) => String(deal._id)),
  );
}

function deliveryComplete(
  deal: DealDoc,
  lines: ReturnType<typeof dealFeeLines>,
  paid: Parameters<typeof allFeesPaid>[1],
): boolean {
  const feesPaidFor = (n: number) =>
    allFeesPaid(
      lines.filter((l) => l.milestone === n),
      paid,
    );
  return allFeesPaid(lines, paid) && deliverySettled(deal.delivery ?? [], feesPaidFor);
}
