/**
 * Key rotation as pure rules. An exchange rotating its key keeps the previous one valid for
 * verification until a grace period ends, and has the previous key endorse the new one (a
 * signature over the rotation statement). A partner meeting a key id it does not know asks the
 * exchange for its keys and takes the new one only when the key it trusts endorsed it, before
 * that key retires; anything else needs an operator. No I/O, no clock.
 */
import {
  canonicalPublicKey,
  checkSignature,
  keyFingerprint,
  keyIdOf,
  rotationStatement,
  signBody,
  type KeyPairPem,
} from './signing';

export interface SigningKey {
  keyId: string;
  publicKey: string;
}

/** A key that was replaced, and when it stops verifying. */
export interface RetiringKey extends SigningKey {
  expiresAt: Date;
}

/** What a partner's record knows of its keys. */
export interface PartnerKeys extends SigningKey {
  previousKey?: RetiringKey | null;
}

/** The partner's key named `keyId` that verifies at `now`: its current one, or the previous one before it retires. */
export function keyNamed(
  partner: PartnerKeys,
  keyId: string | null | undefined,
  now: Date,
): SigningKey | null {
  if (!keyId) return null;
  if (keyId === partner.keyId) return { keyId: partner.keyId, publicKey: partner.publicKey };
  const previous = partner.previousKey;
  if (previous && previous.keyId === keyId && new Date(previous.expiresAt).getTime() > now.getTime())
    return { keyId: previous.keyId, publicKey: previous.publicKey };
  return null;
}

/** The exchange's own keys: the current pair and, after a rotation, the previous public key and the endorsement. */
export interface OwnKeys extends SigningKey {
  privateKey: string;
  previous?: RetiringKey | null;
  endorsement?: string | null;
}

export interface RotatedKeys extends SigningKey {
  privateKey: string;
  previous: RetiringKey;
  endorsement: string;
}

/** The keys after rotating to `next` at `now`: the current one retires after `graceMs` and endorses `next`. */
export function planRotation(current: OwnKeys, next: KeyPairPem, graceMs: number, now: Date): RotatedKeys {
  const keyId = keyIdOf(next.publicKey);
  const expiresAt = new Date(now.getTime() + graceMs);
  const statement = rotationStatement({
    keyId,
    publicKey: next.publicKey,
    previousKeyId: current.keyId,
    previousExpiresAt: expiresAt.toISOString(),
  });
  return {
    keyId,
    publicKey: next.publicKey,
    privateKey: next.privateKey,
    previous: { keyId: current.keyId, publicKey: current.publicKey, expiresAt },
    endorsement: signBody(statement, current.privateKey),
  };
}

/** What an exchange publishes at `GET /api/federation/key` (as far as rotation goes). */
export interface PublishedKeys extends SigningKey {
  previous?: { keyId: string; publicKey: string; expiresAt: string } | null;
  endorsement?: string | null;
}

export type KeyUpdate =
  | { change: 'none' }
  | { change: 'refused'; reason: string }
  | { change: 'rotated'; keyId: string; publicKey: string; fingerprint: string; previousKey: RetiringKey };

/**
 * What a partner's published keys change in its record here: nothing when its current key is the
 * one registered; the new key when the registered one is its previous key, not yet retired, and
 * endorsed it; else a refusal saying why (an operator must then confirm the new key).
 */
export function planKeyUpdate(partner: PartnerKeys, published: PublishedKeys, now: Date): KeyUpdate {
  const publicKey = canonicalPublicKey(published.publicKey);
  if (!publicKey || keyIdOf(publicKey) !== published.keyId)
    return { change: 'refused', reason: 'malformed: the published key is not the Ed25519 key its id names' };
  if (published.keyId === partner.keyId) return { change: 'none' };
  const previous = published.previous;
  if (!previous || previous.keyId !== partner.keyId || !published.endorsement)
    return {
      change: 'refused',
      reason: `not endorsed: the partner publishes ${published.keyId}, which the key registered here (${partner.keyId}) did not endorse; an operator must confirm the new key`,
    };
  const expiresAt = Date.parse(previous.expiresAt);
  if (!(expiresAt > now.getTime()))
    return {
      change: 'refused',
      reason: `expired: the key registered here (${partner.keyId}) retired ${previous.expiresAt}; an operator must confirm the new key`,
    };
  const statement = rotationStatement({
    keyId: published.keyId,
    publicKey,
    previousKeyId: previous.keyId,
    previousExpiresAt: previous.expiresAt,
  });
  if (checkSignature(statement, { signature: published.endorsement, keyId: partner.keyId }, partner))
    return {
      change: 'refused',
      reason: `bad endorsement: ${published.keyId} is not endorsed by the key registered here (${partner.keyId})`,
    };
  return {
    change: 'rotated',
    keyId: published.keyId,
    publicKey,
    fingerprint: keyFingerprint(publicKey),
    previousKey: { keyId: partner.keyId, publicKey: partner.publicKey, expiresAt: new Date(expiresAt) },
  };
}
