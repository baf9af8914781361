/**
 * The one writer of the exchange's signing identity and of its federation record. The key pair
 * lives in the data directory (`<DATA_DIR>/federation/identity.json`, identity-file.ts): made once,
 * the first process to make it wins and the others read the winner's. Kept in memory and the file
 * looked at again every IDENTITY_REREAD_MS (read again when it changed), so that a rotation made by
 * one process reaches the others well within the previous key's grace period. An exchange upgraded
 * from the version that kept its key in the database (`federation_identity`) has that key moved
 * into the file, once, and its private key removed from the database: partners keep trusting it.
 * The operator's default for sharing stays on the database record.
 */
import { isDuplicateKeyError } from '../common/duplicate-key';
import { logger } from '../common/logger';
import { RecordStore } from '../common/store';
import { generateSigningKeyPair } from './signing';
import { planRotation } from './key-rules';
import { IdentityModel, type FederationRecordDoc, type SharingDefault } from './identity.model';
import {
  KEY_FILE_FORMAT,
  createKeyFile,
  freshKeyFile,
  keyFilePath,
  keyFileStamp,
  readKeyFile,
  replaceKeyFile,
  type KeyFile,
} from './identity-file';

export type { SharingDefault } from './identity.model';

/** The exchange's keys as its services use them. */
export interface IdentityDoc {
  _id: string;
  publicKey: string;
  privateKey: string;
  keyId: string;
  previous?: { keyId: string; publicKey: string; expiresAt: Date } | null;
  endorsement?: string | null;
  rotatedAt?: Date;
  rotatedBy?: string;
  createdAt: Date;
}

const SELF = 'self';
/** How long a process signs with the key it read before looking at the file again. */
export const IDENTITY_REREAD_MS = 60_000;

const identityStore = new RecordStore<FederationRecordDoc>({
  label: 'Federation identity',
  model: IdentityModel,
  lockKey: (id) => `federation-identity:${id}`,
});

interface KeptIdentity {
  at: number;
  stamp: string | null;
  value: Promise<IdentityDoc>;
}

/** The key pair read from each key file (one per data directory), while it is fresh. */
const kept = new Map<string, KeptIdentity>();
/** Key files whose database has been checked for a legacy key to move. */
const legacyChecked = new Set<string>();

function identityOf(keys: KeyFile): IdentityDoc {
  return {
    _id: SELF,
    keyId: keys.keyId,
    publicKey: keys.publicKey,
    privateKey: keys.privateKey,
    previous: keys.previous && { ...keys.previous, expiresAt: new Date(keys.previous.expiresAt) },
    endorsement: keys.endorsement,
    ...(keys.rotatedAt ? { rotatedAt: new Date(keys.rotatedAt) } : {}),
    ...(keys.rotatedBy ? { rotatedBy: keys.rotatedBy } : {}),
    createdAt: new Date(keys.createdAt),
  };
}

/** The key file's content for an identity. */
function keyFileOf(me: Omit<IdentityDoc, '_id'>): KeyFile {
  return {
    format: KEY_FILE_FORMAT,
    keyId: me.keyId,
    publicKey: me.publicKey,
    privateKey: me.privateKey,
    previous: me.previous
      ? { ...me.previous, expiresAt: new Date(me.previous.expiresAt).toISOString() }
      : null,
    endorsement: me.endorsement ?? null,
    createdAt: new Date(me.createdAt).toISOString(),
    ...(me.rotatedAt ? { rotatedAt: new Date(me.rotatedAt).toISOString() } : {}),
    ...(me.rotatedBy ? { rotatedBy: me.rotatedBy } : {}),
  };
}

/** The key pair the database held before the key file existed (an upgraded exchange), if any. */
async function legacyKeys(): Promise<KeyFile | null> {
  const doc = (await IdentityModel.findById(SELF).lean()) as FederationRecordDoc | null;
  if (!doc?.privateKey || !doc.publicKey || !doc.keyId) return null;
  return keyFileOf({
    keyId: doc.keyId,
    publicKey: doc.publicKey,
    privateKey: doc.privateKey,
    previous: doc.previous ?? null,
    endorsement: doc.endorsement ?? null,
    createdAt: doc.createdAt ?? new Date(),
    rotatedAt: doc.rotatedAt,
    rotatedBy: doc.rotatedBy,
  });
}

