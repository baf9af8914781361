/**
 * The statistics' monthly rollups (one document per month, `_id` 'YYYY-MM', plus a layout
 * marker) and the marks of listings that have had a bid (`_id` 'bid:<listingId>', the first
 * insert wins). Written only by stats-rollup.store.ts, read by `_id`.
 */
import mongoose, { Schema } from 'mongoose';

const rollupSchema = new Schema(
  {
    _id: String,
    c: { type: Schema.Types.Mixed },
    b: { type: Schema.Types.Mixed },
    h: { type: Schema.Types.Mixed },
    o: { type: Schema.Types.Mixed },
    s: { type: Schema.Types.Mixed },
    m: { type: Schema.Types.Mixed },
    /** A price guidance bucket's entries (`_id` 'price:<field>:<currency>'). */
    e: { type: Schema.Types.Mixed },
    /** A month's sections as JSON (stats-rollup.store.ts). */
    packed: String,
    v: Number,
    earliest: String,
  },
  { versionKey: false, collection: 'stats_rollups', minimize: false },
);
export const StatsRollupModel = mongoose.model('StatsRollup', rollupSchema);

const markSchema = new Schema({ _id: String, at: Date }, { versionKey: false, collection: 'stats_marks' });
export const StatsMarkModel = mongoose.model('StatsMark', markSchema);
