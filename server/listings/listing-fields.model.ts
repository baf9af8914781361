/** Fields and behaviour common to offers and demands, as mongoose schema parts. */
import { Schema } from 'mongoose';
import { FIELD_CODES } from '../api-contract/taxonomy';
import {
  LISTING_LANGUAGES,
  LISTING_STATUSES,
  TRANSFER_MODES,
  CONFIDENTIAL_ACCESS_POLICIES,
} from '../api-contract/enums';

export const attachmentSchema = new Schema(
  {
    fileId: { type: Schema.Types.ObjectId, required: true },
    name: { type: String, required: true },
    size: { type: Number, required: true },
    contentType: { type: String, required: true },
    confidential: { type: Boolean, default: false },
    uploadedAt: { type: Date, default: () => new Date() },
    uploadedBy: { type: Schema.Types.ObjectId },
  },
  { _id: true },
);

/** An image of the listing: its files live under DATA_DIR/listing-images/<_id>/ (listing-images/). */
export const listingImageSchema = new Schema(
  {
    width: { type: Number, required: true },
    height: { type: Number, required: true },
    alt: { type: String },
    uploadedAt: { type: Date, default: () => new Date() },
    uploadedBy: { type: Schema.Types.ObjectId },
  },
  { _id: true },
);

export const commonListingFields = {
  organizationId: { type: Schema.Types.ObjectId, required: true, index: true },
  createdBy: { type: Schema.Types.ObjectId, required: true },
  status: { type: String, enum: LISTING_STATUSES, default: 'draft', index: true },
  title: { type: String, required: true },
  summary: { type: String, default: '' },
  language: { type: String, enum: LISTING_LANGUAGES, default: 'vi' },
  field: { type: String, enum: FIELD_CODES, required: true },
  subField: { type: String },
  keywords: { type: [String], default: [] },
  transferModes: { type: [String], enum: TRANSFER_MODES, default: [] },
  province: { type: String },
  attachments: { type: [attachmentSchema], default: [] },
  images: { type: [listingImageSchema], default: [] },
  /** Text a party accepts in a deal before confidential attachments open to them. */
  ndaText: { type: String },
  /**
   * Who may open the confidential attachments: `on_request` (the default) a counterparty the
   * owner approved in its deal, after accepting the NDA; `nda` any counterparty in a deal who
   * accepted the NDA.
   */
  confidentialAccess: { type: String, enum: CONFIDENTIAL_ACCESS_POLICIES, default: 'on_request' },
  rejectionReason: { type: String },
  /**
   * A published listing's pending change, until an operator approves or refuses it
   * (listing-revision.ts): `{set, unset, fields, submittedAt, submittedBy}`.
   */
  revision: { type: Schema.Types.Mixed },
  submittedAt: { type: Date },
  publishedAt: { type: Date },
  /** A published appraisal's badge: `{id, type, trlAssessed, at, summary}` (appraisals component). */
  appraisal: { type: Schema.Types.Mixed },
  closedAt: { type: Date },
  withdrawnAt: { type: Date },
  expiredAt: { type: Date },
  /** 'YYYY-MM' of creation: statistics group on it (FerretDB lacks $dateToString). */
  createdMonth: { type: String, default: () => new Date().toISOString().slice(0, 7) },
  /** Bumped by every change; the search indexer records the revision it indexed. */
  rev: { type: Number, default: 1 },
  /** Set in the same update as any change, cleared once the search index holds that revision. */
  searchDirty: { type: Boolean, default: true, index: true },
};
