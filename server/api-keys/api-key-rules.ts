/**
 * Partner API keys as pure rules: a key is `tx_<its record's id>_<43 characters of randomness>`,
 * so the record is found by `_id` and the key checked against the stored hash in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const KEY = /^tx_([a-f0-9]{24})_([A-Za-z0-9_-]{43})$/;
/** How often a key's last use is written at most. */
export const LAST_USE_EVERY_MS = 60_000;

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** A new key for the record `id`. */
export function makeApiKey(id: string, random = randomBytes(32)): string {
  return `tx_${id}_${random.toString('base64url')}`;
}

/** The record id a key names, or null when it is not of the key's shape. */
export function apiKeyRecordId(key: string): string | null {
  return KEY.exec(key)?.[1] ?? null;
}

/** The key's first characters shown in lists. */
export function apiKeyPrefix(key: string): string {
  return `${key.slice(0, 30)}…`;
}

/** Whether `key` is the one whose hash is `storedHash` (constant time). */
export function apiKeyMatches(key: string, storedHash: string): boolean {
  const a = Buffer.from(hashApiKey(key), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The bearer token in an Authorization header: undefined without one, null when it is not a bearer token. */
export function bearerToken(header: string | undefined): string | null | undefined {
  if (header === undefined) return undefined;
  const m = /^Bearer[ ]+([^\s]+)\s*$/i.exec(header);
  return m ? m[1] : null;
}
