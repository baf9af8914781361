/** The federation routes' entries of the route matrix (route-matrix-table.ts). */
import type { MatrixEntry } from './route-matrix-table';
import { make, type MatrixRole, type World } from './route-matrix-world';
import { createPartner } from '../../server/federation/partner.store';
import { putImportedListing } from '../../server/federation/imported-listing.store';
import { putReceivedInquiry, receivedInquiryId } from '../../server/federation/received-inquiry.store';
import { generateSigningKeyPair, keyFingerprint, keyIdOf } from '../../server/federation/signing';
import { createApiKey, newApiKeyId } from '../../server/api-keys/api-key.store';
import { hashApiKey, makeApiKey } from '../../server/api-keys/api-key-rules';

const ALL: readonly MatrixRole[] = ['anonymous', 'otherOrg', 'owner', 'broker', 'expert', 'operator'];
const OPERATOR: readonly MatrixRole[] = ['operator'];
const MEMBERS: readonly MatrixRole[] = ['otherOrg', 'owner', 'broker', 'expert'];

let made = 0;

/** A partner registered straight through its store, at an address where nothing answers. */
async function partner(): Promise<string> {
  const { publicKey } = generateSigningKeyPair();
  const doc = await createPartner({
    name: `Sàn đối tác ${++made}`,
    code: `matrix-${process.pid}-${made}-${Date.now() % 100_000}`,
    baseUrl: 'http://127.0.0.1:9',
    publicKey,
    keyId: keyIdOf(publicKey),
    fingerprint: keyFingerprint(publicKey),
    createdBy: 'matrix',
  });
  return String(doc._id);
}

async function imported(): Promise<string> {
  const partnerId = await partner();
  const id = `${partnerId}-offer-remote${made}`;
  await putImportedListing({
    _id: id,
    partnerId,
    origin: `matrix-${made}`,
    kind: 'offer',
    remoteId: `remote${made}`,
    changedAt: new Date(),
    importedAt: new Date(),
    listing: {
      title: 'Công nghệ của sàn đối tác',
      summary: '',
      body: '',
      keywords: [],
      field: 'engineering_technology',
      trl: 6,
      transferModes: [],
      province: '',
      language: 'vi',
      publishedAt: new Date().toISOString(),
      organizationName: 'Viện đối tác',
    },
  });
  return id;
}

/** An inquiry a partner (where nothing answers) forwarded about a listing of the seller's organization. */
async function receivedInquiry(w: World): Promise<string> {
  const partnerId = await partner();
  const id = receivedInquiryId(partnerId, `inquiry${made}`);
  await putReceivedInquiry({
    _id: id,
    partnerId,
    partnerName: `Sàn đối tác ${made}`,
    kind: 'offer',
    listingId: '65a1b2c3d4e5f6a7b8c9d0e1',
    listingTitle: 'Công nghệ của viện',
    organizationId: w.seller.orgId,
    message: 'Xin báo giá',
    asker: { organizationName: 'Công ty hỏi', name: 'Trần Thị Bình' },
    receivedAt: new Date(),
  });
  return id;
}

/** A partner API key made straight through its store. */
async function apiKey(): Promise<string> {
  const id = newApiKeyId();
  const key = makeApiKey(id);
  await createApiKey({
    _id: id as never,
    name: `Đối tác ${++made}`,
    scopes: ['search'],
    hash: hashApiKey(key),
    prefix: key.slice(0, 30),
    createdBy: 'matrix',
  });
  return id;
}

export const federationRoutes: Record<string, MatrixEntry> = {
  'GET /api/federation/key': { allow: ALL },
  'POST /api/admin/federation/key/rotate': { allow: OPERATOR },
  'GET /api/admin/federation/sharing-default': { allow: OPERATOR },
  'PUT /api/admin/federation/sharing-default': {
    allow: OPERATOR,
    setup: () => ({ path: {}, body: { shared: false } }),
  },
  // Partner exchanges' signed requests and federation-scoped API keys only, never a session:
  // unsigned, it is a 401 for everyone here (test/api/federation-feed-access.test.ts).
  'GET /api/federation/listings': { allow: ALL, alsoOk: [401] },
  'GET /api/federation/imported/{id}': {
    allow: ALL,
    setup: async () => ({ path: { id: await imported() } }),
  },
  'GET /api/federation/sharing': { allow: MEMBERS },
  'PUT /api/federation/sharing': { allow: MEMBERS, setup: () => ({ path: {}, body: { shared: true } }) },
  'GET /api/federation/sharing/listings': { allow: MEMBERS },
  // The listing's organization's administrators (the seller founded it).
  'PUT /api/federation/sharing/listings/{kind}/{id}': {
    allow: ['owner'],
    setup: async (w) => ({ path: { kind: 'offer', id: await make.offer(w) }, body: { shared: false } }),
  },
  'POST /api/admin/partners': {
    allow: OPERATOR,
    setup: () => ({
      path: {},
      body: {
        name: `Sàn mới ${++made}`,
        baseUrl: 'http://127.0.0.1:9',
        publicKey: generateSigningKeyPair().publicKey,
      },
    }),
  },
  // Nothing listens at port 9: the operator is let through and the address refused (400).
  'POST /api/admin/partners/fetch-key': {
    allow: OPERATOR,
    setup: () => ({ path: {}, body: { baseUrl: 'http://127.0.0.1:9' } }),
    alsoOk: [400],
  },
  'GET /api/admin/partners': { allow: OPERATOR },
  'PATCH /api/admin/partners/{id}': {
    allow: OPERATOR,
    setup: async () => ({ path: { id: await partner() }, body: { status: 'suspended' } }),
  },
  'DELETE /api/admin/partners/{id}': {
    allow: OPERATOR,
    setup: async () => ({ path: { id: await partner() } }),
  },
  'POST /api/admin/partners/{id}/pull': {
    allow: OPERATOR,
    setup: async () => ({ path: { id: await partner() } }),
  },
  // Inquiries to a partner's listing: its home exchange (nothing answers there) is tried again later.
  'POST /api/federation/inquiries': {
    allow: MEMBERS,
    setup: async () => ({
      path: {},
      body: { listingId: await imported(), message: 'Xin báo giá chuyển giao' },
    }),
  },
  'GET /api/federation/inquiries': { allow: MEMBERS },
  'GET /api/federation/inquiries/received': { allow: MEMBERS },
  // Verified by the partner's signature, not by a session: an unsigned delivery is a 401 for anyone.
  'POST /api/federation/inbox/inquiries': { allow: ALL, alsoOk: [401] },
  // Answered by members of the listing's organization only; sent back to the asking exchange (nothing answers there: tried again later).
  'POST /api/federation/received-inquiries/{id}/answer': {
    allow: ['owner'],
    setup: async (w) => ({
      path: { id: await receivedInquiry(w) },
      body: { text: 'Chúng tôi sẽ gửi báo giá' },
    }),
  },
  'POST /api/federation/inbox/answers': { allow: ALL, alsoOk: [401] },

  // Partner API keys.
  'POST /api/admin/api-keys': {
    allow: OPERATOR,
    setup: () => ({ path: {}, body: { name: `Đối tác ${++made}`, scopes: ['listings', 'search'] } }),
  },
  'GET /api/admin/api-keys': { allow: OPERATOR },
  'DELETE /api/admin/api-keys/{id}': {
    allow: OPERATOR,
    setup: async () => ({ path: { id: await apiKey() } }),
  },
};
