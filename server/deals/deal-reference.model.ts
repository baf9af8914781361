/**
 * The counters of deal reference numbers, one small document per year (`_id` the year). It lives
 * apart from the deals and is written only under its lock (deal-reference.store.ts): FerretDB
 * does not isolate `$inc`, so two concurrent increments could hand out one number twice.
 */
import mongoose, { Schema } from 'mongoose';

const dealReferenceCounterSchema = new Schema(
  {
    _id: { type: String, required: true },
    seq: { type: Number, required: true, default: 0 },
  },
  { versionKey: false },
);

export const DealReferenceCounterModel = mongoose.model(
  'DealReferenceCounter',
  dealReferenceCounterSchema,
  'deal_reference_counters',
);
