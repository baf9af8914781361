/** Saved searches: a query and the search API's filters; new published listings matching one notify its owner. */
import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { CURRENCIES, LISTING_KINDS, TRANSFER_MODES } from '../api-contract/enums';

const alertSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, required: true, index: true },
    q: { type: String, default: '' },
    filters: {
      kind: { type: String, enum: LISTING_KINDS },
      field: { type: String },
      subField: { type: String },
      trlMin: { type: Number },
      trlMax: { type: Number },
      transferMode: { type: String, enum: TRANSFER_MODES },
      province: { type: String },
      currency: { type: String, enum: CURRENCIES },
      priceMin: { type: Number },
      priceMax: { type: Number },
    },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);

export type AlertDoc = InferSchemaType<typeof alertSchema> & {
  _id: mongoose.Types.ObjectId;
  createdAt: Date;
};
export const AlertModel = mongoose.model('Alert', alertSchema);
