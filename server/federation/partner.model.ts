/**
 * Partner exchanges an operator registered: their name, where they answer, the public key their
 * feed and inquiries must be signed with (and, after they rotated it, the previous one until it
 * retires), whether they are suspended, and where this exchange's import of their feed stands
 * (its cursor and the last pull's outcome). Written only by partner.store.ts.
 */
import mongoose, { Schema } from 'mongoose';

export const PARTNER_STATUSES = ['active', 'suspended'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

const pullSchema = new Schema(
  {
    at: { type: Date, required: true },
    ok: { type: Boolean, required: true },
    /** Why a pull was refused or failed (a signature that does not verify, an unreachable host …). */
    reason: String,
    imported: { type: Number, default: 0 },
    removed: { type: Number, default: 0 },
  },
  { _id: false },
);

const partnerSchema = new Schema(
  {
    name: { type: String, required: true },
    /** The `origin` its listings carry in search: lower-case letters, digits and dashes. */
    code: { type: String, required: true, unique: true },
    baseUrl: { type: String, required: true },
    publicKey: { type: String, required: true },
    keyId: { type: String, required: true },
    fingerprint: { type: String, required: true },
    /** The key the partner rotated away from: it still verifies until `expiresAt`. */
    previousKey: {
      type: new Schema(
        {
          keyId: { type: String, required: true },
          publicKey: { type: String, required: true },
          expiresAt: { type: Date, required: true },
        },
        { _id: false },
      ),
      default: undefined,
    },
    status: { type: String, enum: PARTNER_STATUSES, default: 'active' },
    /** Where the next pull of its feed starts (the last page's `next`); none: from the beginning. */
    cursor: String,
    lastPull: pullSchema,
    /** The last signed request of theirs (a feed request, an inquiry) refused here, and why. */
    lastRefusal: { at: Date, reason: String },
    createdBy: { type: String, required: true },
  },
  { versionKey: false, collection: 'federation_partners', timestamps: true },
);

export interface PullOutcome {
  at: Date;
  ok: boolean;
  reason?: string;
  imported: number;
  removed: number;
}

export interface PartnerDoc {
  _id: mongoose.Types.ObjectId;
  name: string;
  code: string;
  baseUrl: string;
  publicKey: string;
  keyId: string;
  fingerprint: string;
  previousKey?: { keyId: string; publicKey: string; expiresAt: Date } | null;
  status: PartnerStatus;
  cursor?: string;
  lastPull?: PullOutcome;
  lastRefusal?: { at: Date; reason: string };
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export const PartnerModel = mongoose.model('FederationPartner', partnerSchema);
