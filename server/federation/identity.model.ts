/**
 * The exchange's own signing identity for federation: one Ed25519 key pair, made on first use
 * and kept here so that every process of the exchange signs with the same key. Written only by
 * identity.store.ts.
 */
import mongoose, { Schema } from 'mongoose';

const identitySchema = new Schema(
  {
    _id: { type: String, required: true },
    publicKey: { type: String, required: true },
    privateKey: { type: String, required: true },
    keyId: { type: String, required: true },
  },
  { versionKey: false, collection: 'federation_identity', timestamps: true },
);

export interface IdentityDoc {
  _id: string;
  publicKey: string;
  privateKey: string;
  keyId: string;
  createdAt: Date;
}

export const IdentityModel = mongoose.model('FederationIdentity', identitySchema);
