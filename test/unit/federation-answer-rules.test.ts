/** The pure rules of owners' answers to inquiries across exchanges (answer-rules.ts, deliveryAfter in inquiry-rules.ts). */
import assert from 'node:assert/strict';
import { generateSigningKeyPair, keyIdOf, signBody } from '../../server/federation/signing';
import {
  ANSWERS_MAX,
  askerContactOf,
  checkAnswer,
  decisionOf,
  receiveAnswerPlan,
  receivedInquiryParts,
  withAnswerDelivery,
  withNewAnswer,
  type AnswerEnvelope,
} from '../../server/federation/answer-rules';
import { INQUIRY_MAX_ATTEMPTS, deliveryAfter } from '../../server/federation/inquiry-rules';
import type { OwnerAnswer } from '../../server/federation/received-inquiry.model';
import type { InquiryDelivery } from '../../server/federation/inquiry.model';

const pair = generateSigningKeyPair();
const keyId = keyIdOf(pair.publicKey);
const partner = { keyId, publicKey: pair.publicKey, status: 'active' as const };
const now = new Date('2027-01-10T08:00:00Z');
const PARTNER_ID = '65a1b2c3d4e5f6a7b8c9d0e1';

function envelope(overrides: Partial<AnswerEnvelope> = {}): AnswerEnvelope {
  return {
    type: 'answer',
    from: { name: 'Sàn Hà Nội', keyId },
    inquiryId: '65a1b2c3d4e5f6a7b8c9d0e2',
    answerId: 'answer-0123456789',
    text: 'Chúng tôi gửi báo giá trong tuần',
    answerer: { organizationName: 'Viện Công nghệ Môi trường', name: 'Lê Văn C' },
    answeredAt: now.toISOString(),
    sentAt: now.toISOString(),
    nonce: 'n0nce-0123456789abcdef',
    ...overrides,
  };
}

function signed(body: object | string, privateKey = pair.privateKey) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  return { raw, headers: { signature: signBody(raw, privateKey), keyId } };
}

function ownerAnswer(
  answerId: string,
  delivery: InquiryDelivery = { state: 'pending', attempts: 0 },
): OwnerAnswer {
  return {
    answerId,
    text: 'Có',
    userId: 'u1',
    name: 'Lê Văn C',
    organizationName: 'Viện',
    answeredAt: now,
    delivery,
  };
}

const delivered: InquiryDelivery = { state: 'delivered', attempts: 1, lastAttemptAt: now, deliveredAt: now };

