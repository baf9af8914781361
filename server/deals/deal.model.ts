/**
 * A deal between a seller and a buyer organization, with its term sheets, timeline and NDA
 * acceptances embedded, so that every change is one atomic single-document update guarded by
 * the expected state (FerretDB and MongoDB alike; no multi-document transactions).
 */
import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import {
  CURRENCIES,
  DEAL_STATUSES,
  MILESTONE_STATUSES,
  ROYALTY_CADENCES,
  TRANSFER_MODES,
} from '../api-contract/enums';
import { outcomeRecordSchema } from './outcome.record';

const termSheetSchema = new Schema(
  {
    version: { type: Number, required: true },
    price: { type: Number, required: true },
    currency: { type: String, enum: CURRENCIES, required: true },
    royaltyPct: { type: Number },
    /** How often the licensee reports its net sales (deals/royalty-schedule.ts: quarterly when unset). */
    royaltyReporting: { type: String, enum: ROYALTY_CADENCES },
    exclusivity: { type: Boolean, required: true },
    /** How the technology passes (a licence, an assignment …); older sheets name only exclusivity. */
    transferMode: { type: String, enum: TRANSFER_MODES },
    territory: { type: String },
    durationMonths: { type: Number },
    milestones: {
      type: [{ title: String, dueDate: Date, amount: Number, deliverable: String }],
      default: [],
    },
    proposedBy: { type: Schema.Types.ObjectId, required: true },
    proposedByRole: { type: String, enum: ['seller', 'buyer', 'broker', 'admin'], required: true },
    acceptedBy: { type: [{ role: String, userId: Schema.Types.ObjectId, at: Date }], default: [] },
    createdAt: { type: Date, default: () => new Date() },
  },
  { _id: false },
);

const timelineEntrySchema = new Schema(
  {
    at: { type: Date, default: () => new Date() },
    actorId: { type: Schema.Types.ObjectId },
    actorRole: { type: String },
    event: { type: String, required: true },
    from: { type: String },
    to: { type: String },
    data: { type: Schema.Types.Mixed },
  },
  { _id: false },
);

