import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { ORGANIZATION_KINDS } from '../api-contract/enums';

const organizationSchema = new Schema(
  {
    name: { type: String, required: true, trim: true },
    kind: { type: String, enum: ORGANIZATION_KINDS, required: true },
    taxCode: { type: String },
    province: { type: String },
    website: { type: String },
    description: { type: String, default: '' },
    verified: { type: Boolean, default: false },
    verifiedAt: { type: Date },
    verifiedBy: { type: Schema.Types.ObjectId },
    /**
     * The operator's refusal to verify, while it stands: set by a refusal, cleared when the
     * organization edits its profile (it is then awaiting verification again) or is verified.
     */
    refusal: {
      type: new Schema({ reason: String, at: Date, by: Schema.Types.ObjectId }, { _id: false }),
      default: undefined,
    },
    /** Every refusal, oldest first: kept when the refusal is lifted by an edit. */
    refusals: {
      type: [new Schema({ reason: String, at: Date, by: Schema.Types.ObjectId }, { _id: false })],
      default: [],
    },
    /**
     * Evidence documents for verification (a business registration certificate, an
     * establishment decision…), uploaded by its administrators; the bytes are in the documents
     * store (GridFS), tagged with the organization. Seen by its administrators and operators.
     */
    evidence: {
      type: [
        new Schema({
          fileId: { type: Schema.Types.ObjectId, required: true },
          kind: { type: String, required: true },
          name: { type: String, required: true },
          size: { type: Number, required: true },
          contentType: { type: String, required: true },
          uploadedAt: { type: Date, required: true },
          uploadedBy: { type: Schema.Types.ObjectId },
        }),
      ],
      default: [],
    },
    /** Bytes of documents the organization's listings hold, counted against UPLOAD_QUOTA_BYTES. */
    storageUsedBytes: { type: Number, default: 0 },
    capability: {
      fields: { type: [String], default: [] },
      keywords: { type: [String], default: [] },
      staff: { type: Number },
      labs: { type: [String], default: [] },
    },
  },
  { timestamps: true },
);
organizationSchema.index({ verified: 1, createdAt: -1 });

export type OrganizationDoc = InferSchemaType<typeof organizationSchema> & { _id: mongoose.Types.ObjectId };
export const OrganizationModel = mongoose.model('Organization', organizationSchema);
