/**
 * The money record: an append-only entry for each payment started, received, failed and
 * refunded, with its amount, provider ids and who did it; and, when a fee is received, one
 * `payout_due` entry for each share of it the exchange owes (`payeeUserId`: the broker's
 * commission, an expert's share), payer `exchange`; a refund of that fee cancels them
 * (`payout_cancelled`), and an operator records paying one (`payout_paid`, with the transfer's
 * reference in `note`). A fee line the winner's deposit covered whole is never paid: its broker
 * share falls due against the deposit when the line does (`line`: `signing` or `m<n>`, one share
 * per line of that deposit). A winner's deposit larger than the fees it covers has its surplus
 * refunded (`deposit_surplus_refunded`, the part refunded, one entry per step: `line` names the
 * step), and a later forfeit records what it took (`deposit_forfeited`, never more than the
 * deposit still held). `entryKey` (paymentId:kind) is unique,
 * so a step retried or delivered twice is recorded once. Entries are never updated.
 */
import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { CURRENCIES, PAYMENT_PROVIDERS, PAYMENT_PURPOSES } from '../api-contract/enums';

export const LEDGER_KINDS = [
  'payment_started',
  'payment_received',
  'payment_failed',
  'refund',
  'payout_due',
  'payout_paid',
  'payout_cancelled',
  'deposit_credited',
  'deposit_forfeited',
  'deposit_surplus_refunded',
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

const ledgerEntrySchema = new Schema({
  entryKey: { type: String, required: true, unique: true },
  at: { type: Date, default: () => new Date() },
  kind: { type: String, enum: LEDGER_KINDS, required: true },
  dealId: { type: Schema.Types.ObjectId, index: true },
  appraisalId: { type: Schema.Types.ObjectId },
  offerId: { type: Schema.Types.ObjectId },
  /** A call for proposals' deposit: its demand. */
  demandId: { type: Schema.Types.ObjectId },
  /** A listing fee's offer or demand. */
  listingId: { type: Schema.Types.ObjectId },
  payeeUserId: { type: Schema.Types.ObjectId },
  paymentId: { type: Schema.Types.ObjectId, required: true, index: true },
  purpose: { type: String, enum: PAYMENT_PURPOSES, required: true },
  payer: { type: String, required: true },
  payerOrgId: { type: Schema.Types.ObjectId, required: true },
  /** Minor units; a refund is recorded as a positive amount of kind `refund`. */
  amount: { type: Number, required: true },
  currency: { type: String, enum: CURRENCIES, required: true },
  provider: { type: String, enum: PAYMENT_PROVIDERS, required: true },
  reference: { type: String, required: true },
  providerIds: {
    checkoutSessionId: { type: String },
    paymentIntentId: { type: String },
    refundId: { type: String },
    stripeEventId: { type: String },
  },
  actorId: { type: Schema.Types.ObjectId },
  source: { type: String, enum: ['member', 'operator', 'stripe', 'system'], required: true },
  note: { type: String },
  /** A share owed on a fee line the deposit covered: which line (`signing`, `m2`). */
  line: { type: String },
});
ledgerEntrySchema.index({ dealId: 1, at: 1 });

export type LedgerEntryDoc = InferSchemaType<typeof ledgerEntrySchema> & { _id: mongoose.Types.ObjectId };
export const LedgerEntryModel = mongoose.model('LedgerEntry', ledgerEntrySchema);
