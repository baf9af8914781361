import mongoose, { Schema } from 'mongoose';
import { CURRENCIES, DEMAND_MODES } from '../api-contract/enums';
import { commonListingFields } from '../listings/listing-fields.model';

const demandSchema = new Schema(
  {
    ...commonListingFields,
    problem: { type: String, default: '' },
    desiredOutcome: { type: String, default: '' },
    minTrl: { type: Number, min: 1, max: 9, default: 1 },
    budget: {
      min: { type: Number },
      max: { type: Number },
      currency: { type: String, enum: CURRENCIES, default: 'VND' },
    },
    mode: { type: String, enum: DEMAND_MODES, default: 'open' },
    /** Calls for proposals: proposals stay sealed until then, and none are taken after. */
    deadline: { type: Date },
    callClosedAt: { type: Date },
    /** A call's deposit each proposer pays before proposing: a fixed amount (budget currency), or */
    deposit: { type: Number },
    /** a whole percentage of the budget's maximum (see demand-rules.ts, callDepositOf). */
    depositPct: { type: Number },
  },
  { timestamps: true },
);
demandSchema.index({ status: 1, mode: 1, deadline: 1 });

export const DemandModel = mongoose.model('Demand', demandSchema);
