/**
 * The owner's answers to inquiries across exchanges, as pure rules: the envelope the home exchange
 * signs back to the asking one (its time and a nonce inside the signed bytes, as an inquiry's),
 * whether a received one may be trusted, adding an answer on the home exchange, recording where
 * its delivery stands, and keeping a delivered answer once on the asker's inquiry. No I/O, no clock.
 */
import Joi from 'joi';
import {
  checkSignedEnvelope,
  envelopeInquiryIdSchema,
  envelopeNonceSchema,
  envelopeSenderSchema,
  type EnvelopeCheck,
  type KnownPartner,
} from './envelope-rules';
import { INQUIRY_MESSAGE_MAX } from './federation.schemas';
import type { AnswerContact, InquiryAnswer, InquiryDelivery, InquiryDoc } from './inquiry.model';
import type { OwnerAnswer } from './received-inquiry.model';

/** The most answers one inquiry may get (a thread, not a chat). */
export const ANSWERS_MAX = 20;

/** The owner's decision on an inquiry: contact details go both ways on accept, never on decline. */
export const ANSWER_DECISIONS = ['accept', 'decline'] as const;
export type AnswerDecision = (typeof ANSWER_DECISIONS)[number];

export interface AnswerEnvelope {
  type: 'answer';
  /** The home exchange: its name and the key the envelope is signed with. */
  from: { name: string; keyId: string };
  /** The inquiry's id on the asking exchange (as its inquiry envelope named it). */
  inquiryId: string;
  /** The answer's id on the home exchange: the same on every attempt (the asker keeps one). */
  answerId: string;
  text: string;
  /** Absent on a plain message; accept or decline once per inquiry. */
  decision?: AnswerDecision;
  answerer: { organizationName: string; name: string };
  /** The answerer's contact details: present only when they accept. */
  contact?: AnswerContact;
  answeredAt: string;
  sentAt: string;
  nonce: string;
}

export const ANSWER_ID = /^[A-Za-z0-9_-]{8,64}$/;

export const answerEnvelopeSchema = Joi.object({
  type: Joi.string().valid('answer').required(),
  from: envelopeSenderSchema,
  inquiryId: envelopeInquiryIdSchema,
  answerId: Joi.string().pattern(ANSWER_ID).required(),
  text: Joi.string().min(1).max(INQUIRY_MESSAGE_MAX).required(),
  answerer: Joi.object({
    organizationName: Joi.string().max(300).allow('').required(),
    name: Joi.string().max(200).allow('').required(),
  }).required(),
  decision: Joi.string().valid(...ANSWER_DECISIONS),
  contact: Joi.when('decision', {
    is: 'accept',
    then: Joi.object({
      name: Joi.string().max(200).allow('').required(),
      email: Joi.string().email({ tlds: false }).max(320).required(),
    }),
    otherwise: Joi.forbidden(),
  }),
  answeredAt: Joi.string().isoDate().required(),
  sentAt: Joi.string().isoDate().required(),
  nonce: envelopeNonceSchema,
});

export type AnswerCheck = EnvelopeCheck<AnswerEnvelope>;

/** The answer envelope when it may be trusted (as an inquiry's: see envelope-rules), else why not. */
export function checkAnswer(
  raw: string | Buffer,
  headers: { signature?: string | null; keyId?: string | null },
  partner: KnownPartner | null,
  now: Date,
): AnswerCheck {
  return checkSignedEnvelope<AnswerEnvelope>(raw, headers, partner, now, answerEnvelopeSchema, 'answer');
}

/** A received inquiry's id (`<partnerId>:<the inquiry's id on the asking exchange>`) taken apart. */
export function receivedInquiryParts(id: string): { partnerId: string; inquiryId: string } | null {
  const m = /^([a-f0-9]{24}):([A-Za-z0-9_-]{1,64})$/.exec(id);
  return m ? { partnerId: m[1], inquiryId: m[2] } : null;
}

