/**
 * Nonces of the signed requests partner exchanges sent (inquiries): a second request with one of
 * them is a replay and refused. Those older than an hour are deleted (a request that old is
 * refused for its time anyway). Written only by nonce.store.ts.
 */
import mongoose, { Schema } from 'mongoose';

const nonceSchema = new Schema(
  {
    /** `<keyId>:<nonce>`. */
    _id: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false, collection: 'federation_nonces' },
);

export interface NonceDoc {
  _id: string;
  at: Date;
}

export const NonceModel = mongoose.model('FederationNonce', nonceSchema);
