/**
 * A payment of one fee line, through one provider: a deal's fee (`dealId`), an appraisal's
 * (`appraisalId`), a bid deposit (`offerId`) or a listing fee (`listingId`); `title` names what
 * is paid for on receipts and in lists. Its history (who moved it, when, on which provider
 * event) is embedded, so each change is one atomic update guarded by the status it expects.
 *
 * `payees` are the shares of it the exchange owes once it is paid (the broker's commission, the
 * experts' share), fixed when the payment is created and recorded in the ledger when it is paid.
 *
 * `openKey` (subjectId:purpose:payer) is set while the payment is live (pending or paid) and
 * unset when it fails or is refunded: its sparse unique index lets one fee line have at most
 * one live payment, so a fee is never paid twice, while a failed attempt can be retried.
 */
import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import {
  CURRENCIES,
  LISTING_KINDS,
  PAYMENT_PROVIDERS,
  PAYMENT_PURPOSES,
  PAYMENT_STATUSES,
} from '../api-contract/enums';

export const PAYMENT_PAYERS = ['buyer', 'seller', 'requester', 'bidder'] as const;

const historyEntrySchema = new Schema(
  {
    at: { type: Date, default: () => new Date() },
    event: { type: String, required: true },
    from: { type: String },
    to: { type: String },
    actorId: { type: Schema.Types.ObjectId },
    /** Who caused it: a member, an operator, Stripe (a webhook) or the system. */
    source: { type: String, enum: ['member', 'operator', 'stripe', 'system'], required: true },
    stripeEventId: { type: String },
    note: { type: String },
  },
  { _id: false },
);

const paymentSchema = new Schema(
  {
    dealId: {
      type: Schema.Types.ObjectId,
      index: true,
      required(this: { appraisalId?: unknown; offerId?: unknown; demandId?: unknown; listingId?: unknown }) {
        return !this.appraisalId && !this.offerId && !this.demandId && !this.listingId;
      },
    },
    appraisalId: { type: Schema.Types.ObjectId, index: { sparse: true } },
    /** The fee on a royalty: the deal's (`dealId`) royalty report it is owed on. */
    royaltyReportId: { type: Schema.Types.ObjectId },
    /** The success fee's share on one of the deal's milestones (its `n`), due once it is accepted. */
    milestone: { type: Number },
    /** A bidder's deposit on an auction: the offer it lets them bid on. */
    offerId: { type: Schema.Types.ObjectId },
    /** A proposer's deposit on a call for proposals: the demand it lets them propose on. */
    demandId: { type: Schema.Types.ObjectId },
    /** A listing fee: the offer or demand (`listingKind`) it lets its organization submit for review. */
    listingId: { type: Schema.Types.ObjectId },
    listingKind: { type: String, enum: LISTING_KINDS },
    /**
     * What became of a paid deposit once its auction or call closed: refunded to a bidder who lost, held
     * against the winner's deal (`dealId` of the deal it is credited to), or forfeited by an
     * operator's decision when the winner walked away.
     */
    deposit: {
      type: new Schema(
        {
          outcome: { type: String, enum: ['credited', 'forfeited'] },
          dealId: Schema.Types.ObjectId,
          at: Date,
          by: Schema.Types.ObjectId,
          reason: String,
          /** What a forfeit took: what the deposit still held beyond the surplus due (deposit-surplus-rules.ts). */
          forfeitedAmount: { type: Number, validate: Number.isSafeInteger },
          /**
           * The refunds of a credited deposit's surplus over its deal's fees, each claimed under
           * its key before it is asked of Stripe (same key) or recorded as returned by bank transfer.
           * One that keeps failing is handed to an operator (`needs_operator`, `error`), who
           * retries it (`retries`; under a new idempotency key, `keyRound`, only once Stripe said
           * the last refund failed) or records it made elsewhere (`by`, `reference`).
           */
          refunds: {
            type: [
              new Schema(
                {
                  key: { type: String, required: true },
                  amount: { type: Number, required: true, validate: Number.isSafeInteger },
                  status: {
                    type: String,
                    enum: ['claimed', 'pending', 'succeeded', 'failed', 'needs_operator'],
                    required: true,
                  },
                  refundId: String,
                  at: Date,
                  doneAt: Date,
                  failures: Number,
                  error: String,
                  needsOperatorAt: Date,
                  retries: Number,
                  keyRound: Number,
                  by: Schema.Types.ObjectId,
                  reference: String,
                },
                { _id: false },
              ),
            ],
            default: undefined,
          },
          /**
           * An auction's runner-up deposit, kept at the close (not refunded) until the winner's deal
           * is agreed or ends (bids/runner-up-rules.ts): when it was kept.
           */
          keptForRunnerUpAt: Date,
          /** The winner's deal a kept runner-up deposit waits on. */
          keptForDealId: Schema.Types.ObjectId,
          /**
           * A forfeited deposit: the runner-up its listing's owner then offered the technology to
           * (its bid, and the deal opened with it), once per forfeit (bids/runner-up.service.ts).
           */
          runnerUp: {
            type: new Schema(
              {
                bidId: Schema.Types.ObjectId,
                dealId: Schema.Types.ObjectId,
                at: Date,
                by: Schema.Types.ObjectId,
              },
              { _id: false },
            ),
            default: undefined,
          },
        },
        { _id: false },
      ),
      default: undefined,
    },
    title: { type: String },
    purpose: { type: String, enum: PAYMENT_PURPOSES, required: true },
    payer: { type: String, enum: PAYMENT_PAYERS, required: true },
    payerOrgId: { type: Schema.Types.ObjectId, required: true, index: true },
    amount: {
      type: Number,
      required: true,
      validate: { validator: Number.isSafeInteger, message: 'amount must be an integer' },
    },
    currency: { type: String, enum: CURRENCIES, required: true },
    provider: { type: String, enum: PAYMENT_PROVIDERS, required: true },
    status: { type: String, enum: PAYMENT_STATUSES, default: 'pending', index: true },
    payees: {
      type: [
        new Schema(
          {
            userId: { type: Schema.Types.ObjectId, required: true },
            purpose: { type: String, enum: ['broker_commission', 'expert_share'], required: true },
            amount: { type: Number, required: true },
          },
          { _id: false },
        ),
      ],
      default: undefined,
    },
    /** What a bank transfer quotes in its description, e.g. TX-7K3QZP; printed on every receipt. */
    reference: { type: String, required: true, unique: true, sparse: true },
    openKey: { type: String },
    /** Derived from the payment; sent to Stripe so a retried request never creates a second session. */
    idempotencyKey: { type: String, required: true, unique: true, sparse: true },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    stripe: {
      checkoutSessionId: { type: String, index: true },
      checkoutUrl: { type: String },
      paymentIntentId: { type: String, index: true },
      refundId: { type: String },
      refundStatus: { type: String },
    },
    paidAt: { type: Date },
    failedAt: { type: Date },
    refundedAt: { type: Date },
    confirmedBy: { type: Schema.Types.ObjectId },
    /** A bank transfer's confirmation: what the operator read on the bank statement. */
    bankReceipt: {
      type: new Schema({ amount: Number, bankReference: String, receivedOn: Date }, { _id: false }),
      default: undefined,
    },
    refundReason: { type: String },
    refundedBy: { type: Schema.Types.ObjectId },
    /** Paid although another payment already covers its fee line: an operator should refund one. */
    duplicate: { type: Boolean, default: false },
    history: { type: [historyEntrySchema], default: [] },
  },
  { timestamps: true },
);
paymentSchema.index({ openKey: 1 }, { unique: true, sparse: true });
paymentSchema.index({ createdAt: -1 });

