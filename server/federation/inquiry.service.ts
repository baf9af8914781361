/**
 * Inquiries across exchanges. Asking: a verified member asks about a listing imported from a
 * partner; the inquiry is stored, a durable job made for its delivery, and a first attempt made at
 * once; each attempt signs a fresh envelope (its time and nonce inside the signed bytes) and posts
 * it to the listing's home exchange, only ever at the partner's registered base URL. Receiving:
 * the home exchange verifies the envelope against the registered partner's key (inquiry-rules),
 * refuses anything else with its reason recorded on the partner and nothing else written, and
 * tells the listing's owner organization (in-app, and mail by their settings).
 */
import type { Request, Response } from 'express';
import type { AppContext } from '../context';
import type { SessionUser } from '../common/session-user';
import { AppError } from '../common/errors';
import { assertVerifiedOrg } from '../common/access';
import { logger } from '../common/logger';
import { findListingDoc } from '../listings';
import { activeMemberIds } from '../auth';
import { createNotification } from '../notifications';
import { enqueueJob, FEDERATION_INQUIRY, federationInquiryKey } from '../scheduler';
import { refuseSigned, signedRequest } from './inbox';
import { postSigned } from './signed-post';
import { newNonce, signedJson } from './signing';
import { signedAnswer } from './signed-answer';
import { checkInquiryReceipt, type InquiryReceiptEnvelope } from './inquiry-receipt-rules';
import {
  checkInquiry,
  deliveryAfter,
  importedIdParts,
  type DeliveryAttempt,
  type InquiryEnvelope,
} from './inquiry-rules';
import { ownSigner } from './identity.service';
import { getPartner, recordRefusal, type PartnerDoc } from './partner.store';
import { partnerSigningAs, replyFrom } from './partner-keys.service';
import { getImportedListing } from './imported-listing.store';
import {
  createInquiry,
  getInquiry,
  holdInquiry,
  inquiriesOf,
  recordDelivery,
  type InquiryDoc,
} from './inquiry.store';
import { claimNonce } from './nonce.store';
import {
  putReceivedInquiry,
  receivedInquiriesOf,
  receivedInquiryId,
  type ReceivedInquiryDoc,
} from './received-inquiry.store';
import { inquiryView, receivedInquiryView } from './federation.view';

export const INQUIRY_NOTIFICATION = 'federation.inquiry';

type Ctx = Pick<AppContext, 'bus' | 'config'>;

/** Asks the home exchange of an imported listing: stored, delivered now or later by the job. */
export async function sendInquiry(
  ctx: Ctx,
  user: SessionUser,
  input: { listingId: string; message: string },
) {
  assertVerifiedOrg(user);
  if (!importedIdParts(input.listingId))
    throw AppError.validation([
      { field: 'listingId', message: 'listingId must name a listing imported from a partner exchange' },
    ]);
  const listing = await getImportedListing(input.listingId);
  const partner = listing && (await getPartner(listing.partnerId));
  if (!listing || !partner) throw AppError.notFound('Imported listing');
  if (partner.status !== 'active')
    throw AppError.conflict(
      'The home exchange of this listing is suspended here: no inquiry can be sent to it',
    );
  const now = new Date();
  const doc = await createInquiry({
    partnerId: String(partner._id),
    listingId: listing._id,
    kind: listing.kind,
    remoteId: listing.remoteId,
    listingTitle: listing.listing.title,
    message: input.message,
    userId: user.id,
    organizationId: user.organization!.id,
    organizationName: user.organization!.name,
    userName: user.name,
    userEmail: user.email,
    delivery: { state: 'pending', attempts: 0, nextAttemptAt: now },
  });
  const id = String(doc._id);
  await enqueueJob({
    type: FEDERATION_INQUIRY,
    runAt: now,
    payload: { inquiryId: id },
    dedupeKey: federationInquiryKey(id),
  });
  const after = await deliverInquiry(ctx, id).catch((err: unknown) => {
    logger.warn({ err, inquiryId: id }, 'first delivery attempt of an inquiry failed; the job retries it');
    return null;
  });
  return { inquiry: inquiryView(after?.doc ?? doc, partner) };
}

export async function myInquiries(user: SessionUser) {
  assertVerifiedOrg(user);
  const docs = await inquiriesOf(user.organization!.id);
  const partners = new Map<string, PartnerDoc | null>();
  for (const id of new Set(docs.map((d) => d.partnerId))) partners.set(id, await getPartner(id));
  return { inquiries: docs.map((d) => inquiryView(d, partners.get(d.partnerId) ?? null)) };
}

export async function receivedInquiries(user: SessionUser) {
  assertVerifiedOrg(user);
  return { inquiries: (await receivedInquiriesOf(user.organization!.id)).map(receivedInquiryView) };
}

/**
 * One signed post of the inquiry to its home exchange, delivered only when the home exchange's
 * receipt is signed by that partner's key and answers this very delivery (inquiry-receipt-rules);
 * a refused receipt is recorded on the partner and the delivery tried again.
 */
async function postInquiry(
  ctx: Ctx,
  doc: InquiryDoc,
  partner: PartnerDoc,
  now: Date,
): Promise<DeliveryAttempt> {
  const { key, from } = await ownSigner(ctx.config);
  const envelope: InquiryEnvelope = {
    type: 'inquiry',
    from,
    inquiryId: String(doc._id),
    listing: { kind: doc.kind, id: doc.remoteId },
    message: doc.message,
    asker: { organizationName: doc.organizationName, name: doc.userName },
    sentAt: now.toISOString(),
    nonce: newNonce(),
  };
  const attempt = await postSigned(
    `${partner.baseUrl}/api/federation/inbox/inquiries`,
    envelope,
    key,
    'the home exchange',
  );
  if (!attempt.ok) return attempt;
  const { raw, headers, signer } = await replyFrom(partner, attempt.reply, now);
  const check = checkInquiryReceipt(raw, headers, signer, now, {
    inquiryId: envelope.inquiryId,
    nonce: envelope.nonce,
  });
  if (check.ok) return { ok: true };
  await recordRefusal(String(partner._id), now, `receipt of an inquiry: ${check.reason}`);
  return { ok: false, error: `the home exchange's receipt was refused: ${check.reason}`, final: false };
}

