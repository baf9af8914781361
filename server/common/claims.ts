/**
 * Things that may happen only once (an auction's close, an offer's award), recorded as a
 * document whose `_id` names the thing: the first insert wins, on FerretDB as on MongoDB,
 * whatever the number of processes (see locks.ts for why updates cannot decide this).
 */
import mongoose, { Schema } from 'mongoose';
import { LRUCache } from 'lru-cache';
import { isSoleDatabaseUser } from './sole-user';
import { onCacheClear } from './record-cache';

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

/**
 * Claims as this process last read or wrote them (null: known to be absent), kept only while it
 * is the database's only user: then every claim is made, changed and released here, and a bid's
 * check of its listing's award and close costs no round trip. With shared locks nothing is kept.
 */
const known = new LRUCache<string, { claim: Claim<unknown> | null }>({ max: 50_000 });
/** Moves on with every change: a read that began before one stores nothing it read. */
let changes = 0;
const forget = (key: string) => {
  changes++;
  known.delete(key);
};
onCacheClear(() => {
  changes++;
  known.clear();
});

/** Records `key` with `data`; true when this call made the claim, false when it already existed. */
export async function claimOnce(key: string, data: Record<string, unknown>): Promise<boolean> {
  const claim = { key, data, at: new Date() };
  forget(key);
  try {
    await ClaimModel.collection.insertOne({ _id: key, data, at: claim.at } as never);
  } catch (err) {
    if ((err as { code?: number }).code === 11000) return false;
    throw err;
  }
  forget(key);
  if (isSoleDatabaseUser()) known.set(key, { claim });
  return true;
}

export async function readClaims<T = Record<string, unknown>>(
  keys: string[],
): Promise<Map<string, Claim<T>>> {
  const sole = isSoleDatabaseUser();
  const found = new Map<string, Claim<T>>();
  const asked: string[] = [];
  for (const key of keys) {
    const hit = sole ? known.get(key) : undefined;
    if (!hit) asked.push(key);
    else if (hit.claim) found.set(key, hit.claim as Claim<T>);
  }
  if (asked.length === 0) return found;
  const before = changes;
  const docs = await ClaimModel.collection.find({ _id: { $in: asked } } as never).toArray();
  for (const d of docs) found.set(String(d._id), { key: String(d._id), data: d.data as T, at: d.at as Date });
  if (sole && changes === before) for (const key of asked) known.set(key, { claim: found.get(key) ?? null });
  return found;
}

export async function readClaim<T = Record<string, unknown>>(key: string): Promise<Claim<T> | null> {
  return (await readClaims<T>([key])).get(key) ?? null;
}

/** Adds to a claim's data; call it only while holding the claim's lock or as its sole writer. */
export async function updateClaimData(key: string, data: Record<string, unknown>): Promise<void> {
  const set = Object.fromEntries(Object.entries(data).map(([k, v]) => [`data.${k}`, v]));
  forget(key);
  await ClaimModel.collection.updateOne({ _id: key } as never, { $set: set });
  forget(key);
}

export async function releaseClaim(key: string): Promise<void> {
  forget(key);
  await ClaimModel.collection.deleteOne({ _id: key } as never);
  forget(key);
}
