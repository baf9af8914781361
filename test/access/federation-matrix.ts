/** The federation routes' entries of the route matrix (route-matrix-table.ts). */
import type { MatrixEntry } from './route-matrix-table';
import type { MatrixRole } from './route-matrix-world';
import { createPartner } from '../../server/federation/partner.store';
import { putImportedListing } from '../../server/federation/imported-listing.store';
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
  'GET /api/federation/listings': { allow: ALL },
  'GET /api/federation/imported/{id}': {
    allow: ALL,
    setup: async () => ({ path: { id: await imported() } }),
  },
  'GET /api/federation/sharing': { allow: MEMBERS },
  'PUT /api/federation/sharing': { allow: MEMBERS, setup: () => ({ path: {}, body: { shared: true } }) },
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
