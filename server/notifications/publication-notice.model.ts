/** Which published listings have had their notifications sent: lets a restarted process catch up. */
import mongoose, { Schema } from 'mongoose';

const publicationNoticeSchema = new Schema(
  {
    /** `${kind}:${listingId}` */
    key: { type: String, required: true },
    notified: { type: Number, default: 0 },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
publicationNoticeSchema.index({ key: 1 }, { unique: true });

export const PublicationNoticeModel = mongoose.model('PublicationNotice', publicationNoticeSchema);
