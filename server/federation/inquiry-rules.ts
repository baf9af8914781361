/**
 * Inquiries across exchanges as pure rules: the envelope the asking exchange signs (its time and a
 * nonce inside the signed bytes, so a replay is recognised), whether a received one may be trusted,
 * and when a delivery that failed is tried again (or given up). No I/O, no clock.
 */
import Joi from 'joi';
import { LISTING_KINDS } from '../api-contract/enums';
import type { ListingKind } from '../api-contract/enums';
import { checkSignature } from './signing';
import { MAX_CLOCK_SKEW_MS } from './import-rules';
import { INQUIRY_MESSAGE_MAX } from './federation.schemas';

/** Attempts at delivering one inquiry before it is given up (the first one included). */
export const INQUIRY_MAX_ATTEMPTS = 8;
/** The longest wait between two attempts. */
export const INQUIRY_RETRY_MAX_MS = 60 * 60_000;

export interface InquiryEnvelope {
  type: 'inquiry';
  /** The asking exchange: its name and the key the envelope is signed with. */
  from: { name: string; keyId: string };
  /** The inquiry's id on the asking exchange: the same on every attempt (the home exchange keeps one). */
  inquiryId: string;
  /** The listing on the home exchange (the receiver's own id). */
  listing: { kind: ListingKind; id: string };
  message: string;
  asker: { organizationName: string; name: string };
  /** When this attempt was signed: a receiver refuses one too far from its clock. */
  sentAt: string;
  /** Fresh for every attempt: a receiver refuses one it has seen (a replay). */
  nonce: string;
}

export const inquiryEnvelopeSchema = Joi.object({
  type: Joi.string().valid('inquiry').required(),
  from: Joi.object({
    name: Joi.string().max(300).required(),
    keyId: Joi.string().max(100).required(),
  }).required(),
  inquiryId: Joi.string()
    .pattern(/^[A-Za-z0-9_-]{1,64}$/)
    .required(),
  listing: Joi.object({
    kind: Joi.string()
      .valid(...LISTING_KINDS)
      .required(),
    id: Joi.string()
      .pattern(/^[a-f0-9]{24}$/)
      .required(),
  }).required(),
  message: Joi.string().min(1).max(INQUIRY_MESSAGE_MAX).required(),
  asker: Joi.object({
    organizationName: Joi.string().max(300).allow('').required(),
    name: Joi.string().max(200).allow('').required(),
  }).required(),
  sentAt: Joi.string().isoDate().required(),
  nonce: Joi.string()
    .pattern(/^[A-Za-z0-9_-]{16,64}$/)
    .required(),
});

/** Why a received inquiry is refused, with the HTTP status the home exchange answers. */
export interface InquiryRefusal {
  status: 400 | 401 | 403;
  reason: string;
}

export interface KnownPartner {
  keyId: string;
  publicKey: string;
  status: 'active' | 'suspended';
}

export type InquiryCheck = { ok: true; envelope: InquiryEnvelope } | ({ ok: false } & InquiryRefusal);

/**
 * The envelope, when it may be trusted: signed over `raw` exactly by the key registered for the
 * partner the key id names, of the inquiry's shape, naming that same key, made within
 * MAX_CLOCK_SKEW_MS of `now`, from a partner not suspended. Else why not (the nonce is checked
 * against those seen by the caller, which holds them).
 */
export function checkInquiry(
  raw: string | Buffer,
  headers: { signature?: string | null; keyId?: string | null },
  partner: KnownPartner | null,
  now: Date,
): InquiryCheck {
  const refuse = (status: InquiryRefusal['status'], reason: string): InquiryCheck => ({
    ok: false,
    status,
    reason,
  });
  if (!headers.signature || !headers.keyId) return refuse(401, 'unsigned: the request carries no signature');
  if (!partner) return refuse(401, `unknown key: no partner is registered with ${headers.keyId}`);
  const refusal = checkSignature(raw, headers, partner);
  if (refusal === 'unknown_key') return refuse(401, `unknown key: ${headers.keyId}`);
  if (refusal) return refuse(401, 'bad signature: the body does not verify against the registered key');
  if (partner.status !== 'active') return refuse(403, 'suspended: this partner exchange is suspended here');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.isBuffer(raw) ? raw.toString('utf8') : raw);
  } catch {
    return refuse(400, 'malformed: the body is not JSON');
  }
  const { error, value } = inquiryEnvelopeSchema.validate(parsed, { abortEarly: true, convert: false });
  if (error) return refuse(400, `malformed: ${error.details[0].message}`);
  const envelope = value as InquiryEnvelope;
  if (envelope.from.keyId !== partner.keyId)
    return refuse(401, 'unknown key: the body names another key than the one it was signed with');
  const skew = Math.abs(Date.parse(envelope.sentAt) - now.getTime());
  if (!(skew <= MAX_CLOCK_SKEW_MS))
    return refuse(401, `expired: the inquiry was signed ${envelope.sentAt}, too far from now`);
  return { ok: true, envelope };
}

/**
 * When to try a delivery again after `attempts` failed ones: `baseMs` after the first, doubling
 * up to INQUIRY_RETRY_MAX_MS; null once INQUIRY_MAX_ATTEMPTS were made (it is given up).
 */
export function nextDeliveryAt(attempts: number, baseMs: number, now: Date): Date | null {
  if (attempts >= INQUIRY_MAX_ATTEMPTS) return null;
  const delay = Math.min(baseMs * 2 ** Math.max(0, attempts - 1), INQUIRY_RETRY_MAX_MS);
  return new Date(now.getTime() + delay);
}

/** An imported listing's id (`<partnerId>-<kind>-<remoteId>`) taken apart; null when it is not one. */
export function importedIdParts(
  id: string,
): { partnerId: string; kind: ListingKind; remoteId: string } | null {
  const m = /^([a-f0-9]{24})-(offer|demand)-([A-Za-z0-9_-]{1,64})$/.exec(id);
  return m ? { partnerId: m[1], kind: m[2] as ListingKind, remoteId: m[3] } : null;
}
