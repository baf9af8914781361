/** The one writer of seen request nonces. */
import mongoose from 'mongoose';
import { isDuplicateKeyError } from '../common/duplicate-key';
import { NonceModel } from './nonce.model';

/** How long a nonce is kept: far beyond the clock skew a signed request may have. */
const KEEP_MS = 60 * 60_000;
const PURGE_EVERY_MS = 10 * 60_000;
let purgedAt = 0;

/** Records the nonce as seen; false when it was seen already (a replay). */
export async function claimNonce(keyId: string, nonce: string, at: Date): Promise<boolean> {
  if (at.getTime() - purgedAt > PURGE_EVERY_MS) {
    purgedAt = at.getTime();
    await NonceModel.deleteMany({ at: mongoose.trusted({ $lt: new Date(at.getTime() - KEEP_MS) }) });
  }
  try {
    await NonceModel.create({ _id: `${keyId}:${nonce}`, at });
    return true;
  } catch (err) {
    if (isDuplicateKeyError(err)) return false;
    throw err;
  }
}
