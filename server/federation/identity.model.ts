/**
 * The exchange's federation record (one document, `_id` "self"): the operator's default for
 * sharing — whether the listings of organizations that never chose are shared with partner
 * exchanges (absent: not shared). The signing key pair lives in the data directory
 * (identity-file.ts); the key fields here are those of an exchange upgraded from the version that
 * kept its key in the database: moved into the key file at start, then removed (the private key
 * first of all). Written only by identity.store.ts.
 */
import mongoose, { Schema } from 'mongoose';

const identitySchema = new Schema(
  {
    _id: { type: String, required: true },
    /** Legacy (see above): moved to the key file at start. */
    publicKey: String,
    privateKey: String,
    keyId: String,
    previous: {
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
    /** The previous key's signature (base64) over the rotation statement naming the current key. */
    endorsement: String,
    rotatedAt: Date,
    rotatedBy: String,
    sharingDefault: {
      type: new Schema(
        {
          shared: { type: Boolean, required: true },
          changedAt: { type: Date, required: true },
          changedBy: { type: String, required: true },
        },
        { _id: false },
      ),
      default: undefined,
    },
  },
  { versionKey: false, collection: 'federation_identity', timestamps: true },
);

/** The record as stored; the key fields only on an exchange not yet started since its upgrade. */
export interface FederationRecordDoc {
  _id: string;
  publicKey?: string;
  privateKey?: string;
  keyId?: string;
  previous?: { keyId: string; publicKey: string; expiresAt: Date } | null;
  endorsement?: string | null;
  rotatedAt?: Date;
  rotatedBy?: string;
  sharingDefault?: SharingDefault | null;
  createdAt: Date;
}

/** The operator's default for sharing, and when and by whom it was last changed. */
export interface SharingDefault {
  shared: boolean;
  changedAt: Date;
  changedBy: string;
}

export const IdentityModel = mongoose.model('FederationIdentity', identitySchema);
