/**
 * The asking exchange's reply to an answer's delivery, as pure rules: a signed envelope (Ed25519
 * over the exact body, as every envelope between exchanges) saying the answer was received and, in
 * reply to an acceptance, carrying the asker's contact; and whether the home exchange may trust
 * one — signed by the key of the partner it delivered to (see envelope-rules), of the reply's
 * shape, and answering that very delivery (its inquiry, answer and the nonce it was sent with, so
 * the reply to another delivery is refused as replayed). No I/O, no clock.
 */
import Joi from 'joi';
import * as envelopes from './envelope-rules';
import type { EnvelopeCheck, KnownPartner } from './envelope-rules';
import { ANSWER_ID, askerContactSchema, type AskerContact } from './answer-rules';

export interface AnswerReplyEnvelope {
  type: 'answer-reply';
  /** The asking exchange: its name and the key the reply is signed with. */
  from: { name: string; keyId: string };
  /** The inquiry's id on the asking exchange. */
  inquiryId: string;
  /** The answer received (as `id`, which earlier replies named it). */
  answerId: string;
  id: string;
  /** The nonce of the delivery this replies to. */
  inReplyTo: string;
  received: true;
  /** The answer was received before (a delivery tried again). */
  duplicate: boolean;
  /** The asker's contact: in reply to an acceptance only. */
  askerContact?: AskerContact;
  sentAt: string;
  nonce: string;
}

export const answerReplyEnvelopeSchema = Joi.object({
  type: Joi.string().valid('answer-reply').required(),
  ...envelopes.deliveryReplyKeys,
  answerId: Joi.string().pattern(ANSWER_ID).required(),
  id: Joi.string().pattern(ANSWER_ID).required(),
  askerContact: askerContactSchema,
});

/** The delivery a reply must answer. */
export interface AnswerDelivered {
  inquiryId: string;
  answerId: string;
  nonce: string;
}

/** The reply when it may be trusted, else why not (`unsigned`, `unknown key`, `bad signature`, `malformed`, `expired`, `replayed`). */
export function checkAnswerReply(
  raw: string | Buffer,
  headers: { signature?: string | null; keyId?: string | null },
  partner: KnownPartner | null,
  now: Date,
  delivered: AnswerDelivered,
): EnvelopeCheck<AnswerReplyEnvelope> {
  const check = envelopes.checkSignedEnvelope<AnswerReplyEnvelope>(
    raw,
    headers,
    partner,
    now,
    answerReplyEnvelopeSchema,
    'reply',
  );
  if (!check.ok) return check;
  const reply = check.envelope;
  if (reply.inReplyTo !== delivered.nonce)
    return { ok: false, status: 401, reason: 'replayed: the reply answers another delivery' };
  if (
    reply.inquiryId !== delivered.inquiryId ||
    reply.answerId !== delivered.answerId ||
    reply.id !== delivered.answerId
  )
    return { ok: false, status: 400, reason: 'malformed: the reply names another inquiry or answer' };
  return check;
}
