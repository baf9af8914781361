import type { ApiRouter } from '../common/api-router';
import type { AppContext } from '../context';
import {
  feedQuery,
  feedResponse,
  importedIdParams,
  importedListingResponse,
  inboundInquiryResponse,
  inquiryBody,
  inquiryListResponse,
  inquiryResponse,
  keyResponse,
  partnerBody,
  partnerIdParams,
  partnerListResponse,
  partnerResponse,
  partnerStatusBody,
  pullResponse,
  receivedInquiryListResponse,
  sharingBody,
  sharingResponse,
} from './federation.schemas';
import { changeSharing, feedAnswer, sharingOf } from './feed.service';
import { changeSharingDefault, sharingDefaultView } from './sharing-default.service';
import { sharingDefaultBody, sharingDefaultResponse } from './federation.schemas';
import { publicKeyView, rotateKey } from './identity.service';
import { feedReadersOnly } from './feed-access';
import { changeListingSharing, listingSharingList } from './listing-sharing.service';
import {
  listingSharingBody,
  listingSharingListResponse,
  listingSharingParams,
  listingSharingResponse,
} from './federation.schemas';
import { changePartnerStatus, deletePartner, partnerList, registerPartner } from './partner.service';
import { pullPartner, readImportedListing } from './import.service';
import { myInquiries, receiveInquiry, receivedInquiries, sendInquiry } from './inquiry.service';
import {
  answerBody,
  inboundAnswerResponse,
  receivedInquiryIdParams,
  receivedInquiryResponse,
} from './federation.schemas';
import { answerReceivedInquiry, receiveAnswer } from './answer.service';
import { partnerKeyFetchBody, partnerKeyFetchResponse } from './federation.schemas';
import { fetchKeyForConfirmation } from './partner-keys.service';

