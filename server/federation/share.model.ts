/**
 * Each organization's choice to share its published listings with partner exchanges (off until
 * it opts in), and when it last changed it: the feed sends tombstones for the listings of an
 * organization that stopped sharing. Written only by share.store.ts.
 */
import mongoose, { Schema } from 'mongoose';

const shareSchema = new Schema(
  {
    /** The organization's id. */
    _id: { type: String, required: true },
    shared: { type: Boolean, required: true },
    changedAt: { type: Date, required: true },
    changedBy: { type: String, required: true },
  },
  { versionKey: false, collection: 'federation_shares' },
);

export interface ShareDoc {
  _id: string;
  shared: boolean;
  changedAt: Date;
  changedBy: string;
}

export const ShareModel = mongoose.model('FederationShare', shareSchema);
