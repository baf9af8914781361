/**
 * A bid on an offer or a proposal on a demand. The listing's owner organization is copied in
 * so that visibility and "my bids" queries need no join (FerretDB has no $lookup).
 */
import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { CURRENCIES, LISTING_KINDS, TRANSFER_MODES, BID_STATUSES } from '../api-contract/enums';
import { outcomeRecordSchema } from '../deals';

const bidSchema = new Schema(
  {
    listingKind: { type: String, enum: LISTING_KINDS, required: true },
    listingId: { type: Schema.Types.ObjectId, required: true },
    listingTitle: { type: String, required: true },
    listingOwnerOrgId: { type: Schema.Types.ObjectId, required: true },
    bidderOrgId: { type: Schema.Types.ObjectId, required: true, index: true },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    amount: { type: Number, required: true },
    currency: { type: String, enum: CURRENCIES, required: true },
    transferMode: { type: String, enum: TRANSFER_MODES, required: true },
    terms: { type: String, default: '' },
    /** Placed on an auction or a call for proposals: hidden from the owner until the deadline. */
    sealed: { type: Boolean, default: false },
    status: { type: String, enum: BID_STATUSES, default: 'submitted' },
    decidedAt: { type: Date },
    decidedBy: { type: Schema.Types.ObjectId },
    dealId: { type: Schema.Types.ObjectId },
    /** Why it ended (a rejection): a reason from OUTCOME_REASONS and an optional note. */
    outcome: outcomeRecordSchema,
  },
  { timestamps: true },
);
bidSchema.index({ listingKind: 1, listingId: 1, status: 1 });

export type BidDoc = InferSchemaType<typeof bidSchema> & {
  _id: mongoose.Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};
export const BidModel = mongoose.model('Bid', bidSchema);
