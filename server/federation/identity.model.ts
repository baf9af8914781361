/**
 * The exchange's own signing identity for federation: one Ed25519 key pair, made on first use
 * and kept here so that every process of the exchange signs with the same key. After a rotation
 * it also holds the previous public key (valid for verification until `previous.expiresAt`) and
 * the previous key's endorsement of the current one; the previous private key is not kept.
 * It also holds the operator's default for sharing: whether the listings of organizations that
 * never chose are shared with partner exchanges (absent: not shared). Written only by
 * identity.store.ts.
 */
import mongoose, { Schema } from 'mongoose';

const identitySchema = new Schema(
  {
    _id: { type: String, required: true },
    publicKey: { type: String, required: true },
    privateKey: { type: String, required: true },
    keyId: { type: String, required: true },
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

export interface IdentityDoc {
  _id: string;
  publicKey: string;
  privateKey: string;
  keyId: string;
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
