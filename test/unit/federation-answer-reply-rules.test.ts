/** The pure rules of the asking exchange's signed reply to an answer's delivery (answer-reply-rules.ts). */
import assert from 'node:assert/strict';
import { generateSigningKeyPair, keyIdOf } from '../../server/federation/signing';
import { envelopeHeaders, refusalOf } from '../helpers/envelope-checks';
import { checkAnswerReply, type AnswerReplyEnvelope } from '../../server/federation/answer-reply-rules';
import type { KnownPartner } from '../../server/federation/envelope-rules';

const pair = generateSigningKeyPair();
const keyId = keyIdOf(pair.publicKey);
const partner: KnownPartner = { keyId, publicKey: pair.publicKey, status: 'active' };
const now = new Date('2027-01-10T08:00:00Z');
const delivered = { inquiryId: 'inq-1', answerId: 'answer-0123456789', nonce: 'delivery-nonce-0123456' };
const contact = { name: 'Trần Thị Bình', email: 'binh@example.vn', organizationName: 'Công ty A' };

function reply(overrides: Partial<AnswerReplyEnvelope> = {}): string {
  const value: AnswerReplyEnvelope = {
    type: 'answer-reply',
    from: { name: 'Sàn Đà Nẵng', keyId },
    inquiryId: delivered.inquiryId,
    answerId: delivered.answerId,
    id: delivered.answerId,
    inReplyTo: delivered.nonce,
    received: true,
    duplicate: false,
    askerContact: contact,
    sentAt: now.toISOString(),
    nonce: 'reply-nonce-0123456789',
    ...overrides,
  };
  return JSON.stringify(value);
}

const headers = envelopeHeaders({ privateKey: pair.privateKey, keyId });

const refusal = (
  body: string,
  h: { signature?: string | null; keyId?: string | null },
  p: KnownPartner | null = partner,
) => refusalOf(checkAnswerReply(body, h, p, now, delivered));

describe('federation: the signed reply to an answer’s delivery', () => {
  it('trusts a reply signed by the partner’s key over the exact bytes that answers this very delivery', () => {
    const body = reply();
    const check = checkAnswerReply(body, headers(body), partner, now, delivered);
    assert.ok(check.ok);
    assert.deepEqual(check.ok && check.envelope.askerContact, contact);
  });

  it('refuses an unsigned, tampered, unknown-key, suspended, expired or malformed reply', () => {
    const body = reply();
    assert.match(refusal(body, {}), /^401 unsigned/);
    assert.match(refusal(body.replace('binh@', 'eve@'), headers(body)), /^401 bad signature/);
    const stranger = generateSigningKeyPair();
    assert.match(
      refusal(body, headers(body, stranger.privateKey, keyIdOf(stranger.publicKey)), null),
      /^401 unknown key/,
    );
    assert.match(refusal(body, headers(body), { ...partner, status: 'suspended' }), /^403 suspended/);
    const old = reply({ sentAt: new Date(now.getTime() - 10 * 60_000).toISOString() });
    assert.match(refusal(old, headers(old)), /^401 expired/);
    const noContact = reply({ askerContact: { ...contact, email: 'not-an-email' } });
    assert.match(refusal(noContact, headers(noContact)), /^400 malformed/);
  });

  it('refuses a reply to another delivery (replayed) or naming another inquiry or answer', () => {
    const earlier = reply({ inReplyTo: 'another-nonce-0123456' });
    assert.match(refusal(earlier, headers(earlier)), /^401 replayed/);
    const otherAnswer = reply({ answerId: 'answer-9999999999', id: 'answer-9999999999' });
    assert.match(refusal(otherAnswer, headers(otherAnswer)), /^400 malformed/);
    const otherInquiry = reply({ inquiryId: 'inq-2' });
    assert.match(refusal(otherInquiry, headers(otherInquiry)), /^400 malformed/);
  });
});
