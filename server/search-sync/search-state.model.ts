import mongoose, { Schema } from 'mongoose';

/**
 * The database's side of "which index is current": bulk loads that skip the per-listing dirty
 * marks (100,000 marks would take FerretDB many minutes to clear one by one) bump the
 * generation instead, and an index built from an older generation is rebuilt.
 */
const searchStateSchema = new Schema(
  {
    _id: { type: String, required: true },
    generation: { type: Number, default: 0 },
  },
  { timestamps: true },
);

export const SearchStateModel = mongoose.model('SearchState', searchStateSchema, 'search_state');