export function registerFederationRoutes(api: ApiRouter, ctx: AppContext): void {
  const tag = 'federation';
  api.add({
    method: 'get',
    path: '/federation/key',
    tag,
    summary:
      "This exchange's name and Ed25519 public key, which its feed, feed requests and inquiries are signed with; after a rotation also the previous key, valid until it expires, and its endorsement of the current one",
    access: 'public',
    response: keyResponse,
    handler: () => publicKeyView(ctx.config),
  });
  api.add({
    method: 'post',
    path: '/admin/federation/key/rotate',
    tag: 'admin',
    summary:
      'Rotate the exchange’s signing key: a new key signs from now on, the previous one still verifies for FEDERATION_KEY_GRACE_MS and endorses the new one so that partners take it when they meet its id (audited)',
    access: ['admin'],
    response: keyResponse,
    handler: ({ user }) => rotateKey(ctx.config, user),
  });
  api.add({
    method: 'get',
    path: '/admin/federation/sharing-default',
    tag: 'admin',
    summary:
      "The operator's default for sharing: whether the published listings of organizations that have not chosen are shared with partner exchanges (not until set)",
    access: ['admin'],
    response: sharingDefaultResponse,
    handler: () => sharingDefaultView(),
  });
  api.add({
    method: 'put',
    path: '/admin/federation/sharing-default',
    tag: 'admin',
    summary:
      "Set the operator's default for sharing, which organizations that have not chosen follow: the feed then serves their listings, or tombstones for them (audited)",
    access: ['admin'],
    body: sharingDefaultBody,
    response: sharingDefaultResponse,
    handler: ({ user, body }) => changeSharingDefault(user, body.shared),
  });
  api.add({
    method: 'get',
    path: '/federation/listings',
    tag,
    summary:
      'The feed partner exchanges pull: published listings of organizations that share them, and tombstones for those withdrawn, closed, unshared or kept back, changed after `since`; signed (Ed25519 over the exact body: headers `X-Federation-Signature`, base64, and `X-Federation-Key-Id`). Partners only: a request signed by a registered, active partner exchange (headers `X-Federation-Signature`, `X-Federation-Key-Id`, `X-Federation-Timestamp`, `X-Federation-Nonce`) or an API key with the `federation` scope; anything else is a 401 (a suspended partner a 403)',
    access: 'public',
    partnerSignature: true,
    apiKeyScope: 'federation',
    before: [feedReadersOnly],
    query: feedQuery,
    response: feedResponse,
    handler: ({ query, res }) => feedAnswer(ctx.config, query, res),
  });
  api.add({
    method: 'get',
    path: '/federation/imported/:id',
    tag,
    summary:
      'A listing imported from a partner exchange: read-only, with its home exchange and its page there; 404 while its home exchange is suspended here (but to operators)',
    access: 'public',
    apiKeyScope: 'listings',
    params: importedIdParams,
    response: importedListingResponse,
    handler: ({ params, maybeUser }) => readImportedListing(params.id, maybeUser),
  });
  api.add({
    method: 'get',
    path: '/federation/sharing',
    tag,
    summary:
      "Whether your organization's published listings are shared with partner exchanges (the operator's default until you choose; off when none is set)",
    access: 'verified',
    response: sharingResponse,
    handler: ({ user }) => sharingOf(user),
  });
  api.add({
    method: 'put',
    path: '/federation/sharing',
    tag,
    summary:
      "Share your organization's published listings with partner exchanges, or stop (they then send tombstones)",
    access: 'verified',
    body: sharingBody,
    response: sharingResponse,
    handler: ({ user, body }) => changeSharing(user, body.shared),
  });
  api.add({
    method: 'get',
    path: '/federation/sharing/listings',
    tag,
    summary:
      "Your organization's listings with a sharing choice of their own (a listing kept back from partner exchanges, or shared again); the others follow the organization's choice",
    access: 'verified',
    response: listingSharingListResponse,
    handler: ({ user }) => listingSharingList(user),
  });
  api.add({
    method: 'put',
    path: '/federation/sharing/listings/:kind/:id',
    tag,
    summary:
      "Keep one of your organization's listings back from partner exchanges (`shared: false`: it goes out as a tombstone) or share it again; your organization's administrators only",
    access: 'verified',
    params: listingSharingParams,
    body: listingSharingBody,
    response: listingSharingResponse,
    handler: ({ user, params, body }) => changeListingSharing(user, params.kind, params.id, body.shared),
  });
  api.add({
    method: 'post',
    path: '/federation/inquiries',
    tag,
    summary:
      "Ask about a listing imported from a partner exchange: the inquiry is forwarded, signed, to its home exchange, which tells the listing's owner; delivery is tried again until it succeeds or is given up",
    access: 'verified',
    body: inquiryBody,
    status: 201,
    response: inquiryResponse,
    handler: ({ user, body }) => sendInquiry(ctx, user, body),
  });
  api.add({
    method: 'get',
    path: '/federation/inquiries',
    tag,
    summary:
      "Your organization's inquiries to partner exchanges, newest first, with where each delivery stands",
    access: 'verified',
    response: inquiryListResponse,
    handler: ({ user }) => myInquiries(user),
  });
  api.add({
    method: 'get',
    path: '/federation/inquiries/received',
    tag,
    summary:
      "Inquiries members of partner exchanges sent about your organization's listings, with the asking organization and its home exchange",
    access: 'verified',
    response: receivedInquiryListResponse,
    handler: ({ user }) => receivedInquiries(user),
  });
  api.add({
    method: 'post',
    path: '/federation/inbox/inquiries',
    tag,
    summary:
      'Where partner exchanges deliver inquiries: Ed25519 over the exact body (headers `X-Federation-Signature`, base64, and `X-Federation-Key-Id`), with `sentAt` and a `nonce` in it; anything unsigned, signed by an unregistered or suspended partner, expired or replayed is refused and why recorded on the partner. The receipt is signed too (headers `X-Federation-Signature`, `X-Federation-Key-Id` over the exact body) and names the delivery it answers (`inReplyTo`: its nonce); the asking exchange counts the inquiry delivered only on such a receipt',
    access: 'public',
    contentType: 'application/json',
    status: 201,
    response: inboundInquiryResponse,
    handler: ({ req, res }) => receiveInquiry(ctx, req, res),
  });
  api.add({
    method: 'post',
    path: '/federation/received-inquiries/:id/answer',
    tag,
    summary:
      "Answer an inquiry a partner exchange forwarded about your organization's listing (members of its organization only; several answers make a thread): the answer is sent back, signed, to the asking exchange, which tells the asker; delivery is tried again until it succeeds or is given up. `decision` accept sends your name and email and brings the asker’s back; decline sends no contact; once per inquiry (409 after)",
    access: 'verified',
    params: receivedInquiryIdParams,
    body: answerBody,
    status: 201,
    response: receivedInquiryResponse,
    handler: ({ user, params, body }) => answerReceivedInquiry(ctx, user, params.id, body),
  });
  api.add({
    method: 'post',
    path: '/federation/inbox/answers',
    tag,
    summary:
      'Where the home exchange of an inquiry sent from here delivers its owner’s answers: signed as inquiries are (Ed25519 over the exact body, `sentAt` and a `nonce` in it); only an answer to an inquiry sent to that very exchange is kept, once, and the asker told; anything else is refused and why recorded on the partner. The reply is signed too (headers `X-Federation-Signature`, `X-Federation-Key-Id` over the exact body), names the delivery it answers (`inReplyTo`: its nonce) and, to an acceptance, carries the asker’s contact',
    access: 'public',
    contentType: 'application/json',
    status: 201,
    response: inboundAnswerResponse,
    handler: ({ req, res }) => receiveAnswer(ctx, req, res),
  });

  api.add({
    method: 'post',
    path: '/admin/partners',
    tag: 'admin',
    summary:
      'Register a partner exchange: its name, base URL and Ed25519 public key (shown back as a fingerprint)',
    access: ['admin'],
    body: partnerBody,
    status: 201,
    response: partnerResponse,
    handler: async ({ user, body }) => ({ partner: await registerPartner(ctx.config, user, body) }),
  });
  api.add({
    method: 'post',
    path: '/admin/partners/fetch-key',
    tag: 'admin',
    summary:
      'Ask the exchange at a base URL for its name and public key (its `GET /api/federation/key`, 5 s at most, no redirects), with the key id and fingerprint computed here, for the operator to confirm before registering it; nothing is stored. 400 naming `baseUrl` when it cannot be reached or gives no Ed25519 key',
    access: ['admin'],
    body: partnerKeyFetchBody,
    response: partnerKeyFetchResponse,
    handler: ({ body }) => fetchKeyForConfirmation(body.baseUrl),
  });
  api.add({
    method: 'get',
    path: '/admin/partners',
    tag: 'admin',
    summary: 'The registered partner exchanges, with where the import of each one’s feed stands',
    access: ['admin'],
    response: partnerListResponse,
    handler: () => partnerList(),
  });
  api.add({
    method: 'patch',
    path: '/admin/partners/:id',
    tag: 'admin',
    summary:
      'Suspend a partner exchange (its feed is no longer pulled, its imported listings are neither searched nor matched and their pages answer operators alone) or make it active again (they are found again, without a pull)',
    access: ['admin'],
    params: partnerIdParams,
    body: partnerStatusBody,
    response: partnerResponse,
    handler: async ({ params, body }) => ({
      partner: await changePartnerStatus(ctx, params.id, body.status),
    }),
  });
  api.add({
    method: 'delete',
    path: '/admin/partners/:id',
    tag: 'admin',
    summary: 'Remove a partner exchange and every listing imported from it',
    access: ['admin'],
    params: partnerIdParams,
    status: 204,
    handler: ({ params }) => deletePartner(ctx, params.id),
  });
  api.add({
    method: 'post',
    path: '/admin/partners/:id/pull',
    tag: 'admin',
    summary:
      "Pull the partner's feed now from where the last pull stopped; a page whose signature does not verify is refused, nothing of it stored, and the reason recorded",
    access: ['admin'],
    params: partnerIdParams,
    response: pullResponse,
    handler: async ({ params }) => {
      const pull = await pullPartner(ctx, params.id);
      return {
        pull: {
          at: pull.at.toISOString(),
          ok: pull.ok,
          ...(pull.reason ? { reason: pull.reason } : {}),
          imported: pull.imported,
          removed: pull.removed,
        },
      };
    },
  });
}
