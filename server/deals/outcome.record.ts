/** How a record keeps why it ended (a rejected bid, a deal walked away from or cancelled). */
import { Schema } from 'mongoose';
import { OUTCOME_REASONS } from '../api-contract/enums';

export const outcomeRecordSchema = {
  type: new Schema(
    { reason: { type: String, enum: OUTCOME_REASONS }, note: String, by: Schema.Types.ObjectId, at: Date },
    { _id: false },
  ),
  default: undefined,
};
