/**
 * The exchange's own key as partners see it (`GET /api/federation/key`): the current key and,
 * after a rotation, the previous one with when it retires and its endorsement of the current
 * one; and the operator's rotation of it, audited.
 */
import type { Config } from '../config';
import type { SessionUser } from '../common/session-user';
import { recordAudit } from '../audit';
import { keyFingerprint } from './signing';
import { ownIdentity, rotateOwnIdentity, type IdentityDoc } from './identity.store';

function keyView(config: Config, me: IdentityDoc) {
  return {
    name: config.federationName,
    algorithm: 'ed25519' as const,
    keyId: me.keyId,
    publicKey: me.publicKey,
    fingerprint: keyFingerprint(me.publicKey),
    previous: me.previous
      ? {
          keyId: me.previous.keyId,
          publicKey: me.previous.publicKey,
          fingerprint: keyFingerprint(me.previous.publicKey),
          expiresAt: new Date(me.previous.expiresAt).toISOString(),
        }
      : null,
    endorsement: me.previous ? (me.endorsement ?? null) : null,
  };
}

/**
 * At start: the key pair is read from the data directory, made when missing, or moved there from
 * the database of an exchange upgraded from the version that kept it there.
 */
export async function prepareOwnIdentity(config: Pick<Config, 'dataDir'>): Promise<void> {
  await ownIdentity(config.dataDir);
}

/** This exchange as it names itself in what it signs (its name and key id), and the key to sign with. */
export async function ownSigner(config: Pick<Config, 'federationName' | 'dataDir'>) {
  const key = await ownIdentity(config.dataDir);
  return { key, from: { name: config.federationName, keyId: key.keyId } };
}

export async function publicKeyView(config: Config) {
  return keyView(config, await ownIdentity(config.dataDir));
}

/**
 * A new key pair becomes the exchange's signing key; the one before it still verifies for
 * FEDERATION_KEY_GRACE_MS and endorses the new one, so partners that trusted it take the new
 * key when they meet its id.
 */
export async function rotateKey(config: Config, user: SessionUser, now = new Date()) {
  const { before, after } = await rotateOwnIdentity(
    config.dataDir,
    user.id,
    config.federationKeyGraceMs,
    now,
  );
  await recordAudit({
    actorId: user.id,
    action: 'federation.key.rotate',
    targetType: 'federation_identity',
    targetId: after._id,
    data: {
      from: before.keyId,
      to: after.keyId,
      previousExpiresAt: after.previous ? new Date(after.previous.expiresAt).toISOString() : null,
    },
  });
  return keyView(config, after);
}
