/**
 * The owner's answers to inquiries across exchanges. Answering: a member of the listing's
 * organization answers an inquiry a partner exchange forwarded; the answer is kept on it, a durable
 * job made for its delivery and a first attempt made at once; each attempt signs a fresh envelope
 * and posts it to the asking exchange's inbox, only ever at the partner's registered base URL.
 * Receiving: the asking exchange verifies it against the home exchange's registered key
 * (answer-rules), refuses replays, keeps it once on the inquiry sent to that exchange and tells the
 * member who asked (in-app, in their language, and mail by their settings).
 */
import { randomBytes } from 'node:crypto';
import type { Request } from 'express';
import type { AppContext } from '../context';
import type { SessionUser } from '../common/session-user';
import { AppError } from '../common/errors';
import { assertVerifiedOrg } from '../common/access';
import { logger } from '../common/logger';
import { createNotification } from '../notifications';
import { enqueueJob, FEDERATION_ANSWER, federationAnswerKey } from '../scheduler';
import { refuseSigned, signedRequest } from './inbox';
import { postSigned } from './signed-post';
import { signedAnswer } from './signed-answer';
import { newNonce, signedJson } from './signing';
import { deliveryAfter, type DeliveryAttempt, type SignedReply } from './inquiry-rules';
import { checkAnswerReply, type AnswerDelivered, type AnswerReplyEnvelope } from './answer-reply-rules';
import {
  ANSWERS_MAX,
  askerContactOf,
  checkAnswer,
  receiveAnswerPlan,
  receivedInquiryParts,
  withAnswerDelivery,
  withNewAnswer,
  type AnswerDecision,
  type AnswerEnvelope,
  type AskerContact,
} from './answer-rules';
import { ownSigner } from './identity.service';
import { getPartner, recordRefusal, type PartnerDoc } from './partner.store';
import { partnerSigningAs, replyFrom } from './partner-keys.service';
import { changeInquiry, getInquiry, type InquiryDoc } from './inquiry.store';
import { claimNonce } from './nonce.store';
import {
  changeReceivedInquiry,
  getReceivedInquiry,
  holdReceivedInquiry,
  type OwnerAnswer,
  type ReceivedInquiryDoc,
} from './received-inquiry.store';
import { receivedInquiryView } from './federation.view';

export const ANSWER_NOTIFICATION = 'federation.answer';

type Ctx = Pick<AppContext, 'bus' | 'config'>;

/**
 * A member of the listing's organization answers an inquiry received from a partner exchange:
 * kept, and sent back now or later by the job. Anyone else is told it does not exist.
 */
export async function answerReceivedInquiry(
  ctx: Ctx,
  user: SessionUser,
  id: string,
  input: { text: string; decision?: AnswerDecision },
) {
  assertVerifiedOrg(user);
  const received = receivedInquiryParts(id) ? await getReceivedInquiry(id) : null;
  if (!received || received.organizationId !== user.organization!.id)
    throw AppError.notFound('Received inquiry');
  const partner = await getPartner(received.partnerId);
  if (!partner)
    throw AppError.conflict('The asking exchange is no longer a partner here: no answer can be sent to it');
  if (partner.status !== 'active')
    throw AppError.conflict('The asking exchange is suspended here: no answer can be sent to it');
  const now = new Date();
  const answer: OwnerAnswer = {
    answerId: randomBytes(16).toString('base64url'),
    text: input.text,
    ...(input.decision ? { decision: input.decision } : {}),
    userId: user.id,
    name: user.name,
    organizationName: user.organization!.name,
    // Contact details go only with an acceptance (the organisation's name goes with every answer).
    ...(input.decision === 'accept' ? { contact: { name: user.name, email: user.email } } : {}),
    answeredAt: now,
    delivery: { state: 'pending', attempts: 0, nextAttemptAt: now },
  };
  await changeReceivedInquiry(id, (doc) => {
    const answers = withNewAnswer(doc.answers, answer);
    if (answers === 'too_many') throw AppError.conflict(`An inquiry takes ${ANSWERS_MAX} answers at most`);
    if (answers === 'decided')
      throw AppError.conflict('This inquiry was accepted or declined already: it cannot be decided again');
    return { change: { $set: { answers } }, result: null };
  });
  await enqueueJob({
    type: FEDERATION_ANSWER,
    runAt: now,
    payload: { receivedInquiryId: id, answerId: answer.answerId },
    dedupeKey: federationAnswerKey(id, answer.answerId),
  });
  const after = await deliverAnswer(ctx, id, answer.answerId).catch((err: unknown) => {
    logger.warn(
      { err, receivedInquiryId: id },
      'first delivery attempt of an answer failed; the job retries it',
    );
    return null;
  });
  const doc = after?.doc ?? (await getReceivedInquiry(id));
  return { inquiry: receivedInquiryView(doc!) };
}

