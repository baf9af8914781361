/**
 * What each buyer organisation found too immature (`_id` the organisation's id): the highest TRL
 * of an offer it walked away from or cancelled as `trl_too_low`. Written only by
 * turned-down.store.ts, read by `_id`.
 */
import mongoose, { Schema } from 'mongoose';

const turnedDownSchema = new Schema(
  { _id: String, trl: Number, at: Date },
  { versionKey: false, collection: 'match_turned_down' },
);
export const TurnedDownModel = mongoose.model('MatchTurnedDown', turnedDownSchema);
