/**
 * Federation signatures: Ed25519 (node:crypto) over the exact bytes of a body. A feed page or an
 * inquiry is signed by the exchange that sends it; the receiver verifies it against the public key
 * its operators registered for that partner, named by the key id sent beside the signature. A
 * request without a body (a partner pulling the feed) is signed over its method, path and query,
 * time and nonce; a rotated key is endorsed by the key before it. Pure: no I/O, no clock.
 */
import {
  createHash,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';

/** Headers carrying a signed body's signature (base64) and the signing key's id. */
export const SIGNATURE_HEADER = 'x-federation-signature';
export const KEY_ID_HEADER = 'x-federation-key-id';
/** A signed request's time (ISO 8601) and nonce, both inside the signed string. */
export const TIMESTAMP_HEADER = 'x-federation-timestamp';
export const NONCE_HEADER = 'x-federation-nonce';

/** A nonce's shape: 16 to 64 base64url characters. */
export const NONCE_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

export interface KeyPairPem {
  publicKey: string;
  privateKey: string;
}

export function generateSigningKeyPair(): KeyPairPem {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519', {
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { publicKey, privateKey };
}

/** The Ed25519 public key in `pem` (SPKI), or null when it is not one. */
export function parsePublicKey(pem: string): KeyObject | null {
  try {
    const key = createPublicKey(pem);
    return key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    return null;
  }
}

/** The SPKI PEM written the one way this exchange writes it (line ends and spacing normalised). */
export function canonicalPublicKey(pem: string): string | null {
  const key = parsePublicKey(pem.trim());
  return key ? (key.export({ type: 'spki', format: 'pem' }) as string) : null;
}

/** SHA-256 of the key's DER, hex, grouped in fours: what an operator compares by eye. */
export function keyFingerprint(pem: string): string {
  const key = parsePublicKey(pem);
  if (!key) throw new Error('not an Ed25519 public key');
  const digest = createHash('sha256')
    .update(key.export({ type: 'spki', format: 'der' }))
    .digest('hex');
  return digest.match(/.{4}/g)!.join(':');
}

/** The key's id: `ed25519:` and the first 16 hex digits of its fingerprint. */
export function keyIdOf(pem: string): string {
  return `ed25519:${keyFingerprint(pem).replace(/:/g, '').slice(0, 16)}`;
}

export function signBody(body: string | Buffer, privateKeyPem: string): string {
  return sign(null, Buffer.from(body), privateKeyPem).toString('base64');
}

/**
 * `value` serialized once, and the headers signing those exact bytes (`X-Federation-Signature`,
 * `X-Federation-Key-Id`): a feed page, an envelope, a reply.
 */
export function signedJson(
  value: unknown,
  signer: { keyId: string; privateKey: string },
): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify(value);
  return {
    body,
    headers: { [SIGNATURE_HEADER]: signBody(body, signer.privateKey), [KEY_ID_HEADER]: signer.keyId },
  };
}

export type SignatureRefusal = 'unsigned' | 'unknown_key' | 'bad_signature';

/**
 * Whether `signature` (base64, from the headers) signs exactly `body` with `publicKeyPem`, the
 * key registered for `expectedKeyId`: null when it does, else why not.
 */
export function checkSignature(
  body: string | Buffer,
  headers: { signature?: string | null; keyId?: string | null },
  expected: { keyId: string; publicKey: string },
): SignatureRefusal | null {
  if (!headers.signature || !headers.keyId) return 'unsigned';
  if (headers.keyId !== expected.keyId) return 'unknown_key';
  const key = parsePublicKey(expected.publicKey);
  if (!key) return 'unknown_key';
  const signature = Buffer.from(headers.signature, 'base64');
  if (signature.length !== 64) return 'bad_signature';
  try {
    return verify(null, Buffer.from(body), key, signature) ? null : 'bad_signature';
  } catch {
    return 'bad_signature';
  }
}

/** A fresh nonce for a signed request or envelope. */
export function newNonce(): string {
  return randomBytes(18).toString('base64url');
}

export interface RequestToSign {
  method: string;
  /** The path from `/api` on, with its query exactly as sent (`/api/federation/listings?limit=100`). */
  pathAndQuery: string;
  timestamp: string;
  nonce: string;
}

/** What a signed request's signature covers, one part a line, behind a tag no body starts with. */
export function requestSigningString(r: RequestToSign): string {
  return ['federation-request-v1', r.method.toUpperCase(), r.pathAndQuery, r.timestamp, r.nonce].join('\n');
}

/** The headers that sign a request (no body) with `key`, made at `now` with `nonce`. */
export function signRequest(
  request: { method: string; pathAndQuery: string },
  key: { keyId: string; privateKey: string },
  now: Date,
  nonce: string,
): Record<string, string> {
  const timestamp = now.toISOString();
  return {
    [SIGNATURE_HEADER]: signBody(requestSigningString({ ...request, timestamp, nonce }), key.privateKey),
    [KEY_ID_HEADER]: key.keyId,
    [TIMESTAMP_HEADER]: timestamp,
    [NONCE_HEADER]: nonce,
  };
}

export interface Rotation {
  /** The new key. */
  keyId: string;
  publicKey: string;
  /** The key it replaces, and until when that one still verifies. */
  previousKeyId: string;
  previousExpiresAt: string;
}

/** What the previous key signs when the exchange rotates: the new key, and when the previous one retires. */
export function rotationStatement(r: Rotation): string {
  return ['federation-key-rotation-v1', r.keyId, r.publicKey, r.previousKeyId, r.previousExpiresAt].join(
    '\n',
  );
}