/** An attempt's outcome, and the asker's contact its verified reply carried (to an acceptance). */
interface AnswerAttempt {
  attempt: DeliveryAttempt;
  askerContact: AskerContact | null;
}

/**
 * The asking exchange's reply to a delivery, trusted only when signed by the key of the partner it
 * went to and answering that very delivery (answer-reply-rules); a refused reply is recorded on the
 * partner and the delivery tried again, nothing of it kept.
 */
async function verifyReply(
  partner: PartnerDoc,
  reply: SignedReply | undefined,
  delivered: AnswerDelivered,
  now: Date,
): Promise<AnswerAttempt> {
  const { raw, headers, signer } = await replyFrom(partner, reply, now);
  const check = checkAnswerReply(raw, headers, signer, now, delivered);
  if (check.ok) return { attempt: { ok: true }, askerContact: askerContactOf(check.envelope) };
  await recordRefusal(String(partner._id), now, `reply to an answer: ${check.reason}`);
  return {
    attempt: { ok: false, error: `the asking exchange's reply was refused: ${check.reason}`, final: false },
    askerContact: null,
  };
}

/** One signed post of the answer to the asking exchange's inbox, and its signed reply verified. */
async function postAnswer(
  ctx: Ctx,
  doc: ReceivedInquiryDoc,
  answer: OwnerAnswer,
  partner: PartnerDoc,
  now: Date,
): Promise<AnswerAttempt> {
  const parts = receivedInquiryParts(doc._id);
  if (!parts)
    return {
      attempt: { ok: false, error: `not an inquiry received from a partner: ${doc._id}`, final: true },
      askerContact: null,
    };
  const { key, from } = await ownSigner(ctx.config);
  const envelope: AnswerEnvelope = {
    type: 'answer',
    from,
    inquiryId: parts.inquiryId,
    answerId: answer.answerId,
    text: answer.text,
    ...(answer.decision ? { decision: answer.decision } : {}),
    answerer: { organizationName: answer.organizationName, name: answer.name },
    ...(answer.contact ? { contact: { name: answer.contact.name, email: answer.contact.email } } : {}),
    answeredAt: new Date(answer.answeredAt).toISOString(),
    sentAt: now.toISOString(),
    nonce: newNonce(),
  };
  const attempt = await postSigned(
    `${partner.baseUrl}/api/federation/inbox/answers`,
    envelope,
    key,
    'the asking exchange',
  );
  if (!attempt.ok) return { attempt, askerContact: null };
  return verifyReply(
    partner,
    attempt.reply,
    { ...parts, answerId: answer.answerId, nonce: envelope.nonce },
    now,
  );
}

/**
 * Tries to deliver one answer when it is pending and due (under the received inquiry's lock:
 * attempts never overlap): records the outcome and answers when to try again, or null when it is
 * done with.
 */
export async function deliverAnswer(
  ctx: Ctx,
  receivedInquiryId: string,
  answerId: string,
  now = () => new Date(),
): Promise<{ doc: ReceivedInquiryDoc; retryAt: Date | null } | null> {
  return holdReceivedInquiry(receivedInquiryId, async () => {
    const doc = await getReceivedInquiry(receivedInquiryId);
    const answer = doc?.answers?.find((a) => a.answerId === answerId);
    if (!doc || !answer) return null;
    if (answer.delivery.state !== 'pending') return { doc, retryAt: null };
    const due = answer.delivery.nextAttemptAt ? new Date(answer.delivery.nextAttemptAt) : now();
    if (due > now()) return { doc, retryAt: due };
    const partner = await getPartner(doc.partnerId);
    const at = now();
    const { attempt, askerContact: replied }: AnswerAttempt = !partner
      ? {
          attempt: { ok: false, error: 'the asking exchange is no longer a partner', final: true },
          askerContact: null,
        }
      : partner.status !== 'active'
        ? {
            attempt: { ok: false, error: 'the asking exchange is suspended here', final: false },
            askerContact: null,
          }
        : await postAnswer(ctx, doc, answer, partner, at);
    const delivery = deliveryAfter(attempt, answer.delivery.attempts + 1, ctx.config.federationRetryMs, at);
    if (!attempt.ok)
      logger.warn(
        { receivedInquiryId, answerId, error: attempt.error, retryAt: delivery.nextAttemptAt },
        'an answer was not delivered',
      );
    // An accepted inquiry's asker reveals their contact in the asking exchange's reply (signed, verified).
    const askerContact = attempt.ok && answer.decision === 'accept' ? replied : null;
    const { doc: stored } = await changeReceivedInquiry(receivedInquiryId, (current) => {
      const answers = withAnswerDelivery(current.answers, answerId, delivery);
      return {
        change: answers ? { $set: { answers, ...(askerContact ? { askerContact } : {}) } } : null,
        result: null,
      };
    });
    return { doc: stored, retryAt: delivery.state === 'pending' ? (delivery.nextAttemptAt ?? null) : null };
  });
}

