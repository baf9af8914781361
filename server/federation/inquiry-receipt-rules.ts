/**
 * The home exchange's receipt for a delivered inquiry, as pure rules: a signed envelope (Ed25519
 * over the exact body, as every envelope between exchanges) saying the inquiry was received, and
 * whether the asking exchange may trust one — signed by the key of the partner it delivered to
 * (see envelope-rules), of the receipt's shape, and answering that very delivery (its inquiry and
 * the nonce it was sent with, so the receipt of another delivery is refused as replayed). Only a
 * trusted receipt marks the inquiry delivered. No I/O, no clock.
 */
import Joi from 'joi';
import * as envelopes from './envelope-rules';
import type { EnvelopeCheck, KnownPartner } from './envelope-rules';

export interface InquiryReceiptEnvelope {
  type: 'inquiry-receipt';
  /** The home exchange: its name and the key the receipt is signed with. */
  from: { name: string; keyId: string };
  /** The inquiry's id on the asking exchange. */
  inquiryId: string;
  /** The inquiry's id as the home exchange keeps it. */
  id: string;
  /** The nonce of the delivery this receipt answers. */
  inReplyTo: string;
  received: true;
  /** The inquiry was received before (a delivery tried again). */
  duplicate: boolean;
  sentAt: string;
  nonce: string;
}

export const inquiryReceiptEnvelopeSchema = Joi.object({
  type: Joi.string().valid('inquiry-receipt').required(),
  ...envelopes.deliveryReplyKeys,
  id: Joi.string().max(200).required(),
});

/** The delivery a receipt must answer. */
export interface InquiryDelivered {
  inquiryId: string;
  nonce: string;
}

/** The receipt when it may be trusted, else why not (`unsigned`, `unknown key`, `bad signature`, `malformed`, `expired`, `replayed`). */
export function checkInquiryReceipt(
  raw: string | Buffer,
  headers: { signature?: string | null; keyId?: string | null },
  partner: KnownPartner | null,
  now: Date,
  delivered: InquiryDelivered,
): EnvelopeCheck<InquiryReceiptEnvelope> {
  const check = envelopes.checkSignedEnvelope<InquiryReceiptEnvelope>(
    raw,
    headers,
    partner,
    now,
    inquiryReceiptEnvelopeSchema,
    'receipt',
  );
  if (!check.ok) return check;
  if (check.envelope.inReplyTo !== delivered.nonce)
    return { ok: false, status: 401, reason: 'replayed: the receipt answers another delivery' };
  if (check.envelope.inquiryId !== delivered.inquiryId)
    return { ok: false, status: 400, reason: 'malformed: the receipt names another inquiry' };
  return check;
}
