import { AppError } from '../common/errors';
import type { SessionUser } from '../common/session-user';
import { recordAudit } from '../audit';
import { applyEventToPayment } from './payment-transitions';
import { followSettlement, holdForSettlement } from './payment-settlement';
import { assertOperatorOutside, loadPaymentToSettle } from './payment-access';
import type { PaymentDeps } from './payment-deps';
import { paymentView } from './payment.view';

/**
 * An operator records that a bank transfer arrived: pending → paid, with who and when. A
 * transfer given up for a card payment can still be confirmed if its money arrives after all;
 * if the card paid the fee too, the lifecycle flags the payment a duplicate, to be refunded.
 */
export interface TransferReceipt {
  note?: string;
  amount?: number;
  bankReference?: string;
  receivedOn?: Date;
}

export async function confirmBankTransfer(
  operator: SessionUser,
  paymentId: string,
  receipt: TransferReceipt,
  deps: PaymentDeps,
) {
  const { payment, deal } = await loadPaymentToSettle(paymentId);
  const { note, amount, bankReference, receivedOn } = receipt;
  if (payment.provider !== 'bank_transfer')
    throw AppError.conflict('Only bank transfers are confirmed by an operator');
  assertOperatorOutside(operator, payment, deal);
  if (deal && (deal.status === 'cancelled' || deal.status === 'closed_lost'))
    throw AppError.conflict(`The deal is ${deal.status}: return the transfer instead of confirming it`);
  const refusal = `The payment is ${payment.status}; only a transfer not yet received can be confirmed`;
  if (payment.status !== 'pending' && payment.status !== 'failed') throw AppError.conflict(refusal);
  if (amount !== undefined && amount !== payment.amount) {
    throw AppError.validation([
      {
        field: 'amount',
        message: `amount must be the fee transferred (${payment.amount} ${payment.currency}); a different amount is not this payment`,
      },
    ]);
  }
  const bankReceipt =
    amount !== undefined || bankReference || receivedOn ? { amount, bankReference, receivedOn } : undefined;
  // One flow holding the deal's (if any) and the payment's locks: the payment is confirmed, then the deal completes if all is paid.
  const after = await holdForSettlement(payment, async () => {
    const outcome = await applyEventToPayment(payment._id, 'paid', {
      source: 'operator',
      actorId: operator.id,
      note,
      set: { confirmedBy: operator.id, ...(bankReceipt ? { bankReceipt } : {}) },
    });
    const { effect, payment: confirmed } = outcome;
    if (effect !== 'applied') {
      // A confirmation repeated after a stop between the two steps still completes the deal.
      if (confirmed.status === 'paid') await followSettlement(outcome, deps);
      throw AppError.conflict(`The payment is ${confirmed.status}; it was confirmed meanwhile`);
    }
    await recordAudit({
      actorId: operator.id,
      action: 'payment.confirm',
      targetType: 'payment',
      targetId: paymentId,
      data: {
        ...(payment.dealId ? { dealId: String(payment.dealId) } : {}),
        ...(payment.appraisalId ? { appraisalId: String(payment.appraisalId) } : {}),
        amount: payment.amount,
        currency: payment.currency,
        reference: payment.reference,
        ...(bankReceipt ? { bankReceipt } : {}),
      },
    });
    await followSettlement(outcome, deps);
    return confirmed;
  });
  return { payment: paymentView(after) };
}
