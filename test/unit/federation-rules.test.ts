/** The pure rules of federation: signatures (signing.ts), the feed's order and paging (feed-rules.ts), trusting and planning an import (import-rules.ts). */
import assert from 'node:assert/strict';
import {
  canonicalPublicKey,
  checkSignature,
  generateSigningKeyPair,
  keyFingerprint,
  keyIdOf,
  signBody,
} from '../../server/federation/signing';
import {
  cutFeedPage,
  decodeCursor,
  encodeCursor,
  feedEntryOf,
  type FeedListing,
  type FeedPage,
  type FeedPlace,
  type ShareChoice,
} from '../../server/federation/feed-rules';
import {
  MAX_CLOCK_SKEW_MS,
  checkFeedPage,
  homeUrl,
  importedPageVisible,
  importedSearchDoc,
  listedImported,
  partnerCodeFrom,
  partnerListed,
  planImport,
  type FeedBody,
} from '../../server/federation/import-rules';

const pair = generateSigningKeyPair();
const other = generateSigningKeyPair();
const partner = { keyId: keyIdOf(pair.publicKey), publicKey: pair.publicKey };
const now = new Date('2027-01-10T08:00:00Z');

const listing = {
  title: 'Công nghệ xử lý nước thải',
  summary: 'Xử lý nước thải chăn nuôi',
  body: 'Mô tả',
  keywords: ['nước thải'],
  field: 'engineering_technology',
  trl: 7,
  transferModes: ['license_non_exclusive'],
  province: 'ha_noi',
  price: 500_000_000,
  currency: 'VND' as const,
  language: 'vi' as const,
  publishedAt: '2027-01-01T00:00:00.000Z',
  organizationName: 'Viện Công nghệ Môi trường',
};

function page(overrides: Partial<FeedBody> = {}): FeedBody {
  return {
    exchange: { name: 'Sàn Đà Nẵng', keyId: partner.keyId },
    since: null,
    next: 'abc',
    more: false,
    generatedAt: now.toISOString(),
    items: [{ type: 'listing', kind: 'offer', id: 'a1', changedAt: '2027-01-02T00:00:00.000Z', listing }],
    ...overrides,
  };
}

