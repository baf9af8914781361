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
import { changeSharing, feedAnswer, publicKeyView, sharingOf } from './feed.service';
import {
  changePartnerStatus,
  deletePartner,
  partnerList,
  registerPartner,
  type PartnerInput,
} from './partner.service';
import { pullPartner, readImportedListing } from './import.service';
import type { PartnerStatus } from './partner.store';
import { myInquiries, receiveInquiry, receivedInquiries, sendInquiry } from './inquiry.service';

export function registerFederationRoutes(api: ApiRouter, ctx: AppContext): void {
  const tag = 'federation';
  api.add({
    method: 'get',
    path: '/federation/key',
    tag,
    summary: "This exchange's name and Ed25519 public key, which its feed and inquiries are signed with",
    access: 'public',
    response: keyResponse,
    handler: () => publicKeyView(ctx.config),
  });
  api.add<unknown, { since?: string; limit: number }>({
    method: 'get',
    path: '/federation/listings',
    tag,
    summary:
      'The feed partner exchanges pull: published listings of organizations that share them, and tombstones for those withdrawn, closed or unshared, changed after `since`; signed (Ed25519 over the exact body: headers `X-Federation-Signature`, base64, and `X-Federation-Key-Id`)',
    access: 'public',
    query: feedQuery,
    response: feedResponse,
    handler: ({ query, res }) => feedAnswer(ctx.config, query, res),
  });
  api.add<{ id: string }>({
    method: 'get',
    path: '/federation/imported/:id',
    tag,
    summary:
      'A listing imported from a partner exchange: read-only, with its home exchange and its page there',
    access: 'public',
    apiKeyScope: 'listings',
    params: importedIdParams,
    response: importedListingResponse,
    handler: ({ params }) => readImportedListing(params.id),
  });
  api.add({
    method: 'get',
    path: '/federation/sharing',
    tag,
    summary:
      "Whether your organization's published listings are shared with partner exchanges (off until you opt in)",
    access: 'verified',
    response: sharingResponse,
    handler: ({ user }) => sharingOf(user),
  });
  api.add<unknown, unknown, { shared: boolean }>({
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
  api.add<unknown, unknown, { listingId: string; message: string }>({
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
      'Where partner exchanges deliver inquiries: Ed25519 over the exact body (headers `X-Federation-Signature`, base64, and `X-Federation-Key-Id`), with `sentAt` and a `nonce` in it; anything unsigned, signed by an unregistered or suspended partner, expired or replayed is refused and why recorded on the partner',
    access: 'public',
    contentType: 'application/json',
    status: 201,
    response: inboundInquiryResponse,
    handler: ({ req }) => receiveInquiry(ctx, req),
  });

  api.add<unknown, unknown, PartnerInput>({
    method: 'post',
    path: '/admin/partners',
    tag: 'admin',
    summary:
      'Register a partner exchange: its name, base URL and Ed25519 public key (shown back as a fingerprint)',
    access: ['admin'],
    body: partnerBody,
    status: 201,
    response: partnerResponse,
    handler: async ({ user, body }) => ({ partner: await registerPartner(user, body) }),
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
  api.add<{ id: string }, unknown, { status: PartnerStatus }>({
    method: 'patch',
    path: '/admin/partners/:id',
    tag: 'admin',
    summary: 'Suspend a partner exchange (its feed is no longer pulled) or make it active again',
    access: ['admin'],
    params: partnerIdParams,
    body: partnerStatusBody,
    response: partnerResponse,
    handler: async ({ params, body }) => ({ partner: await changePartnerStatus(params.id, body.status) }),
  });
  api.add<{ id: string }>({
    method: 'delete',
    path: '/admin/partners/:id',
    tag: 'admin',
    summary: 'Remove a partner exchange and every listing imported from it',
    access: ['admin'],
    params: partnerIdParams,
    status: 204,
    handler: ({ params }) => deletePartner(ctx, params.id),
  });
  api.add<{ id: string }>({
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
