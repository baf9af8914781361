/**
 * Things that may happen only once (an auction's close, an offer's award), recorded as a
 * document whose `_id` names the thing: the first insert wins, on FerretDB as on MongoDB,
 * whatever the number of processes (see locks.ts for why updates cannot decide this).
 */
import mongoose, { Schema } from 'mongoose';

const claimSchema = new Schema(
  {
    _id: String,
    data: { type: Schema.Types.Mixed, default: {} },
    at: { type: Date, default: () => new Date() },
  },
  { versionKey: false },
);
export const ClaimModel = mongoose.model('Claim', claimSchema);

export interface Claim<T> {
  key: string;
  data: T;
  at: Date;
}

/** Records `key` with `data`; true when this call made the claim, false when it already existed. */
export async function claimOnce(key: string, data: Record<string, unknown>): Promise<boolean> {
  try {
    await ClaimModel.collection.insertOne({ _id: key, data, at: new Date() } as never);
    return true;
  } catch (err) {
    if ((err as { code?: number }).code === 11000) return false;
    throw err;
  }
}

export async function readClaims<T = Record<string, unknown>>(
  keys: string[],
): Promise<Map<string, Claim<T>>> {
  const docs = await ClaimModel.collection.find({ _id: { $in: keys } } as never).toArray();
  return new Map(
    docs.map((d) => [String(d._id), { key: String(d._id), data: d.data as T, at: d.at as Date }]),
  );
}

export async function readClaim<T = Record<string, unknown>>(key: string): Promise<Claim<T> | null> {
  return (await readClaims<T>([key])).get(key) ?? null;
}

/** Adds to a claim's data; call it only while holding the claim's lock or as its sole writer. */
export async function updateClaimData(key: string, data: Record<string, unknown>): Promise<void> {
  const set = Object.fromEntries(Object.entries(data).map(([k, v]) => [`data.${k}`, v]));
  await ClaimModel.collection.updateOne({ _id: key } as never, { $set: set });
}

export async function releaseClaim(key: string): Promise<void> {
  await ClaimModel.collection.deleteOne({ _id: key } as never);
}
