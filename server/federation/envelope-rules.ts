/**
 * Signed envelopes partner exchanges post to this one (an inquiry, an answer), as pure rules:
 * whether one may be trusted — signed over the exact bytes by the key registered for the partner
 * its key id names, of the envelope's shape, naming that same key, made within MAX_CLOCK_SKEW_MS
 * of `now`, from a partner not suspended — and the retry schedule of their delivery. The nonce is
 * checked against those seen by the caller, which holds them. No I/O, no clock.
 */
import Joi from 'joi';
import { NONCE_PATTERN, checkSignature } from './signing';
import { MAX_CLOCK_SKEW_MS } from './import-rules';

/** Why a received envelope is refused, with the HTTP status the receiver answers. */
export interface EnvelopeRefusal {
  status: 400 | 401 | 403;
  reason: string;
}

export interface KnownPartner {
  keyId: string;
  publicKey: string;
  status: 'active' | 'suspended';
}

/** The sender every envelope names: the exchange's name and the key it is signed with. */
export const envelopeSenderSchema = Joi.object({
  name: Joi.string().max(300).required(),
  keyId: Joi.string().max(100).required(),
}).required();

/** An inquiry's id on the asking exchange, as envelopes name it. */
export const envelopeInquiryIdSchema = Joi.string()
  .pattern(/^[A-Za-z0-9_-]{1,64}$/)
  .required();

/** An envelope's nonce: fresh for every attempt. */
export const envelopeNonceSchema = Joi.string().pattern(NONCE_PATTERN).required();

/**
 * The keys of every signed reply to a delivery (an inquiry's receipt, the reply to an answer):
 * who replies, the inquiry, the delivery's nonce it answers, whether it was received before.
 */
export const deliveryReplyKeys = {
  from: envelopeSenderSchema,
  inquiryId: envelopeInquiryIdSchema,
  inReplyTo: envelopeNonceSchema,
  received: Joi.boolean().valid(true).required(),
  duplicate: Joi.boolean().required(),
  sentAt: Joi.string().isoDate().required(),
  nonce: envelopeNonceSchema,
};

/** What every signed envelope carries besides its own fields. */
export interface SignedEnvelope {
  from: { name: string; keyId: string };
  sentAt: string;
  nonce: string;
}

export type EnvelopeCheck<E> = { ok: true; envelope: E } | ({ ok: false } & EnvelopeRefusal);

/** `raw` trusted as an envelope of `schema` (`what` names it in the reasons), or why not. */
export function checkSignedEnvelope<E extends SignedEnvelope>(
  raw: string | Buffer,
  headers: { signature?: string | null; keyId?: string | null },
  partner: KnownPartner | null,
  now: Date,
  schema: Joi.ObjectSchema,
  what: string,
): EnvelopeCheck<E> {
  const refuse = (status: EnvelopeRefusal['status'], reason: string): EnvelopeCheck<E> => ({
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
  const { error, value } = schema.validate(parsed, { abortEarly: true, convert: false });
  if (error) return refuse(400, `malformed: ${error.details[0].message}`);
  const envelope = value as E;
  if (envelope.from.keyId !== partner.keyId)
    return refuse(401, 'unknown key: the body names another key than the one it was signed with');
  const skew = Math.abs(Date.parse(envelope.sentAt) - now.getTime());
  if (!(skew <= MAX_CLOCK_SKEW_MS))
    return refuse(401, `expired: the ${what} was signed ${envelope.sentAt}, too far from now`);
  return { ok: true, envelope };
}