/**
 * Tries to deliver the inquiry when it is pending and due (under its lock: attempts never
 * overlap): records the outcome and answers when to try again, or null when it is done with.
 */
export async function deliverInquiry(
  ctx: Ctx,
  id: string,
  now = () => new Date(),
): Promise<{ doc: InquiryDoc; retryAt: Date | null } | null> {
  return holdInquiry(id, async () => {
    const doc = await getInquiry(id);
    if (!doc || doc.delivery.state !== 'pending') return doc ? { doc, retryAt: null } : null;
    const due = doc.delivery.nextAttemptAt ? new Date(doc.delivery.nextAttemptAt) : now();
    if (due > now()) return { doc, retryAt: due };
    const partner = await getPartner(doc.partnerId);
    const at = now();
    const attempt: DeliveryAttempt = !partner
      ? { ok: false, error: 'the home exchange is no longer a partner', final: true }
      : partner.status !== 'active'
        ? { ok: false, error: 'the home exchange is suspended here', final: false }
        : await postInquiry(ctx, doc, partner, at);
    const delivery = deliveryAfter(attempt, doc.delivery.attempts + 1, ctx.config.federationRetryMs, at);
    if (!attempt.ok)
      logger.warn(
        { inquiryId: id, error: attempt.error, retryAt: delivery.nextAttemptAt },
        'an inquiry was not delivered',
      );
    const stored = await recordDelivery(id, delivery);
    return { doc: stored, retryAt: delivery.state === 'pending' ? (delivery.nextAttemptAt ?? null) : null };
  });
}

/**
 * An inquiry a partner exchange forwarded: verified, checked against replays and the listing it
 * names, stored once, and the listing's owner organization told.
 */
export async function receiveInquiry(ctx: Ctx, req: Request, res: Response, now = new Date()) {
  const { raw, headers } = signedRequest(req);
  const partner = headers.keyId ? await partnerSigningAs(headers.keyId, now) : null;
  const check = checkInquiry(raw, headers, partner, now);
  if (!check.ok) return refuseSigned(partner, check.status, check.reason, now);
  const from = partner!;
  const envelope = check.envelope;
  const listing = await findListingDoc(envelope.listing.kind, envelope.listing.id);
  if (!listing || listing.status !== 'published')
    return refuseSigned(
      from,
      404,
      `not found: no published ${envelope.listing.kind} ${envelope.listing.id} here`,
      now,
    );
  if (!(await claimNonce(from.keyId, envelope.nonce, now)))
    return refuseSigned(from, 409, `replayed: the nonce ${envelope.nonce} was seen already`, now);
  const organizationId = String(listing.organizationId);
  const doc: ReceivedInquiryDoc = {
    _id: receivedInquiryId(String(from._id), envelope.inquiryId),
    partnerId: String(from._id),
    partnerName: from.name,
    kind: envelope.listing.kind,
    listingId: envelope.listing.id,
    listingTitle: String(listing.title ?? ''),
    organizationId,
    message: envelope.message,
    asker: envelope.asker,
    receivedAt: now,
  };
  const stored = await putReceivedInquiry(doc);
  if (stored) await notifyOwners(ctx, doc);
  // The receipt is signed as every envelope is, and answers this very delivery (its nonce).
  const { key, from: receiver } = await ownSigner(ctx.config);
  const receipt: InquiryReceiptEnvelope = {
    type: 'inquiry-receipt',
    from: receiver,
    inquiryId: envelope.inquiryId,
    id: doc._id,
    inReplyTo: envelope.nonce,
    received: true,
    duplicate: !stored,
    sentAt: now.toISOString(),
    nonce: newNonce(),
  };
  return signedAnswer(signedJson(receipt, key), res);
}

async function notifyOwners(ctx: Ctx, doc: ReceivedInquiryDoc) {
  const org = doc.asker.organizationName || '—';
  for (const userId of await activeMemberIds([doc.organizationId])) {
    await createNotification(ctx, {
      userId,
      type: INQUIRY_NOTIFICATION,
      title: {
        vi: `Câu hỏi từ ${org} (${doc.partnerName}) về “${doc.listingTitle}”`,
        en: `An inquiry from ${org} (${doc.partnerName}) about “${doc.listingTitle}”`,
      },
      body: {
        vi: `${doc.message}\n\nGửi qua sàn đối tác ${doc.partnerName}${doc.asker.name ? ` bởi ${doc.asker.name}` : ''}.`,
        en: `${doc.message}\n\nSent through the partner exchange ${doc.partnerName}${doc.asker.name ? ` by ${doc.asker.name}` : ''}.`,
      },
      link: '/my/inquiries/received',
      data: {
        inquiryId: doc._id,
        listingId: doc.listingId,
        kind: doc.kind,
        homeExchange: doc.partnerName,
        organizationName: doc.asker.organizationName,
      },
      dedupeKey: `federation-inquiry:${doc._id}:${userId}`,
    }).catch((err: unknown) => logger.warn({ err, userId }, 'an inquiry notice was not created'));
  }
}
