/**
 * The one writer of the exchange's signing identity. The key pair is made once: the first
 * process to insert it wins (a unique `_id`), the others read the winner's. Kept in memory after.
 */
import { isDuplicateKeyError } from '../common/duplicate-key';
import { RecordStore } from '../common/store';
import { generateSigningKeyPair, keyIdOf } from './signing';
import { IdentityModel, type IdentityDoc } from './identity.model';

export type { IdentityDoc } from './identity.model';

const SELF = 'self';

const identityStore = new RecordStore<IdentityDoc>({
  label: 'Federation identity',
  model: IdentityModel,
  lockKey: (id) => `federation-identity:${id}`,
});

let kept: Promise<IdentityDoc> | null = null;

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
  if (!kept) {
    kept = loadOrCreate();
    kept.catch(() => (kept = null));
  }
  return kept;
}

/** Forgets the kept key pair (tests emptying the database). */
export function forgetOwnIdentity(): void {
  kept = null;
}
