/** The pure rules of inquiries across exchanges (inquiry-rules.ts) and of partner API keys (api-key-rules.ts, api-key-access.ts). */
import assert from 'node:assert/strict';
import { generateSigningKeyPair, keyIdOf, signBody } from '../../server/federation/signing';
import {
  INQUIRY_MAX_ATTEMPTS,
  INQUIRY_RETRY_MAX_MS,
  checkInquiry,
  importedIdParts,
  nextDeliveryAt,
  type InquiryEnvelope,
} from '../../server/federation/inquiry-rules';
import {
  apiKeyMatches,
  apiKeyRecordId,
  bearerToken,
  hashApiKey,
  makeApiKey,
} from '../../server/api-keys/api-key-rules';
import { apiKeyMayCall } from '../../server/common/api-key-access';

const pair = generateSigningKeyPair();
const other = generateSigningKeyPair();
const keyId = keyIdOf(pair.publicKey);
const partner = { keyId, publicKey: pair.publicKey, status: 'active' as const };
const now = new Date('2027-01-10T08:00:00Z');

function envelope(overrides: Partial<InquiryEnvelope> = {}): InquiryEnvelope {
  return {
    type: 'inquiry',
    from: { name: 'Sàn Đà Nẵng', keyId },
    inquiryId: '65a1b2c3d4e5f6a7b8c9d0e1',
    listing: { kind: 'offer', id: '65a1b2c3d4e5f6a7b8c9d0e2' },
    message: 'Xin báo giá chuyển giao',
    asker: { organizationName: 'Công ty Thủy sản Miền Trung', name: 'Trần Thị Bình' },
    sentAt: now.toISOString(),
    nonce: 'n0nce-0123456789abcdef',
    ...overrides,
  };
}

function signed(body: object | string, privateKey = pair.privateKey) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  return { raw, headers: { signature: signBody(raw, privateKey), keyId } };
}

describe('inquiries across exchanges: rules', () => {
  it('trusts an envelope signed by the registered key over the exact bytes, fresh', () => {
    const { raw, headers } = signed(envelope());
    const check = checkInquiry(raw, headers, partner, now);
    assert.equal(check.ok, true);
    assert.equal(check.ok && check.envelope.message, 'Xin báo giá chuyển giao');
    assert.equal(checkInquiry(Buffer.from(raw), headers, partner, now).ok, true, 'a Buffer too');
  });

  it('refuses each thing that does not verify, saying why', () => {
    const { raw, headers } = signed(envelope());
    const reason = (c: ReturnType<typeof checkInquiry>) =>
      c.ok ? 'ok' : `${c.status} ${c.reason.split(':')[0]}`;
    assert.equal(reason(checkInquiry(raw, { keyId }, partner, now)), '401 unsigned');
    assert.equal(reason(checkInquiry(raw, headers, null, now)), '401 unknown key');
    assert.equal(reason(checkInquiry(`${raw} `, headers, partner, now)), '401 bad signature', 'tampered');
    assert.equal(
      reason(checkInquiry(raw, signed(envelope(), other.privateKey).headers, partner, now)),
      '401 bad signature',
    );
    assert.equal(
      reason(checkInquiry(raw, headers, { ...partner, status: 'suspended' }, now)),
      '403 suspended',
    );
    const old = signed(envelope({ sentAt: new Date(now.getTime() - 6 * 60_000).toISOString() }));
    assert.equal(reason(checkInquiry(old.raw, old.headers, partner, now)), '401 expired');
    const notJson = signed('not json');
    assert.equal(reason(checkInquiry(notJson.raw, notJson.headers, partner, now)), '400 malformed');
    const noMessage = signed({ ...envelope(), message: '' });
    assert.equal(reason(checkInquiry(noMessage.raw, noMessage.headers, partner, now)), '400 malformed');
    const otherKey = signed(envelope({ from: { name: 'X', keyId: 'ed25519:0000000000000000' } }));
    assert.equal(reason(checkInquiry(otherKey.raw, otherKey.headers, partner, now)), '401 unknown key');
  });

  it('tries a failed delivery again, waiting twice as long each time, then gives up', () => {
    const at = (n: number) => nextDeliveryAt(n, 30_000, now)!.getTime() - now.getTime();
    assert.deepEqual([at(1), at(2), at(3)], [30_000, 60_000, 120_000]);
    assert.equal(
      nextDeliveryAt(INQUIRY_MAX_ATTEMPTS - 1, 3_600_000, now)!.getTime() - now.getTime(),
      INQUIRY_RETRY_MAX_MS,
    );
    assert.equal(nextDeliveryAt(INQUIRY_MAX_ATTEMPTS, 30_000, now), null);
  });

  it('takes an imported listing’s id apart', () => {
    assert.deepEqual(importedIdParts('65a1b2c3d4e5f6a7b8c9d0e1-demand-abc_1'), {
      partnerId: '65a1b2c3d4e5f6a7b8c9d0e1',
      kind: 'demand',
      remoteId: 'abc_1',
    });
    assert.equal(importedIdParts('65a1b2c3d4e5f6a7b8c9d0e1'), null);
  });
});

describe('partner API keys: rules', () => {
  it('makes keys naming their record, matched against the stored hash only', () => {
    const id = '65a1b2c3d4e5f6a7b8c9d0e1';
    const key = makeApiKey(id);
    assert.match(key, /^tx_65a1b2c3d4e5f6a7b8c9d0e1_[A-Za-z0-9_-]{43}$/);
    assert.equal(apiKeyRecordId(key), id);
    assert.equal(apiKeyRecordId('tx_nope'), null);
    assert.equal(apiKeyMatches(key, hashApiKey(key)), true);
    assert.equal(apiKeyMatches(makeApiKey(id), hashApiKey(key)), false);
    assert.notEqual(makeApiKey(id), key, 'random each time');
  });

  it('reads the bearer token of an Authorization header', () => {
    assert.equal(bearerToken(undefined), undefined);
    assert.equal(bearerToken('Bearer abc'), 'abc');
    assert.equal(bearerToken('bearer abc'), 'abc');
    assert.equal(bearerToken('Basic abc'), null);
    assert.equal(bearerToken('Bearer'), null);
  });

  it('lets a key call only the routes of its scopes', () => {
    assert.equal(apiKeyMayCall(['search'], 'search'), true);
    assert.equal(apiKeyMayCall(['search'], 'listings'), false);
    assert.equal(apiKeyMayCall(['listings', 'search'], undefined), false, 'an unscoped route: never');
  });
});
