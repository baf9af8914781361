import { createHash } from 'node:crypto';
import mongoose from 'mongoose';

/**
 * An ObjectId derived from its parts, so that a record can be found again by `_id` alone: the
 * one lookup FerretDB answers without reading the whole collection.
 */
export function stableObjectId(...parts: string[]): mongoose.Types.ObjectId {
  const digest = createHash('sha256').update(parts.join('\u0000')).digest();
  return new mongoose.Types.ObjectId(digest.subarray(0, 12).toString('hex'));
}