describe('answers to inquiries across exchanges: rules', () => {
  it('trusts an answer signed by the registered key over the exact bytes, fresh, and refuses the rest, saying why', () => {
    const { raw, headers } = signed(envelope());
    const check = checkAnswer(raw, headers, partner, now);
    assert.equal(check.ok, true);
    assert.equal(check.ok && check.envelope.text, 'Chúng tôi gửi báo giá trong tuần');
    const reason = (c: ReturnType<typeof checkAnswer>) =>
      c.ok ? 'ok' : `${c.status} ${c.reason.split(':')[0]}`;
    assert.equal(reason(checkAnswer(raw, { keyId }, partner, now)), '401 unsigned');
    assert.equal(reason(checkAnswer(raw, headers, null, now)), '401 unknown key');
    assert.equal(
      reason(checkAnswer(raw.replace('tuần', 'tháng'), headers, partner, now)),
      '401 bad signature',
    );
    assert.equal(
      reason(checkAnswer(raw, headers, { ...partner, status: 'suspended' }, now)),
      '403 suspended',
    );
    const late = new Date(now.getTime() + 6 * 60_000);
    assert.equal(reason(checkAnswer(raw, headers, partner, late)), '401 expired');
    const inquiry = signed({ ...envelope(), type: 'inquiry' });
    assert.equal(reason(checkAnswer(inquiry.raw, inquiry.headers, partner, now)), '400 malformed');
    const noText = signed(envelope({ text: '' }));
    assert.equal(reason(checkAnswer(noText.raw, noText.headers, partner, now)), '400 malformed');
    const badContact = signed(
      envelope({ decision: 'accept', contact: { name: 'A', email: 'not-an-email' } }),
    );
    assert.equal(reason(checkAnswer(badContact.raw, badContact.headers, partner, now)), '400 malformed');
    const accepted = signed(envelope({ decision: 'accept', contact: { name: 'A', email: 'a@vien.vn' } }));
    assert.equal(reason(checkAnswer(accepted.raw, accepted.headers, partner, now)), 'ok');
    // Contact details travel only with an acceptance: with a message or a decline they are refused.
    for (const decision of [undefined, 'decline'] as const) {
      const leaked = signed(envelope({ decision, contact: { name: 'A', email: 'a@vien.vn' } }));
      assert.equal(reason(checkAnswer(leaked.raw, leaked.headers, partner, now)), '400 malformed');
    }
    const declined = signed(envelope({ decision: 'decline' }));
    assert.equal(reason(checkAnswer(declined.raw, declined.headers, partner, now)), 'ok');
    const unknownDecision = signed({ ...envelope(), decision: 'maybe' });
    assert.equal(
      reason(checkAnswer(unknownDecision.raw, unknownDecision.headers, partner, now)),
      '400 malformed',
    );
  });

  it('takes a received inquiry id apart, and nothing else', () => {
    assert.deepEqual(receivedInquiryParts(`${PARTNER_ID}:abc_12-3`), {
      partnerId: PARTNER_ID,
      inquiryId: 'abc_12-3',
    });
    assert.equal(receivedInquiryParts('abc:def'), null);
    assert.equal(receivedInquiryParts(`${PARTNER_ID}:`), null);
    assert.equal(receivedInquiryParts(`${PARTNER_ID}:a/b`), null);
  });

  it('adds answers up to ANSWERS_MAX and records one answer’s delivery without touching the others', () => {
    const one = withNewAnswer(undefined, ownerAnswer('a1'));
    assert.ok(Array.isArray(one) && one.length === 1);
    const full = Array.from({ length: ANSWERS_MAX }, (_, i) => ownerAnswer(`a${i}`));
    assert.equal(withNewAnswer(full, ownerAnswer('late')), 'too_many');
    const two = [ownerAnswer('a1'), ownerAnswer('a2')];
    const after = withAnswerDelivery(two, 'a2', delivered)!;
    assert.equal(after[0].delivery.state, 'pending');
    assert.equal(after[1].delivery.state, 'delivered');
    assert.equal(two[1].delivery.state, 'pending', 'the input is not changed');
    assert.equal(withAnswerDelivery(two, 'nope', delivered), null);
  });

  it('takes one decision per inquiry: a second accept or decline is refused, messages still go', () => {
    const message = withNewAnswer(undefined, ownerAnswer('m1'));
    assert.ok(Array.isArray(message));
    assert.equal(decisionOf(message), null);
    const accepted = withNewAnswer(message, { ...ownerAnswer('d1'), decision: 'accept' });
    assert.ok(Array.isArray(accepted));
    assert.equal(decisionOf(accepted), 'accept');
    assert.equal(withNewAnswer(accepted, { ...ownerAnswer('d2'), decision: 'decline' }), 'decided');
    assert.equal(withNewAnswer(accepted, { ...ownerAnswer('d3'), decision: 'accept' }), 'decided');
    const after = withNewAnswer(accepted, ownerAnswer('m2'));
    assert.ok(Array.isArray(after) && after.length === 3);
    assert.equal(decisionOf(after), 'accept');
  });

  it('takes the asker’s contact from the asking exchange’s reply only when it is of the right shape', () => {
    const contact = { name: 'Trần B', email: 'b@asker.vn', organizationName: 'Công ty B' };
    assert.deepEqual(askerContactOf({ received: true, askerContact: contact }), contact);
    assert.deepEqual(askerContactOf({ askerContact: { ...contact, extra: 1 } }), contact);
    assert.equal(askerContactOf({ received: true }), null);
    assert.equal(askerContactOf(null), null);
    assert.equal(askerContactOf('text'), null);
    assert.equal(askerContactOf({ askerContact: { ...contact, email: 'nope' } }), null);
    assert.equal(askerContactOf({ askerContact: { name: 'x' } }), null);
  });

  it('keeps a decision that came back on the asker’s inquiry', () => {
    const inquiry = { partnerId: PARTNER_ID, delivery: delivered, answers: undefined };
    const plan = receiveAnswerPlan(
      inquiry,
      PARTNER_ID,
      envelope({ decision: 'accept', contact: { name: 'A', email: 'a@vien.vn' } }),
      now,
    );
    assert.ok(plan.kind === 'stored');
    assert.equal(plan.answers[0].decision, 'accept');
    assert.deepEqual(plan.answers[0].contact, { name: 'A', email: 'a@vien.vn' });
    const message = receiveAnswerPlan(inquiry, PARTNER_ID, envelope(), now);
    assert.ok(message.kind === 'stored');
    assert.equal('decision' in message.answers[0], false);
  });

  it('keeps a trusted answer once, in answering order, only on an inquiry sent to its signer', () => {
    const inquiry = { partnerId: PARTNER_ID, delivery: delivered, answers: undefined };
    assert.deepEqual(receiveAnswerPlan(inquiry, 'another-partner', envelope(), now), { kind: 'not_ours' });
    const first = receiveAnswerPlan(inquiry, PARTNER_ID, envelope(), now);
    assert.equal(first.kind, 'stored');
    assert.ok(first.kind === 'stored');
    assert.equal(first.delivery, undefined, 'a delivered inquiry stays as it was');
    assert.deepEqual(first.answers[0].answerer, envelope().answerer);
    assert.equal(first.answers[0].contact, undefined);
    assert.deepEqual(first.answers[0].receivedAt, now);
    const held = { ...inquiry, answers: first.answers };
    assert.deepEqual(receiveAnswerPlan(held, PARTNER_ID, envelope({ nonce: 'another-nonce-0123456' }), now), {
      kind: 'duplicate',
    });
    const earlier = envelope({ answerId: 'answer-earlier-01', answeredAt: '2027-01-10T07:00:00.000Z' });
    const second = receiveAnswerPlan(held, PARTNER_ID, earlier, now);
    assert.ok(second.kind === 'stored');
    assert.deepEqual(
      second.answers.map((a) => a.answerId),
      ['answer-earlier-01', 'answer-0123456789'],
    );
  });

  it('an answer proves the inquiry was delivered, when its delivery was not recorded yet', () => {
    const pending: InquiryDelivery = {
      state: 'pending',
      attempts: 1,
      lastAttemptAt: now,
      lastError: 'timeout',
    };
    const plan = receiveAnswerPlan({ partnerId: PARTNER_ID, delivery: pending }, PARTNER_ID, envelope(), now);
    assert.ok(plan.kind === 'stored');
    assert.deepEqual(plan.delivery, {
      state: 'delivered',
      attempts: 1,
      lastAttemptAt: now,
      deliveredAt: now,
    });
  });

  it('plans the delivery after an attempt: delivered, retried with backoff, or given up', () => {
    assert.deepEqual(deliveryAfter({ ok: true }, 1, 1000, now), {
      state: 'delivered',
      attempts: 1,
      lastAttemptAt: now,
      deliveredAt: now,
    });
    const retried = deliveryAfter({ ok: false, error: 'unreachable', final: false }, 2, 1000, now);
    assert.equal(retried.state, 'pending');
    assert.deepEqual(retried.nextAttemptAt, new Date(now.getTime() + 2000));
    assert.equal(retried.lastError, 'unreachable');
    const final = deliveryAfter({ ok: false, error: 'gone', final: true }, 1, 1000, now);
    assert.equal(final.state, 'failed');
    const spent = deliveryAfter({ ok: false, error: 'down', final: false }, INQUIRY_MAX_ATTEMPTS, 1000, now);
    assert.equal(spent.state, 'failed');
  });
});