/**
 * An answer the home exchange of an inquiry sent from here delivered: verified, checked against
 * replays and the inquiry it names (one sent to that very exchange), kept once, the asker told.
 */
export async function receiveAnswer(
  ctx: Ctx,
  req: Request,
  res: { setHeader(name: string, value: string): unknown },
  now = new Date(),
) {
  const { raw, headers } = signedRequest(req);
  const partner = headers.keyId ? await partnerSigningAs(headers.keyId, now) : null;
  const check = checkAnswer(raw, headers, partner, now);
  if (!check.ok) return refuseSigned(partner, check.status, check.reason, now);
  const from = partner!;
  const envelope = check.envelope;
  const inquiry = await getInquiry(envelope.inquiryId);
  const notFound = `not found: no inquiry ${envelope.inquiryId} was sent from here to ${from.name}`;
  if (!inquiry || inquiry.partnerId !== String(from._id)) return refuseSigned(from, 404, notFound, now);
  if (!(await claimNonce(from.keyId, envelope.nonce, now)))
    return refuseSigned(from, 409, `replayed: the nonce ${envelope.nonce} was seen already`, now);
  const { doc, result } = await changeInquiry(String(inquiry._id), (current) => {
    const plan = receiveAnswerPlan(current, String(from._id), envelope, now);
    if (plan.kind !== 'stored') return { change: null, result: plan.kind };
    return {
      change: { $set: { answers: plan.answers, ...(plan.delivery ? { delivery: plan.delivery } : {}) } },
      result: plan.kind,
    };
  });
  if (result === 'not_ours') return refuseSigned(from, 404, notFound, now);
  if (result === 'stored') await notifyAsker(ctx, doc, from.name, envelope);
  // The owner accepted: the asker's contact goes back to the home exchange, and only then.
  const askerContact =
    envelope.decision === 'accept' && doc.userEmail
      ? { name: doc.userName, email: doc.userEmail, organizationName: doc.organizationName }
      : undefined;
  // The reply is signed as every envelope is, and answers this very delivery (its nonce).
  const { key, from: replier } = await ownSigner(ctx.config);
  const reply: AnswerReplyEnvelope = {
    type: 'answer-reply',
    from: replier,
    inquiryId: envelope.inquiryId,
    answerId: envelope.answerId,
    id: envelope.answerId,
    inReplyTo: envelope.nonce,
    received: true,
    duplicate: result === 'duplicate',
    ...(askerContact ? { askerContact } : {}),
    sentAt: now.toISOString(),
    nonce: newNonce(),
  };
  return signedAnswer(signedJson(reply, key), res);
}

async function notifyAsker(ctx: Ctx, inquiry: InquiryDoc, home: string, answer: AnswerEnvelope) {
  const org = answer.answerer.organizationName || answer.answerer.name || '—';
  const contact = answer.contact;
  const withContact = (label: string) =>
    contact ? `\n\n${label}: ${[contact.name, contact.email].filter(Boolean).join(' — ')}` : '';
  await createNotification(ctx, {
    userId: inquiry.userId,
    type: ANSWER_NOTIFICATION,
    title:
      answer.decision === 'accept'
        ? {
            vi: `${org} (${home}) đã chấp nhận câu hỏi của bạn về “${inquiry.listingTitle}”`,
            en: `${org} (${home}) accepted your inquiry about “${inquiry.listingTitle}”`,
          }
        : answer.decision === 'decline'
          ? {
              vi: `${org} (${home}) đã từ chối câu hỏi của bạn về “${inquiry.listingTitle}”`,
              en: `${org} (${home}) declined your inquiry about “${inquiry.listingTitle}”`,
            }
          : {
              vi: `${org} (${home}) đã trả lời câu hỏi của bạn về “${inquiry.listingTitle}”`,
              en: `${org} (${home}) answered your inquiry about “${inquiry.listingTitle}”`,
            },
    body: {
      vi: `${answer.text}${withContact('Liên hệ')}`,
      en: `${answer.text}${withContact('Contact')}`,
    },
    link: '/my/inquiries',
    data: {
      inquiryId: String(inquiry._id),
      answerId: answer.answerId,
      listingId: inquiry.listingId,
      homeExchange: home,
      organizationName: answer.answerer.organizationName,
      ...(answer.decision ? { decision: answer.decision } : {}),
    },
    dedupeKey: `federation-answer:${String(inquiry._id)}:${answer.answerId}`,
  }).catch((err: unknown) =>
    logger.warn({ err, userId: inquiry.userId }, 'an answer notice was not created'),
  );
}