/** Once the key file holds the database's legacy key, the database's copy goes (its private key above all). */
async function retireLegacyKeys(file: string, inFile: KeyFile): Promise<void> {
  const legacy = await legacyKeys();
  if (legacy && legacy.keyId !== inFile.keyId) {
    logger.warn(
      { inFile: inFile.keyId, inDatabase: legacy.keyId },
      'the database holds another federation key than the key file: the key file signs; the database copy is removed',
    );
  }
  if (legacy) {
    await identityStore.mutate(SELF, () => ({
      change: {
        $unset: {
          privateKey: 1,
          publicKey: 1,
          keyId: 1,
          previous: 1,
          endorsement: 1,
          rotatedAt: 1,
          rotatedBy: 1,
        },
      },
      result: null,
    }));
    logger.info({ keyId: inFile.keyId }, 'the federation key moved from the database to the key file');
  }
  legacyChecked.add(file);
}

async function loadOrCreate(file: string): Promise<IdentityDoc> {
  let keys = readKeyFile(file);
  if (!keys) {
    const fresh = (await legacyKeys()) ?? freshKeyFile(generateSigningKeyPair(), new Date());
    keys = createKeyFile(file, fresh);
  }
  if (!legacyChecked.has(file)) await retireLegacyKeys(file, keys);
  return identityOf(keys);
}

/**
 * This exchange's key pair, kept in `<dataDir>/federation/identity.json`: made on first call and
 * the same in every process sharing the data directory after.
 */
export function ownIdentity(dataDir: string): Promise<IdentityDoc> {
  const file = keyFilePath(dataDir);
  const known = kept.get(file);
  if (known && Date.now() - known.at <= IDENTITY_REREAD_MS) return known.value;
  const stamp = keyFileStamp(file);
  if (known && stamp && stamp === known.stamp) {
    known.at = Date.now();
    return known.value;
  }
  const value = loadOrCreate(file);
  // The stamp of the file as it is once read (null: made now; looked at again next time).
  const entry = { at: Date.now(), stamp, value };
  kept.set(file, entry);
  value.catch(() => {
    if (kept.get(file) === entry) kept.delete(file);
  });
  return value;
}

/** Forgets the kept key pairs (tests; after a rotation). */
export function forgetOwnIdentity(): void {
  kept.clear();
}

/**
 * Rotates the key: a new pair becomes current, the current one retires after `graceMs` and
 * endorses the new one; the file is replaced whole, under the identity's lock (two operators
 * rotating at once rotate one after the other). Answers the identity before and after.
 */
export async function rotateOwnIdentity(
  dataDir: string,
  userId: string,
  graceMs: number,
  now = new Date(),
): Promise<{ before: IdentityDoc; after: IdentityDoc }> {
  await ownIdentity(dataDir);
  const file = keyFilePath(dataDir);
  return identityStore.hold(SELF, async () => {
    const before = identityOf(readKeyFile(file)!);
    const after: IdentityDoc = {
      ...before,
      ...planRotation(before, generateSigningKeyPair(), graceMs, now),
      rotatedAt: now,
      rotatedBy: userId,
    };
    replaceKeyFile(file, keyFileOf(after));
    kept.delete(file);
    return { before, after };
  });
}

/** The operator's default for sharing, read afresh (by its `_id`): null until an operator set it. */
export async function sharingDefault(): Promise<SharingDefault | null> {
  const doc = (await IdentityModel.findById(SELF).select({ sharingDefault: 1 }).lean()) as Pick<
    FederationRecordDoc,
    'sharingDefault'
  > | null;
  return doc?.sharingDefault ?? null;
}

/** The federation record, made when missing (the first process to insert it wins). */
async function ensureRecord(): Promise<void> {
  if (await identityStore.get(SELF)) return;
  try {
    await identityStore.create({ _id: SELF });
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
  }
}

/** Sets the operator's default; its time changes only when the default does. */
export async function setSharingDefault(
  shared: boolean,
  userId: string,
  now = new Date(),
): Promise<SharingDefault> {
  await ensureRecord();
  const { doc } = await identityStore.mutate(SELF, (current) => ({
    change:
      current.sharingDefault?.shared === shared
        ? null
        : { $set: { sharingDefault: { shared, changedAt: now, changedBy: userId } } },
    result: null,
  }));
  return doc.sharingDefault!;
}