/** The decision among the answers (the first one carrying one), if any. */
export function decisionOf(answers: readonly { decision?: AnswerDecision }[] | undefined) {
  return (answers ?? []).find((a) => a.decision)?.decision ?? null;
}

/**
 * The received inquiry's answers with `answer` added; 'too_many' when it has ANSWERS_MAX already,
 * 'decided' when the answer carries a decision and one was made already.
 */
export function withNewAnswer(answers: readonly OwnerAnswer[] | undefined, answer: OwnerAnswer) {
  const list = answers ?? [];
  if (answer.decision && decisionOf(list)) return 'decided' as const;
  if (list.length >= ANSWERS_MAX) return 'too_many' as const;
  return [...list, answer];
}

/** The asker's contact details, which the asking exchange reveals in reply to an accept. */
export interface AskerContact {
  name: string;
  email: string;
  organizationName: string;
}

export const askerContactSchema = Joi.object({
  name: Joi.string().max(200).allow('').required(),
  email: Joi.string().email({ tlds: false }).max(320).required(),
  organizationName: Joi.string().max(300).allow('').required(),
});

/**
 * The asker's contact out of the asking exchange's reply to an accept answer's delivery (its
 * `askerContact`), when it is of the right shape; null otherwise (nothing is kept).
 */
export function askerContactOf(reply: unknown): AskerContact | null {
  const raw = (reply as { askerContact?: unknown } | null)?.askerContact;
  if (raw === undefined || raw === null) return null;
  const { error, value } = askerContactSchema.validate(raw, { convert: false, stripUnknown: true });
  return error ? null : (value as AskerContact);
}

/** The answers with the delivery of `answerId` replaced; null when it is not among them. */
export function withAnswerDelivery(
  answers: readonly OwnerAnswer[] | undefined,
  answerId: string,
  delivery: InquiryDelivery,
): OwnerAnswer[] | null {
  const list = answers ?? [];
  if (!list.some((a) => a.answerId === answerId)) return null;
  return list.map((a) => (a.answerId === answerId ? { ...a, delivery } : a));
}

/** What a trusted answer changes on the asker's inquiry it names. */
export type AnswerReceipt =
  /** It is not an inquiry sent to the exchange that answered. */
  | { kind: 'not_ours' }
  /** Kept already (a delivery tried again after a lost reply): nothing changes, nobody is told. */
  | { kind: 'duplicate' }
  /** Kept now; an inquiry whose delivery was not yet recorded is delivered (the answer proves it). */
  | { kind: 'stored'; answers: InquiryAnswer[]; delivery?: InquiryDelivery };

export function receiveAnswerPlan(
  inquiry: Pick<InquiryDoc, 'partnerId' | 'answers' | 'delivery'>,
  fromPartnerId: string,
  envelope: AnswerEnvelope,
  now: Date,
): AnswerReceipt {
  if (inquiry.partnerId !== fromPartnerId) return { kind: 'not_ours' };
  const answers = inquiry.answers ?? [];
  if (answers.some((a) => a.answerId === envelope.answerId)) return { kind: 'duplicate' };
  const answer: InquiryAnswer = {
    answerId: envelope.answerId,
    text: envelope.text,
    ...(envelope.decision ? { decision: envelope.decision } : {}),
    answerer: { ...envelope.answerer },
    ...(envelope.contact ? { contact: { ...envelope.contact } } : {}),
    answeredAt: new Date(envelope.answeredAt),
    receivedAt: now,
  };
  const stored = [...answers, answer].sort(
    (a, b) => +new Date(a.answeredAt) - +new Date(b.answeredAt) || a.answerId.localeCompare(b.answerId),
  );
  const d = inquiry.delivery;
  const delivery: InquiryDelivery | undefined =
    d.state === 'delivered'
      ? undefined
      : {
          state: 'delivered',
          attempts: d.attempts,
          ...(d.lastAttemptAt ? { lastAttemptAt: d.lastAttemptAt } : {}),
          deliveredAt: now,
        };
  return { kind: 'stored', answers: stored, ...(delivery ? { delivery } : {}) };
}
