/**
 * Appraisal requests (thẩm định / định giá công nghệ): who asked about which listing, the experts
 * operators assigned and what each decided, who was given the listing's confidential documents
 * for it, the expert's report and its publication. Written only by appraisal.store.ts.
 */
import mongoose, { Schema } from 'mongoose';
import type { AppraisalStatus, AppraisalType, Currency, ListingKind } from '../api-contract/enums';
import type { AppraisalReport, Assignment } from './appraisal-rules';

const assignmentSchema = new Schema(
  {
    expertId: { type: String, required: true },
    status: { type: String, required: true },
    assignedAt: { type: Date, required: true },
    assignedBy: String,
    decidedAt: Date,
    declineReason: String,
  },
  { _id: false },
);

const appraisalSchema = new Schema(
  {
    listingKind: { type: String, required: true },
    listingId: { type: String, required: true },
    listingTitle: { type: String, required: true },
    listingOrgId: { type: String, required: true },
    field: String,
    type: { type: String, required: true },
    note: { type: String, default: '' },
    requestedBy: { type: String, required: true },
    requesterOrgId: { type: String, required: true },
    /** The requester's standing: the listing's owner, or a party of a deal on it. */
    requesterRole: { type: String, required: true },
    status: { type: String, required: true },
    assignments: { type: [assignmentSchema], default: [] },
    /** Experts given the listing's confidential documents for this request (recorded like an NDA). */
    accessGrants: { type: [{ _id: false, userId: String, at: Date }], default: [] },
    report: { type: Schema.Types.Mixed },
    /** The fee the schedule set when the request was made (none: free); paid by the requester. */
    fee: { type: new Schema({ amount: Number, currency: String }, { _id: false }), default: undefined },
    publishedAt: Date,
    timeline: { type: [{ _id: false, at: Date, event: String, by: String }], default: [] },
  },
  { versionKey: false, collection: 'appraisals', timestamps: true },
);

export interface AppraisalDoc {
  _id: mongoose.Types.ObjectId;
  listingKind: ListingKind;
  listingId: string;
  listingTitle: string;
  listingOrgId: string;
  field?: string;
  type: AppraisalType;
  note: string;
  requestedBy: string;
  requesterOrgId: string;
  requesterRole: 'owner' | 'deal_party';
  status: AppraisalStatus;
  assignments: Assignment[];
  accessGrants: { userId: string; at: Date }[];
  report?: AppraisalReport & { expertId: string; submittedAt: Date };
  fee?: { amount: number; currency: Currency } | null;
  publishedAt?: Date;
  timeline: { at: Date; event: string; by?: string }[];
  createdAt: Date;
  updatedAt: Date;
}

export const AppraisalModel = mongoose.model('Appraisal', appraisalSchema);
