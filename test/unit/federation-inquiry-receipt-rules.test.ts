/** The pure rules of the home exchange's signed receipt for an inquiry's delivery (inquiry-receipt-rules.ts). */
import assert from 'node:assert/strict';
import { generateSigningKeyPair, keyIdOf } from '../../server/federation/signing';
import { envelopeHeaders, refusalOf } from '../helpers/envelope-checks';
import {
  checkInquiryReceipt,
  type InquiryReceiptEnvelope,
} from '../../server/federation/inquiry-receipt-rules';
import type { KnownPartner } from '../../server/federation/envelope-rules';

const pair = generateSigningKeyPair();
const keyId = keyIdOf(pair.publicKey);
const partner: KnownPartner = { keyId, publicKey: pair.publicKey, status: 'active' };
const now = new Date('2027-01-10T08:00:00Z');
const delivered = { inquiryId: 'inq-1', nonce: 'delivery-nonce-0123456' };

function receipt(overrides: Partial<InquiryReceiptEnvelope> = {}): string {
  const value: InquiryReceiptEnvelope = {
    type: 'inquiry-receipt',
    from: { name: 'Sàn Hà Nội', keyId },
    inquiryId: delivered.inquiryId,
    id: 'partner-1:inq-1',
    inReplyTo: delivered.nonce,
    received: true,
    duplicate: false,
    sentAt: now.toISOString(),
    nonce: 'receipt-nonce-0123456789',
    ...overrides,
  };
  return JSON.stringify(value);
}

const headers = envelopeHeaders({ privateKey: pair.privateKey, keyId });

const refusal = (
  body: string,
  h: { signature?: string | null; keyId?: string | null },
  p: KnownPartner | null = partner,
) => refusalOf(checkInquiryReceipt(body, h, p, now, delivered));

describe('federation: the signed receipt for an inquiry’s delivery', () => {
  it('trusts a receipt signed by the partner’s key over the exact bytes that answers this very delivery', () => {
    const body = receipt({ duplicate: true });
    const check = checkInquiryReceipt(body, headers(body), partner, now, delivered);
    assert.ok(check.ok);
    assert.equal(check.ok && check.envelope.duplicate, true);
  });

  it('refuses an unsigned, tampered, unknown-key, suspended, expired or malformed receipt', () => {
    const body = receipt();
    assert.match(refusal(body, {}), /^401 unsigned/);
    assert.match(
      refusal(body.replace('"duplicate":false', '"duplicate":true'), headers(body)),
      /^401 bad signature/,
    );
    const stranger = generateSigningKeyPair();
    assert.match(
      refusal(body, headers(body, stranger.privateKey, keyIdOf(stranger.publicKey)), null),
      /^401 unknown key/,
    );
    assert.match(refusal(body, headers(body), { ...partner, status: 'suspended' }), /^403 suspended/);
    const old = receipt({ sentAt: new Date(now.getTime() - 10 * 60_000).toISOString() });
    assert.match(refusal(old, headers(old)), /^401 expired/);
    const notReceived = JSON.stringify({ ...JSON.parse(receipt()), received: false });
    assert.match(refusal(notReceived, headers(notReceived)), /^400 malformed/);
  });

  it('refuses a receipt of another delivery (replayed) or naming another inquiry', () => {
    const earlier = receipt({ inReplyTo: 'another-nonce-0123456' });
    assert.match(refusal(earlier, headers(earlier)), /^401 replayed/);
    const otherInquiry = receipt({ inquiryId: 'inq-2' });
    assert.match(refusal(otherInquiry, headers(otherInquiry)), /^400 malformed/);
  });
});
