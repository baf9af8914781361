/** How far each participant has read in a deal's room: the last seq they saw. */
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

const readMarkerSchema = new Schema(
  {
    dealId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, required: true, index: true },
    seq: { type: Number, required: true, default: 0 },
  },
  { timestamps: { createdAt: false, updatedAt: true } },
);
readMarkerSchema.index({ dealId: 1, userId: 1 }, { unique: true });

export type ReadMarkerDoc = InferSchemaType<typeof readMarkerSchema> & { _id: mongoose.Types.ObjectId };
export const ReadMarkerModel = mongoose.model('ReadMarker', readMarkerSchema);
