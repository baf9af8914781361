/**
 * Experts' profiles (`_id` the expert's user id): what the directory shows and what assignment
 * checks (their declared conflicts of interest). Written only by expert-profile.store.ts.
 */
import mongoose, { Schema } from 'mongoose';

const expertProfileSchema = new Schema(
  {
    _id: String,
    fields: { type: [String], default: [] },
    subFields: { type: [String], default: [] },
    /** Degrees, accreditations, appraisal licences: free text. */
    credentials: { type: String, default: '' },
    /** Where the expert works, as they present it (their organisation account may differ). */
    affiliation: { type: String, default: '' },
    languages: { type: [String], default: ['vi'] },
    bio: { type: String, default: '' },
    availability: { type: String, default: 'available' },
    /** Organisations the expert declared a conflict of interest with (ids). */
    conflicts: { type: [String], default: [] },
  },
  { versionKey: false, collection: 'expert_profiles', timestamps: true },
);

export type ExpertProfileDoc = mongoose.InferSchemaType<typeof expertProfileSchema> & { _id: string };
export const ExpertProfileModel = mongoose.model('ExpertProfile', expertProfileSchema);
