/**
 * The pure rules of who reads the feed and of key rotation: signed requests (request-rules.ts),
 * rotating a key and taking a partner's new one (key-rules.ts), single listings kept back from
 * the feed (feed-rules.ts).
 */
import assert from 'node:assert/strict';
import {
  checkSignature,
  generateSigningKeyPair,
  keyIdOf,
  rotationStatement,
  signRequest,
} from '../../server/federation/signing';
import { checkSignedRequest, requestHeadersProblem } from '../../server/federation/request-rules';
import { keyNamed, planKeyUpdate, planRotation, type PublishedKeys } from '../../server/federation/key-rules';
import {
  cutFeedPage,
  feedEntryOf,
  listingChoiceKey,
  type ShareChoice,
} from '../../server/federation/feed-rules';

const pair = generateSigningKeyPair();
const keyId = keyIdOf(pair.publicKey);
const signer = { keyId, privateKey: pair.privateKey };
const partner = { keyId, publicKey: pair.publicKey, status: 'active' as const };
const now = new Date('2027-01-10T08:00:00Z');
const PATH = '/api/federation/listings?limit=100';
const NONCE = 'n0nce-n0nce-n0nce-1';

function signed(overrides: { method?: string; path?: string; at?: Date; nonce?: string } = {}) {
  const headers = signRequest(
    { method: overrides.method ?? 'GET', pathAndQuery: overrides.path ?? PATH },
    signer,
    overrides.at ?? now,
    overrides.nonce ?? NONCE,
  );
  return {
    signature: headers['x-federation-signature'],
    keyId: headers['x-federation-key-id'],
    timestamp: headers['x-federation-timestamp'],
    nonce: headers['x-federation-nonce'],
  };
}