describe('federation rules', () => {
  describe('signatures', () => {
    it('verifies a body signed by the registered key, byte for byte', () => {
      const body = JSON.stringify(page());
      const signature = signBody(body, pair.privateKey);
      assert.equal(checkSignature(body, { signature, keyId: partner.keyId }, partner), null);
      assert.equal(checkSignature(`${body} `, { signature, keyId: partner.keyId }, partner), 'bad_signature');
      assert.equal(checkSignature(body, { signature: null, keyId: partner.keyId }, partner), 'unsigned');
      assert.equal(checkSignature(body, { signature, keyId: 'ed25519:other' }, partner), 'unknown_key');
      const forged = signBody(body, other.privateKey);
      assert.equal(
        checkSignature(body, { signature: forged, keyId: partner.keyId }, partner),
        'bad_signature',
      );
      assert.equal(
        checkSignature(body, { signature: 'bm90IGEgc2lnbmF0dXJl', keyId: partner.keyId }, partner),
        'bad_signature',
      );
    });

    it('names a key by its fingerprint, whatever the PEM’s spacing', () => {
      assert.match(keyIdOf(pair.publicKey), /^ed25519:[0-9a-f]{16}$/);
      assert.notEqual(keyIdOf(pair.publicKey), keyIdOf(other.publicKey));
      assert.match(keyFingerprint(pair.publicKey), /^([0-9a-f]{4}:){15}[0-9a-f]{4}$/);
      const messy = `\n  ${pair.publicKey.replace(/\n/g, '\r\n')}  `;
      assert.equal(canonicalPublicKey(messy), pair.publicKey);
      assert.equal(canonicalPublicKey('not a key'), null);
      assert.equal(canonicalPublicKey(pair.privateKey.replace(/PRIVATE/g, 'PUBLIC')), null);
    });
  });

  describe('the feed', () => {
    const shares = new Map<string, ShareChoice>([
      ['org1', { shared: true, changedAt: new Date('2027-01-01T00:00:00Z') }],
      ['org2', { shared: false, changedAt: new Date('2027-01-05T00:00:00Z') }],
    ]);
    const l = (id: string, org: string, status: string, updated: string, published = true): FeedListing => ({
      kind: 'offer',
      id,
      organizationId: org,
      status,
      publishedAt: published ? new Date('2026-12-01T00:00:00Z') : null,
      updatedAt: new Date(updated),
    });

    it('sends published listings of sharing organizations, tombstones for the rest, nothing for the never-shared or never-published', () => {
      assert.equal(feedEntryOf(l('a', 'org1', 'published', '2027-01-02T00:00:00Z'), shares)?.type, 'listing');
      assert.equal(
        feedEntryOf(l('b', 'org1', 'withdrawn', '2027-01-02T00:00:00Z'), shares)?.type,
        'tombstone',
      );
      const unshared = feedEntryOf(l('c', 'org2', 'published', '2027-01-02T00:00:00Z'), shares);
      assert.equal(unshared?.type, 'tombstone');
      assert.equal(
        unshared?.at,
        Date.parse('2027-01-05T00:00:00Z'),
        'changed when the organization stopped sharing',
      );
      assert.equal(feedEntryOf(l('d', 'org3', 'published', '2027-01-02T00:00:00Z'), shares), null);
      assert.equal(feedEntryOf(l('e', 'org1', 'draft', '2027-01-02T00:00:00Z', false), shares), null);
    });

    it('pages in the order of change, each cursor resuming after the last entry, without loss or repeat', () => {
      const listings = Array.from({ length: 7 }, (_, i) =>
        l(`id${i}`, 'org1', i % 3 ? 'published' : 'closed', `2027-01-0${(i % 3) + 2}T00:00:00Z`),
      );
      const seen: string[] = [];
      let since: FeedPlace | null = null;
      for (let n = 0; n < 10; n++) {
        const p: FeedPage<FeedListing> = cutFeedPage(listings, shares, since, 3);
        seen.push(...p.entries.map((e) => e.id));
        since = p.next ? decodeCursor(p.next) : null;
        if (!p.more) break;
      }
      assert.equal(seen.length, 7);
      assert.equal(new Set(seen).size, 7);
      const last = cutFeedPage(listings, shares, since, 3);
      assert.deepEqual(last.entries, []);
      assert.equal(last.more, false);
      assert.deepEqual(decodeCursor(last.next!), since, 'an empty page answers the cursor it was asked');
    });

    it('refuses cursors it did not make', () => {
      const c = encodeCursor({ at: 5, kind: 'demand', id: 'x_1' });
      assert.deepEqual(decodeCursor(c), { at: 5, kind: 'demand', id: 'x_1' });
      assert.equal(decodeCursor('bm9wZQ'), null);
      assert.equal(decodeCursor('$$$'), null);
    });
  });

  describe('importing', () => {
    const signed = (body: FeedBody | string, key = pair.privateKey) => {
      const raw = typeof body === 'string' ? body : JSON.stringify(body);
      return { raw, headers: { signature: signBody(raw, key), keyId: partner.keyId } };
    };

    it('trusts a fresh page signed by the registered key that answers the cursor asked for', () => {
      const { raw, headers } = signed(page());
      const check = checkFeedPage(raw, headers, partner, null, now);
      assert.ok(check.ok);
    });

    it('refuses a tampered, unsigned, foreign, replayed, stale or malformed page, saying why', () => {
      const reason = (
        raw: string,
        headers: { signature?: string | null; keyId?: string | null },
        since: string | null = null,
      ) => {
        const c = checkFeedPage(raw, headers, partner, since, now);
        return c.ok ? 'trusted' : c.reason.split(':')[0];
      };
      const good = signed(page());
      assert.equal(reason(good.raw.replace('nước thải', 'nuoc thai'), good.headers), 'bad signature');
      assert.equal(reason(good.raw, { signature: null, keyId: null }), 'unsigned');
      assert.equal(reason(good.raw, { ...good.headers, keyId: 'ed25519:0000000000000000' }), 'unknown key');
      const foreign = signed(page(), other.privateKey);
      assert.equal(reason(foreign.raw, foreign.headers), 'bad signature');
      assert.equal(reason(good.raw, good.headers, 'someCursor'), 'replayed');
      const old = signed(page({ generatedAt: new Date(+now - MAX_CLOCK_SKEW_MS - 1000).toISOString() }));
      assert.equal(reason(old.raw, old.headers), 'expired');
      const bad = signed('{"items": 3}');
      assert.equal(reason(bad.raw, bad.headers), 'malformed');
    });

    it('plans the latest state of each listing: stored copies with their origin, tombstones removed', () => {
      const body = page({
        items: [
          { type: 'listing', kind: 'offer', id: 'a1', changedAt: '2027-01-02T00:00:00.000Z', listing },
          { type: 'tombstone', kind: 'offer', id: 'a1', changedAt: '2027-01-03T00:00:00.000Z' },
          { type: 'listing', kind: 'demand', id: 'b2', changedAt: '2027-01-02T00:00:00.000Z', listing },
        ],
      });
      const pid = 'aaaaaaaaaaaaaaaaaaaaaaaa';
      const plan = planImport({ id: pid, code: 'san-da-nang' }, body, now);
      assert.deepEqual(plan.remove, [`${pid}-offer-a1`]);
      assert.equal(plan.put.length, 1);
      assert.equal(plan.put[0]._id, `${pid}-demand-b2`);
      const doc = importedSearchDoc(plan.put[0]);
      assert.equal(doc.origin, 'san-da-nang');
      assert.equal(doc.id, `${pid}-demand-b2`);
      assert.equal(doc.price, 500_000_000);
    });

    it('makes partner codes and home links', () => {
      assert.equal(partnerCodeFrom('Sàn giao dịch công nghệ Đà Nẵng'), 'san-giao-dich-cong-nghe-da-nang');
      assert.equal(partnerCodeFrom('Local'), 'partner');
      assert.equal(homeUrl('https://dn.example.vn/', 'offer', 'x1'), 'https://dn.example.vn/offers/x1');
    });
  });

  describe('a suspended partner’s listings', () => {
    const active = { _id: 'p1', status: 'active' as const };
    const suspended = { _id: 'p2', status: 'suspended' as const };

    it('are listed (searched and matched) only while the partner is active', () => {
      assert.equal(partnerListed(active), true);
      assert.equal(partnerListed(suspended), false);
    });

    it('have pages shown to anyone while the partner is active, to operators alone while suspended', () => {
      assert.equal(importedPageVisible(active, null), true);
      assert.equal(importedPageVisible(active, { role: 'member' }), true);
      assert.equal(importedPageVisible(suspended, null), false);
      assert.equal(importedPageVisible(suspended, { role: 'member' }), false);
      assert.equal(importedPageVisible(suspended, { role: 'broker' }), false);
      assert.equal(importedPageVisible(suspended, { role: 'admin' }), true);
    });

    it('stay out of a rebuilt index, as do copies of a partner no longer held', () => {
      const docs = [
        { _id: 'a', partnerId: 'p1' },
        { _id: 'b', partnerId: 'p2' },
        { _id: 'c', partnerId: 'gone' },
      ];
      assert.deepEqual(
        listedImported(docs, [active, suspended]).map((d) => d._id),
        ['a'],
      );
      assert.deepEqual(listedImported(docs, []), []);
    });
  });
});
