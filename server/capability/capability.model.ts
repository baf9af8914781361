/**
 * Technology-capability assessments: one per enterprise and sector, `_id` `<organizationId>:<sector>`
 * so that an enterprise's assessment is read by `_id`. Written only by capability.store.ts.
 */
import mongoose, { Schema } from 'mongoose';

const capabilitySchema = new Schema(
  {
    _id: String,
    organizationId: { type: String, required: true },
    sector: { type: String, required: true },
    /** Band chosen per criterion code (0–4). */
    answers: { type: Schema.Types.Mixed, default: {} },
    /** Per group: score, max, ratio, answered, criteria (kept with the answers they came from). */
    groups: { type: Schema.Types.Mixed, default: {} },
    score: { type: Number, default: 0 },
    answered: { type: Number, default: 0 },
    complete: { type: Boolean, default: false },
    synchronisation: { type: Number, default: null },
    level: { type: String, default: null },
    weakestGroups: { type: [String], default: [] },
    visibility: { type: String, default: 'level' },
    updatedBy: String,
    completedAt: Date,
    verifiedAt: Date,
    verifiedBy: String,
    verificationNote: String,
  },
  { versionKey: false, collection: 'capability_assessments', timestamps: true, minimize: false },
);
capabilitySchema.index({ sector: 1, level: 1 });

export type CapabilityAssessmentDoc = mongoose.InferSchemaType<typeof capabilitySchema> & { _id: string };
export const CapabilityAssessmentModel = mongoose.model('CapabilityAssessment', capabilitySchema);
