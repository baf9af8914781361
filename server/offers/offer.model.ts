import mongoose, { Schema } from 'mongoose';
import { CURRENCIES, IP_STATUSES, PRICING_MODELS } from '../api-contract/enums';
import { commonListingFields } from '../listings/listing-fields.model';

const offerSchema = new Schema(
  {
    ...commonListingFields,
    description: { type: String, default: '' },
    trl: { type: Number, min: 1, max: 9, required: true },
    ipStatus: { type: String, enum: IP_STATUSES, default: 'none' },
    ipNumbers: { type: [String], default: [] },
    pricing: {
      model: { type: String, enum: PRICING_MODELS, default: 'negotiable' },
      amount: { type: Number },
      currency: { type: String, enum: CURRENCIES, default: 'VND' },
      reservePrice: { type: Number },
      closesAt: { type: Date },
      deposit: { type: Number },
      depositPct: { type: Number },
    },
    sectors: { type: [String], default: [] },
    /** Set once when an auction closes: who won, or why nothing sold. */
    auction: {
      closedAt: { type: Date },
      outcome: { type: String, enum: ['sold', 'reserve_not_met', 'no_bids'] },
      winningBidId: { type: Schema.Types.ObjectId },
    },
    /** A copy, for readers of the offer, of the award claim that decides who holds it (listing.store.ts). */
    award: {
      bidId: { type: String },
      dealId: { type: String },
      at: { type: Date },
    },
    /** Deals that agreed a non-exclusive licence of the offer: while any holds, nobody gets it exclusively (listing.store.ts). */
    licensees: { type: [String], default: undefined },
  },
  { timestamps: true },
);
offerSchema.index({ status: 1, 'pricing.model': 1, 'pricing.closesAt': 1 });

export const OfferModel = mongoose.model('Offer', offerSchema);
