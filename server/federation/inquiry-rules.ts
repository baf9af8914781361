/**
 * Inquiries across exchanges as pure rules: the envelope the asking exchange signs (its time and a
 * nonce inside the signed bytes, so a replay is recognised), whether a received one may be trusted,
 * and when a delivery that failed is tried again (or given up). No I/O, no clock.
 */
import Joi from 'joi';
import { LISTING_KINDS } from '../api-contract/enums';
import type { ListingKind } from '../api-contract/enums';
import type { InquiryDelivery } from './inquiry.model';
import {
  checkSignedEnvelope,
  envelopeInquiryIdSchema,
  envelopeNonceSchema,
  envelopeSenderSchema,
  type EnvelopeCheck,
  type EnvelopeRefusal,
  type KnownPartner,
} from './envelope-rules';
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
  from: envelopeSenderSchema,
  inquiryId: envelopeInquiryIdSchema,
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
  nonce: envelopeNonceSchema,
});

/** Why a received inquiry is refused, with the HTTP status the home exchange answers. */
export type InquiryRefusal = EnvelopeRefusal;
export type { KnownPartner };

export type InquiryCheck = EnvelopeCheck<InquiryEnvelope>;

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
  return checkSignedEnvelope<InquiryEnvelope>(raw, headers, partner, now, inquiryEnvelopeSchema, 'inquiry');
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

/** How one delivery attempt went: delivered, or why not and whether asking again is pointless. */
/** The receiver's answer to a delivery: its exact body and the signature headers it came with. */
export interface SignedReply {
  raw: string;
  signature: string | null;
  keyId: string | null;
}

export type DeliveryAttempt =
  /** `reply`: what the receiver answered, to verify when it matters (an answer's delivery). */
  { ok: true; reply?: SignedReply } | { ok: false; error: string; final: boolean };

/**
 * The delivery after an attempt (the `attempts`-th) made `at`: delivered; pending with the next
 * attempt's time; or failed when the attempt's failure is final or the attempts are used up.
 */
export function deliveryAfter(
  attempt: DeliveryAttempt,
  attempts: number,
  baseMs: number,
  at: Date,
): InquiryDelivery {
  if (attempt.ok) return { state: 'delivered', attempts, lastAttemptAt: at, deliveredAt: at };
  const retryAt = attempt.final ? null : nextDeliveryAt(attempts, baseMs, at);
  return retryAt
    ? { state: 'pending', attempts, lastAttemptAt: at, lastError: attempt.error, nextAttemptAt: retryAt }
    : { state: 'failed', attempts, lastAttemptAt: at, lastError: attempt.error };
}

/** An imported listing's id (`<partnerId>-<kind>-<remoteId>`) taken apart; null when it is not one. */
export function importedIdParts(
  id: string,
): { partnerId: string; kind: ListingKind; remoteId: string } | null {
  const m = /^([a-f0-9]{24})-(offer|demand)-([A-Za-z0-9_-]{1,64})$/.exec(id);
  return m ? { partnerId: m[1], kind: m[2] as ListingKind, remoteId: m[3] } : null;
}