export type PaymentDoc = InferSchemaType<typeof paymentSchema> & {
  _id: mongoose.Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};
export const PaymentModel = mongoose.model('Payment', paymentSchema);

/** The key of a fee line's live payment; `subjectId` is the deal's or the appraisal's id. */
export function openKeyOf(subjectId: string, purpose: string, payer: string): string {
  return `${subjectId}:${purpose}:${payer}`;
}

/** The id of what the payment pays for: its deal, its appraisal, (a deposit) its offer, or (a listing fee) its listing. */
export function subjectIdOf(payment: {
  dealId?: unknown;
  appraisalId?: unknown;
  offerId?: unknown;
  demandId?: unknown;
  listingId?: unknown;
}): string {
  return String(
    payment.dealId ?? payment.appraisalId ?? payment.offerId ?? payment.demandId ?? payment.listingId,
  );
}

/** The listing a bid deposit is paid on: an auction (`offerId`) or a call for proposals (`demandId`); null for any other payment. */
export function depositListingOf(payment: {
  offerId?: unknown;
  demandId?: unknown;
}): { kind: 'offer' | 'demand'; id: string } | null {
  if (payment.offerId) return { kind: 'offer', id: String(payment.offerId) };
  if (payment.demandId) return { kind: 'demand', id: String(payment.demandId) };
  return null;
}

/** The key of a bidding organization's live deposit on an auction or a call (their ids never clash). */
export function depositOpenKey(listingId: string, orgId: string): string {
  return openKeyOf(`${listingId}.${orgId}`, 'bid_deposit', 'bidder');
}

/** The key of a deal's fee line's live payment: the line due on signing, or a milestone's. */
export function dealLineOpenKey(
  dealId: string,
  line: { purpose: string; payer: string; milestone?: number | null },
) {
  return openKeyOf(line.milestone ? `${dealId}.m${line.milestone}` : dealId, line.purpose, line.payer);
}

/** The key a live payment holds: its fee line's, its royalty report's line, or its bidder's deposit's. */
export function openKeyOfPayment(payment: {
  dealId?: unknown;
  appraisalId?: unknown;
  offerId?: unknown;
  demandId?: unknown;
  listingId?: unknown;
  royaltyReportId?: unknown;
  milestone?: number | null;
  payerOrgId: unknown;
  purpose: string;
  payer: string;
}): string {
  const depositOn = depositListingOf(payment);
  if (depositOn) return depositOpenKey(depositOn.id, String(payment.payerOrgId));
  if (payment.royaltyReportId)
    return openKeyOf(`${subjectIdOf(payment)}.${payment.royaltyReportId}`, payment.purpose, payment.payer);
  if (payment.dealId && payment.milestone) return dealLineOpenKey(String(payment.dealId), payment);
  return openKeyOf(subjectIdOf(payment), payment.purpose, payment.payer);
}
