/**
 * The one writer of the exchange's signing identity. The key pair is made once: the first
 * process to insert it wins (a unique `_id`), the others read the winner's. Kept in memory and
 * read again every IDENTITY_REREAD_MS, so that a rotation made by one process reaches the others
 * well within the previous key's grace period.
 */
import { isDuplicateKeyError } from '../common/duplicate-key';
import { RecordStore } from '../common/store';
import { generateSigningKeyPair, keyIdOf } from './signing';
import { planRotation } from './key-rules';
import { IdentityModel, type IdentityDoc, type SharingDefault } from './identity.model';

export type { IdentityDoc, SharingDefault } from './identity.model';

const SELF = 'self';
/** How long a process signs with the key it read before reading it again. */
export const IDENTITY_REREAD_MS = 60_000;

const identityStore = new RecordStore<IdentityDoc>({
  label: 'Federation identity',
  model: IdentityModel,
  lockKey: (id) => `federation-identity:${id}`,
});

let kept: { at: number; value: Promise<IdentityDoc> } | null = null;

async function loadOrCreate(): Promise<IdentityDoc> {
  const stored = await identityStore.get(SELF);
  if (stored) return stored;
  const pair = generateSigningKeyPair();
  try {
    return await identityStore.create({ _id: SELF, ...pair, keyId: keyIdOf(pair.publicKey) });
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    const winner = await identityStore.get(SELF);
    if (!winner) throw err;
    return winner;
  }
}

/** This exchange's key pair, made on first call and the same in every process after. */
export function ownIdentity(): Promise<IdentityDoc> {
  if (!kept || Date.now() - kept.at > IDENTITY_REREAD_MS) {
    const value = loadOrCreate();
    const entry = { at: Date.now(), value };
    kept = entry;
    value.catch(() => {
      if (kept === entry) kept = null;
    });
  }
  return kept.value;
}

/** Forgets the kept key pair (tests emptying the database). */
export function forgetOwnIdentity(): void {
  kept = null;
}

/**
 * Rotates the key: a new pair becomes current, the current one retires after `graceMs` and
 * endorses the new one. Answers the identity before and after.
 */
export async function rotateOwnIdentity(
  userId: string,
  graceMs: number,
  now = new Date(),
): Promise<{ before: IdentityDoc; after: IdentityDoc }> {
  await ownIdentity();
  const next = generateSigningKeyPair();
  const { doc, result } = await identityStore.mutate(SELF, (current) => ({
    change: { $set: { ...planRotation(current, next, graceMs, now), rotatedAt: now, rotatedBy: userId } },
    result: current,
  }));
  forgetOwnIdentity();
  return { before: result, after: doc };
}

/** The operator's default for sharing, read afresh (by its `_id`): null until an operator set it. */
export async function sharingDefault(): Promise<SharingDefault | null> {
  const doc = (await IdentityModel.findById(SELF).select({ sharingDefault: 1 }).lean()) as Pick<
    IdentityDoc,
    'sharingDefault'
  > | null;
  return doc?.sharingDefault ?? null;
}

/** Sets the operator's default; its time changes only when the default does. */
export async function setSharingDefault(
  shared: boolean,
  userId: string,
  now = new Date(),
): Promise<SharingDefault> {
  await ownIdentity();
  const { doc } = await identityStore.mutate(SELF, (current) => ({
    change:
      current.sharingDefault?.shared === shared
        ? null
        : { $set: { sharingDefault: { shared, changedAt: now, changedBy: userId } } },
    result: null,
  }));
  return doc.sharingDefault!;
}
