/**
 * Partner API keys operators issue: named, scoped, stored as a SHA-256 hash of the key (the key
 * itself is shown once, when it is made), revocable, with their last use. Written only by
 * api-key.store.ts.
 */
import mongoose, { Schema } from 'mongoose';
import { API_KEY_SCOPES, type ApiKeyScope } from '../common/api-key-access';

const apiKeySchema = new Schema(
  {
    name: { type: String, required: true },
    scopes: { type: [String], enum: API_KEY_SCOPES, required: true },
    /** SHA-256 (hex) of the whole key. */
    hash: { type: String, required: true },
    /** The key's first characters, to tell keys apart in lists (never enough to use it). */
    prefix: { type: String, required: true },
    createdBy: { type: String, required: true },
    revokedAt: Date,
    revokedBy: String,
    lastUsedAt: Date,
  },
  { versionKey: false, collection: 'api_keys', timestamps: true },
);

export interface ApiKeyDoc {
  _id: mongoose.Types.ObjectId;
  name: string;
  scopes: ApiKeyScope[];
  hash: string;
  prefix: string;
  createdBy: string;
  revokedAt?: Date;
  revokedBy?: string;
  lastUsedAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

export const ApiKeyModel = mongoose.model('ApiKey', apiKeySchema);
