/**
 * Partners' keys after they rotate them. Meeting a key id no partner has (a feed page, a feed
 * request, an inquiry), this exchange asks the partners for their published keys — only ever at a
 * registered base URL, no redirects, a short timeout — and takes a new key only when the key
 * registered here endorsed it before retiring (key-rules). For signed requests arriving here each
 * partner is asked at most once a minute per process, so that made-up key ids cost nothing.
 */
import Joi from 'joi';
import { AppError } from '../common/errors';
import { logger } from '../common/logger';
import { canonicalPublicKey, keyFingerprint, keyIdOf } from './signing';
import { planKeyUpdate, type PublishedKeys } from './key-rules';
import { keyResponse } from './federation.schemas';
import type { SignedReply } from './inquiry-rules';
import { getPartner, listPartners, partnerByKeyId, setPartnerKeys, type PartnerDoc } from './partner.store';

const KEY_FETCH_TIMEOUT_MS = 5_000;
const MAX_KEY_BYTES = 64 * 1024;
/** How often one partner's keys are asked for at most, on behalf of requests arriving here. */
export const KEY_REFRESH_EVERY_MS = 60_000;

/** A partner's key document: what this exchange answers, the rotation's fields optional (older exchanges). */
const publishedKeysSchema = keyResponse.fork(['previous', 'endorsement'], (s) => s.optional()).unknown(true);

const askedAt = new Map<string, number>();

async function fetchPublishedKeys(baseUrl: string): Promise<PublishedKeys & { name: string }> {
  let res: Response;
  try {
    res = await fetch(`${baseUrl}/api/federation/key`, {
      headers: { accept: 'application/json' },
      redirect: 'error',
      signal: AbortSignal.timeout(KEY_FETCH_TIMEOUT_MS),
    });
  } catch (err) {
    throw new Error(`unreachable: ${(err as Error).message}`, { cause: err });
  }
  if (res.status !== 200) throw new Error(`the partner answered ${res.status} for its key`);
  const text = await res.text();
  if (Buffer.byteLength(text) > MAX_KEY_BYTES) throw new Error('malformed: the key document is too large');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error('malformed: the key document is not JSON');
  }
  const { error, value } = (publishedKeysSchema as Joi.ObjectSchema).validate(parsed, { convert: false });
  if (error) throw new Error(`malformed: ${error.details[0].message}`);
  return value as PublishedKeys & { name: string };
}

/**
 * What an exchange at `baseUrl` publishes as its name and key, for an operator to compare by eye
 * before registering it: the key id and fingerprint computed here from the key (not taken on its
 * word). Nothing is stored. When it cannot be reached or answers no Ed25519 key document, the
 * address is refused (400 naming `baseUrl`): the operator's next step is another address.
 */
const keyNotFetched = (message: string) => AppError.validation([{ field: 'baseUrl', message }], message);

export async function fetchKeyForConfirmation(baseUrl: string) {
  const url = baseUrl.replace(/\/+$/, '');
  let published: PublishedKeys & { name: string };
  try {
    published = await fetchPublishedKeys(url);
  } catch (err) {
    throw keyNotFetched(`The exchange at ${url} did not give its key: ${(err as Error).message}`);
  }
  const publicKey = canonicalPublicKey(published.publicKey);
  if (!publicKey) throw keyNotFetched(`The exchange at ${url} published no Ed25519 public key (SPKI PEM)`);
  return {
    name: published.name,
    baseUrl: url,
    keyId: keyIdOf(publicKey),
    publicKey,
    fingerprint: keyFingerprint(publicKey),
  };
}

export type KeyRefresh = { ok: true; changed: boolean; partner: PartnerDoc } | { ok: false; reason: string };

/** Asks the partner for its keys and takes a new one the registered key endorsed; why not when refused. */
export async function refreshPartnerKey(partnerId: string, now = new Date()): Promise<KeyRefresh> {
  const partner = await getPartner(partnerId);
  if (!partner) return { ok: false, reason: 'the partner is no longer registered' };
  askedAt.set(partnerId, now.getTime());
  let published: PublishedKeys;
  try {
    published = await fetchPublishedKeys(partner.baseUrl);
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
  const plan = planKeyUpdate(partner, published, now);
  if (plan.change === 'none') return { ok: true, changed: false, partner };
  if (plan.change === 'refused') {
    logger.warn({ partner: partner.code, reason: plan.reason }, 'a partner’s new key was not taken');
    return { ok: false, reason: plan.reason };
  }
  const { change: _, ...keys } = plan;
  const updated = await setPartnerKeys(partnerId, partner.keyId, keys);
  logger.info(
    { partner: partner.code, from: partner.keyId, to: updated.keyId },
    'a partner rotated its key: the new key, endorsed by the registered one, is taken',
  );
  return { ok: true, changed: updated.keyId !== partner.keyId, partner: updated };
}

/**
 * The partner that signs with `keyId` at `now` (as partnerByKeyId sees it). When none does, the
 * active partners not asked within KEY_REFRESH_EVERY_MS are asked for their keys, and the key id
 * looked up again.
 */
export async function partnerSigningAs(keyId: string, now = new Date()): Promise<PartnerDoc | null> {
  const known = await partnerByKeyId(keyId, now);
  if (known) return known;
  const due = (await listPartners()).filter(
    (p) => p.status === 'active' && now.getTime() - (askedAt.get(String(p._id)) ?? 0) >= KEY_REFRESH_EVERY_MS,
  );
  if (!due.length) return null;
  await Promise.all(
    due.map((p) =>
      refreshPartnerKey(String(p._id), now).catch((err: unknown) =>
        logger.warn({ err, partner: p.code }, 'asking a partner for its key failed'),
      ),
    ),
  );
  return partnerByKeyId(keyId, now);
}

/**
 * A reply to a delivery as its checks take it: its exact bytes, its signature headers, and the
 * partner delivered to when that partner signs with the key the reply names (a rotated key it
 * endorsed is taken), else null.
 */
export async function replyFrom(
  partner: PartnerDoc,
  reply: SignedReply | undefined,
  now: Date,
): Promise<{
  raw: string;
  headers: { signature: string | null; keyId: string | null };
  signer: PartnerDoc | null;
}> {
  const headers = { signature: reply?.signature ?? null, keyId: reply?.keyId ?? null };
  const signer = headers.keyId ? await partnerSigningAs(headers.keyId, now) : null;
  return {
    raw: reply?.raw ?? '',
    headers,
    signer: signer && String(signer._id) === String(partner._id) ? signer : null,
  };
}

/** Forgets when partners were last asked (tests). */
export function forgetKeyRefreshes(): void {
  askedAt.clear();
}