describe('federation access rules', () => {
  describe('signed requests', () => {
    it('trusts a request signed by the partner over its method, path and query, time and nonce', () => {
      const check = checkSignedRequest(
        { method: 'GET', pathAndQuery: PATH, headers: signed() },
        partner,
        now,
      );
      assert.deepEqual(check, { ok: true, nonce: NONCE });
    });

    it('refuses one signed for another method, path, query, time or nonce', () => {
      const refusedAs = (headers: ReturnType<typeof signed>, method = 'GET', path = PATH) => {
        const check = checkSignedRequest({ method, pathAndQuery: path, headers }, partner, now);
        return check.ok ? 'trusted' : `${check.status} ${check.reason.split(':')[0]}`;
      };
      assert.equal(refusedAs(signed(), 'POST'), '401 bad signature');
      assert.equal(refusedAs(signed(), 'GET', '/api/federation/listings?limit=200'), '401 bad signature');
      assert.equal(refusedAs(signed({ path: '/api/federation/listings' })), '401 bad signature');
      assert.equal(refusedAs({ ...signed(), nonce: 'another-nonce-0001' }), '401 bad signature');
      assert.equal(
        refusedAs({ ...signed(), timestamp: new Date(now.getTime() + 1000).toISOString() }),
        '401 bad signature',
      );
      const other = generateSigningKeyPair();
      const forged = signRequest(
        { method: 'GET', pathAndQuery: PATH },
        { keyId, privateKey: other.privateKey },
        now,
        NONCE,
      );
      assert.equal(
        refusedAs({ ...signed(), signature: forged['x-federation-signature'] }),
        '401 bad signature',
      );
    });

    it('refuses unsigned, malformed, stale, unknown-key and suspended requests, each with its status', () => {
      const reason = (check: ReturnType<typeof checkSignedRequest>) =>
        check.ok ? 'trusted' : `${check.status} ${check.reason.split(':')[0]}`;
      const input = (headers: object) => ({ method: 'GET', pathAndQuery: PATH, headers });
      assert.equal(reason(checkSignedRequest(input({}), partner, now)), '401 unsigned');
      assert.equal(
        reason(checkSignedRequest(input({ ...signed(), signature: null }), partner, now)),
        '401 unsigned',
      );
      assert.equal(
        reason(checkSignedRequest(input({ ...signed(), timestamp: 'yesterday' }), partner, now)),
        '401 malformed',
      );
      assert.equal(
        reason(checkSignedRequest(input({ ...signed(), nonce: 'short' }), partner, now)),
        '401 malformed',
      );
      assert.equal(
        reason(checkSignedRequest(input({ ...signed(), nonce: null }), partner, now)),
        '401 malformed',
      );
      const old = signed({ at: new Date(now.getTime() - 6 * 60_000) });
      assert.equal(reason(checkSignedRequest(input(old), partner, now)), '401 expired');
      const ahead = signed({ at: new Date(now.getTime() + 6 * 60_000) });
      assert.equal(reason(checkSignedRequest(input(ahead), partner, now)), '401 expired');
      const late = signed({ at: new Date(now.getTime() - 4 * 60_000) });
      assert.equal(reason(checkSignedRequest(input(late), partner, now)), 'trusted', 'within the clock skew');
      assert.equal(reason(checkSignedRequest(input(signed()), null, now)), '401 unknown key');
      assert.equal(
        reason(checkSignedRequest(input(signed()), { ...partner, keyId: 'ed25519:0000000000000000' }, now)),
        '401 unknown key',
      );
      assert.equal(
        reason(checkSignedRequest(input(signed()), { ...partner, status: 'suspended' }, now)),
        '403 suspended',
      );
      assert.equal(requestHeadersProblem(signed(), now), null);
    });
  });

  describe('key rotation', () => {
    const next = generateSigningKeyPair();
    const nextId = keyIdOf(next.publicKey);
    const GRACE = 7 * 86_400_000;
    const rotated = planRotation({ ...pair, keyId }, next, GRACE, now);
    const published = (overrides: Partial<PublishedKeys> = {}): PublishedKeys => ({
      keyId: rotated.keyId,
      publicKey: rotated.publicKey,
      previous: {
        keyId: rotated.previous.keyId,
        publicKey: rotated.previous.publicKey,
        expiresAt: rotated.previous.expiresAt.toISOString(),
      },
      endorsement: rotated.endorsement,
      ...overrides,
    });
    const registered = { keyId, publicKey: pair.publicKey };

    it('makes the new key current, retires the previous one after the grace period and has it endorse the new one', () => {
      assert.equal(rotated.keyId, nextId);
      assert.equal(rotated.privateKey, next.privateKey);
      assert.deepEqual(rotated.previous, {
        keyId,
        publicKey: pair.publicKey,
        expiresAt: new Date(now.getTime() + GRACE),
      });
      const statement = rotationStatement({
        keyId: nextId,
        publicKey: next.publicKey,
        previousKeyId: keyId,
        previousExpiresAt: rotated.previous.expiresAt.toISOString(),
      });
      assert.equal(checkSignature(statement, { signature: rotated.endorsement, keyId }, registered), null);
    });

    it('verifies with the current key, and with the previous one until it retires', () => {
      const keys = { keyId: nextId, publicKey: next.publicKey, previousKey: rotated.previous };
      assert.equal(keyNamed(keys, nextId, now)?.publicKey, next.publicKey);
      assert.equal(keyNamed(keys, keyId, new Date(now.getTime() + GRACE - 1))?.publicKey, pair.publicKey);
      assert.equal(keyNamed(keys, keyId, new Date(now.getTime() + GRACE)), null, 'retired');
      assert.equal(keyNamed(keys, 'ed25519:0000000000000000', now), null);
      assert.equal(keyNamed(keys, null, now), null);
      assert.equal(keyNamed(registered, keyId, now)?.keyId, keyId, 'never rotated');
    });

    it('takes a partner’s new key when the registered one endorsed it and has not retired', () => {
      const update = planKeyUpdate(registered, published(), now);
      assert.equal(update.change, 'rotated');
      assert.ok(update.change === 'rotated');
      assert.equal(update.keyId, nextId);
      assert.equal(update.previousKey.keyId, keyId);
      assert.equal(+update.previousKey.expiresAt, now.getTime() + GRACE);
      assert.deepEqual(planKeyUpdate({ keyId: nextId, publicKey: next.publicKey }, published(), now), {
        change: 'none',
      });
    });

    it('refuses a new key the registered one did not endorse, one endorsed too late, and a key that is not what its id says', () => {
      const why = (p: PublishedKeys, at = now) => {
        const u = planKeyUpdate(registered, p, at);
        return u.change === 'refused' ? u.reason.split(':')[0] : u.change;
      };
      assert.equal(why(published({ previous: null, endorsement: null })), 'not endorsed');
      const stranger = generateSigningKeyPair();
      const elsewhere = planRotation({ ...stranger, keyId: keyIdOf(stranger.publicKey) }, next, GRACE, now);
      assert.equal(
        why(published({ endorsement: elsewhere.endorsement })),
        'bad endorsement',
        'endorsed by another key than the registered one',
      );
      const longer = new Date(now.getTime() + 2 * GRACE).toISOString();
      assert.equal(
        why(published({ previous: { ...published().previous!, expiresAt: longer } })),
        'bad endorsement',
        'the retirement it endorsed cannot be pushed back',
      );
      assert.equal(why(published(), new Date(now.getTime() + GRACE)), 'expired');
      assert.equal(why(published({ keyId: 'ed25519:0000000000000000' })), 'malformed');
      assert.equal(why(published({ publicKey: 'not a key' })), 'malformed');
      const other = generateSigningKeyPair();
      assert.equal(
        why(published({ previous: { ...published().previous!, keyId: keyIdOf(other.publicKey) } })),
        'not endorsed',
      );
    });
  });

  describe('single listings kept back from the feed', () => {
    const at = (iso: string) => new Date(iso);
    const listing = (id: string, updatedAt = '2027-01-02T00:00:00Z') => ({
      kind: 'offer' as const,
      id,
      organizationId: 'org1',
      status: 'published',
      publishedAt: at('2027-01-01T00:00:00Z'),
      updatedAt: at(updatedAt),
    });
    const shares = new Map<string, ShareChoice>([
      ['org1', { shared: true, changedAt: at('2027-01-01T00:00:00Z') }],
    ]);

    it('sends a kept-back listing as a tombstone, at the time of its choice, and the listing again once shared again', () => {
      const kept = new Map<string, ShareChoice>([
        [listingChoiceKey('offer', 'a'), { shared: false, changedAt: at('2027-01-05T00:00:00Z') }],
      ]);
      const entry = feedEntryOf(listing('a'), shares, kept);
      assert.equal(entry?.type, 'tombstone');
      assert.equal(entry?.at, +at('2027-01-05T00:00:00Z'));
      assert.equal(feedEntryOf(listing('b'), shares, kept)?.type, 'listing', 'the others stay');
      const again = new Map<string, ShareChoice>([
        [listingChoiceKey('offer', 'a'), { shared: true, changedAt: at('2027-01-06T00:00:00Z') }],
      ]);
      assert.deepEqual(
        {
          type: feedEntryOf(listing('a'), shares, again)?.type,
          at: feedEntryOf(listing('a'), shares, again)?.at,
        },
        { type: 'listing', at: +at('2027-01-06T00:00:00Z') },
      );
      const unshared = new Map([['org1', { shared: false, changedAt: at('2027-01-01T00:00:00Z') }]]);
      assert.equal(
        feedEntryOf(listing('a'), unshared, again)?.type,
        'tombstone',
        'the organization’s choice first',
      );
      assert.equal(
        feedEntryOf({ ...listing('a'), organizationId: 'org2' }, shares, kept),
        null,
        'an organization that never shared sends nothing',
      );
    });

    it('moves a listing kept back after a cursor into the next page', () => {
      const listings = [listing('a'), listing('b', '2027-01-03T00:00:00Z')];
      const first = cutFeedPage(listings, shares, null, 10);
      assert.deepEqual(
        first.entries.map((e) => [e.type, e.id]),
        [
          ['listing', 'a'],
          ['listing', 'b'],
        ],
      );
      const since = first.entries.at(-1)!;
      const kept = new Map<string, ShareChoice>([
        [listingChoiceKey('offer', 'a'), { shared: false, changedAt: at('2027-01-04T00:00:00Z') }],
      ]);
      const next = cutFeedPage(listings, shares, since, 10, kept);
      assert.deepEqual(
        next.entries.map((e) => [e.type, e.id]),
        [['tombstone', 'a']],
      );
    });
  });
});