const dealSchema = new Schema(
  {
    /** `GD-2026-000123`: how people name the deal (deal-reference.store.ts). */
    reference: { type: String },
    listingKind: { type: String, enum: ['offer', 'demand'], required: true },
    offerId: { type: Schema.Types.ObjectId, index: true },
    demandId: { type: Schema.Types.ObjectId, index: true },
    listingTitle: { type: String, required: true },
    bidId: { type: Schema.Types.ObjectId },
    sellerOrgId: { type: Schema.Types.ObjectId, required: true, index: true },
    buyerOrgId: { type: Schema.Types.ObjectId, required: true, index: true },
    brokerUserId: { type: Schema.Types.ObjectId, index: true },
    status: { type: String, enum: DEAL_STATUSES, default: 'negotiating', index: true },
    field: { type: String },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    termSheets: { type: [termSheetSchema], default: [] },
    /** The newest term-sheet version (0: none yet). Versions are 1..n in array order, so version v sits at index v - 1. */
    latestVersion: { type: Number, default: 0 },
    agreedVersion: { type: Number },
    timeline: { type: [timelineEntrySchema], default: [] },
    ndaAcceptances: {
      type: [
        {
          userId: Schema.Types.ObjectId,
          orgId: Schema.Types.ObjectId,
          /** 'broker' for the broker's own acceptance; a party's otherwise. */
          role: String,
          at: Date,
          text: String,
        },
      ],
      default: [],
    },
    /**
     * The counterparty's access to the listing's confidential documents, as the owner decided
     * (listings whose policy is `on_request`): asked, approved or refused.
     */
    documentAccess: {
      status: { type: String, enum: ['requested', 'approved', 'refused'] },
      requestedAt: Date,
      requestedBy: Schema.Types.ObjectId,
      decidedAt: Date,
      decidedBy: Schema.Types.ObjectId,
    },
    /** The parties (organization ids) that agreed to the current broker; both open documents to them. */
    brokerConsents: { type: [Schema.Types.ObjectId], default: [] },
    /**
     * A broker one party named and the other has not agreed to yet: they become the deal's
     * broker (brokerUserId) once the other party names them too, or an operator assigns them.
     */
    brokerProposal: {
      type: new Schema(
        { userId: Schema.Types.ObjectId, orgId: Schema.Types.ObjectId, role: String, at: Date },
        { _id: false },
      ),
      default: undefined,
    },
    /**
     * The delivery plan (milestone-machine.ts): the agreed term sheet's milestones, made when the
     * deal starts delivering, each with its state and what happened to it.
     */
    delivery: {
      type: [
        new Schema(
          {
            n: { type: Number, required: true },
            title: String,
            dueDate: Date,
            amount: Number,
            currency: String,
            deliverable: String,
            status: { type: String, enum: MILESTONE_STATUSES, required: true },
            deliveredAt: Date,
            deliveryNote: String,
            documentIds: { type: [String], default: undefined },
            changesNote: String,
            decidedAt: Date,
            decidedBy: Schema.Types.ObjectId,
            autoAccepted: Boolean,
            acceptedAmount: Number,
            /**
             * The buyer's own payment for the milestone, made directly to the seller: recorded by
             * the buyer with its reference, confirmed received by the seller.
             */
            transfer: {
              type: new Schema(
                {
                  amount: Number,
                  reference: String,
                  recordedAt: Date,
                  recordedBy: Schema.Types.ObjectId,
                  confirmedAt: Date,
                  confirmedBy: Schema.Types.ObjectId,
                },
                { _id: false },
              ),
              default: undefined,
            },
            dispute: {
              type: new Schema(
                {
                  reason: String,
                  openedBy: Schema.Types.ObjectId,
                  openedByRole: String,
                  openedAt: Date,
                  outcome: String,
                  note: String,
                  resolvedBy: Schema.Types.ObjectId,
                  resolvedAt: Date,
                },
                { _id: false },
              ),
              default: undefined,
            },
          },
          { _id: false },
        ),
      ],
      default: undefined,
    },
    /**
     * A royalty deal's reports: the licensee (buyer) files its net sales for a period, the royalty
     * and the exchange's fee on it are computed then; the licensor (seller) confirms receiving it.
     */
    royaltyReports: {
      type: [
        new Schema(
          {
            _id: { type: Schema.Types.ObjectId, required: true },
            period: { type: String, required: true },
            netSales: { type: Number, required: true },
            currency: { type: String, enum: CURRENCIES, required: true },
            royaltyPct: { type: Number, required: true },
            royalty: { type: Number, required: true },
            fees: { type: [{ _id: false, payer: String, amount: Number }], default: [] },
            note: String,
            filedBy: Schema.Types.ObjectId,
            filedAt: Date,
            confirmedBy: Schema.Types.ObjectId,
            confirmedAt: Date,
          },
          { _id: false },
        ),
      ],
      default: undefined,
    },
    /**
     * The winner's deposit, held against its fees (payments/deposit-settlement.ts): an auction's
     * winning bidder's (the buyer), or a call's chosen proposer's (the seller), `payer`.
     */
    depositCredit: {
      type: new Schema(
        { paymentId: Schema.Types.ObjectId, amount: Number, currency: String, payer: String },
        { _id: false },
      ),
      default: undefined,
    },
    /** Where the negotiation began when it began at a fair: the event and the meeting (server/events). */
    source: {
      type: new Schema({ kind: String, eventId: String, meetingId: String }, { _id: false }),
      default: undefined,
    },
    cancelReason: { type: String },
    /** Why it ended (a walk-away or a cancellation): a reason from OUTCOME_REASONS and an optional note. */
    outcome: outcomeRecordSchema,
    closedAt: { type: Date },
    /** 'YYYY-MM' of creation, for statistics. */
    createdMonth: { type: String, default: () => new Date().toISOString().slice(0, 7) },
  },
  { timestamps: true },
);
/** One open deal per bid: concurrent accepts cannot create two. */
dealSchema.index({ bidId: 1 }, { unique: true, sparse: true });
dealSchema.index({ reference: 1 }, { unique: true, sparse: true });

export type DealDoc = InferSchemaType<typeof dealSchema> & {
  _id: mongoose.Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};
export const DealModel = mongoose.model('Deal', dealSchema);
