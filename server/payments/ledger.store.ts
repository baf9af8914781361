/** The ledger store: the only code that writes ledger entries, each once (its unique `entryKey`). */
import { logger } from '../common/logger';
import { LedgerEntryModel, type LedgerKind } from './ledger.model';
import type { PaymentDoc } from './payment.model';
import { isDuplicateKeyError } from '../common/duplicate-key';
import { ledgerEntryView } from './payment.view';

export type LedgerSource = 'member' | 'operator' | 'stripe' | 'system';

export interface LedgerMeta {
  source: LedgerSource;
  actorId?: string;
  stripeEventId?: string;
  note?: string;
}

/** Appends the entry of `kind` for this payment, once: a repeated step adds nothing. */
export async function recordLedgerEntry(
  payment: PaymentDoc,
  kind: LedgerKind,
  meta: LedgerMeta,
): Promise<void> {
  try {
    await LedgerEntryModel.create({
      entryKey: `${payment._id}:${kind}`,
      kind,
      dealId: payment.dealId,
      paymentId: payment._id,
      purpose: payment.purpose,
      payer: payment.payer,
      payerOrgId: payment.payerOrgId,
      amount: payment.amount,
      currency: payment.currency,
      provider: payment.provider,
      reference: payment.reference,
      providerIds: {
        checkoutSessionId: payment.stripe?.checkoutSessionId ?? undefined,
        paymentIntentId: payment.stripe?.paymentIntentId ?? undefined,
        refundId: kind === 'refund' ? (payment.stripe?.refundId ?? undefined) : undefined,
        stripeEventId: meta.stripeEventId,
      },
      actorId: meta.actorId,
      source: meta.source,
      note: meta.note,
    });
  } catch (err) {
    if (isDuplicateKeyError(err)) return;
    logger.error({ err, paymentId: String(payment._id), kind }, 'ledger entry not recorded');
    throw err;
  }
}

export async function ledgerOfDeal(dealId: string) {
  const entries = await LedgerEntryModel.find({ dealId }).sort({ at: 1, _id: 1 }).lean();
  return entries.map(ledgerEntryView);
}
