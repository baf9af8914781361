import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import request from 'supertest';
import type { CommandStartedEvent } from 'mongodb';
import { rebuildOwnerLists } from '../../server/owner-list-sync';
import { clearRecordCaches } from '../../server/common/record-cache';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { signUp, type Member } from '../helpers/factories';
import { aBid, brokerAgreed, cast, publishedOffer, terms, type Cast } from './deals-helpers';

describe('GET /api/broker/summary', () => {
  let t: TestApp;
  let c: Cast;
  let otherBroker: Member;

  before(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await resetDatabase();
    c = await cast(t.app);
    otherBroker = await signUp(t.app, {
      kind: 'broker_firm',
      role: 'broker',
      orgName: 'Văn phòng Môi giới Khác',
    });
  });

  /** A deal on a new offer of the institute's, opened by the enterprise's bid of `amount`. */
  async function dealFromBid(amount: number, title = 'Công nghệ xử lý nước thải bằng màng sinh học') {
    const offerId = await publishedOffer(c.institute, { title });
    const bid = await c.enterprise.agent.post(`/api/offers/${offerId}/bids`).send(aBid(amount)).expect(201);
    const res = await c.institute.agent.post(`/api/bids/${bid.body.bid.id}/accept`).expect(201);
    return res.body.deal.id as string;
  }

  const summary = (m: Member) => m.agent.get('/api/broker/summary');

  it('lists a proposal to the broker it names only, until the other party agrees; then it is one of my deals', async () => {
    const dealId = await dealFromBid(300_000_000);
    await c.institute.agent
      .post(`/api/deals/${dealId}/broker`)
      .send({ userId: c.broker.user.id })
      .expect(200);

    const mine = (await summary(c.broker).expect(200)).body;
    assert.equal(mine.proposals.length, 1);
    const [p] = mine.proposals;
    assert.equal(p.dealId, dealId);
    assert.equal(p.proposedByRole, 'seller');
    assert.deepEqual(p.proposedBy, { id: c.institute.orgId, name: 'Viện Công nghệ Môi trường' });
    assert.deepEqual(p.otherParty, { id: c.enterprise.orgId, name: 'Công ty Nước Sạch Hà Nội' });
    assert.equal(p.status, 'negotiating');
    assert.deepEqual(mine.deals, []);
    assert.deepEqual((await summary(otherBroker).expect(200)).body.proposals, []);

    // The other party names the same broker: seated, no longer a proposal.
    await c.enterprise.agent
      .post(`/api/deals/${dealId}/broker`)
      .send({ userId: c.broker.user.id })
      .expect(200);
    const seated = (await summary(c.broker).expect(200)).body;
    assert.deepEqual(seated.proposals, []);
    assert.deepEqual(
      seated.deals.map((d: { id: string }) => d.id),
      [dealId],
    );
    assert.equal(seated.deals[0].commission, undefined, 'no commission before terms are agreed');
    assert.deepEqual(seated.commissions, []);
  });

  it('a withdrawn proposal leaves the list', async () => {
    const dealId = await dealFromBid(300_000_000);
    await c.enterprise.agent
      .post(`/api/deals/${dealId}/broker`)
      .send({ userId: c.broker.user.id })
      .expect(200);
    assert.equal((await summary(c.broker).expect(200)).body.proposals[0].proposedByRole, 'buyer');
    await c.enterprise.agent.delete(`/api/deals/${dealId}/broker`).expect(200);
    assert.deepEqual((await summary(c.broker).expect(200)).body.proposals, []);
  });

  it('sums the broker’s commission per deal and per currency as integers, paid as the fee lines are paid', async () => {
    // Agreed at 300,000,000 VND: success fee 2 % = 6,000,000 split 3,000,000 / 3,000,000;
    // the broker's 30 % is 1,800,000: 900,000 from each line.
    const agreedId = await dealFromBid(300_000_000);
    await brokerAgreed(c, agreedId);
    await c.institute.agent.post(`/api/deals/${agreedId}/terms/1/accept`).expect(200);
    const agreed = await c.enterprise.agent.post(`/api/deals/${agreedId}/terms/1/accept`).expect(200);
    assert.equal(agreed.body.deal.status, 'awaiting_payment');
    // A second deal at 100,000,000 VND: 2 % = 2,000,000 (the minimum), commission 600,000, none paid.
    const secondId = await dealFromBid(100_000_000, 'Giống lúa chịu mặn');
    await brokerAgreed(c, secondId);
    await c.institute.agent.post(`/api/deals/${secondId}/terms`).send(terms(100_000_000)).expect(201);
    await c.institute.agent.post(`/api/deals/${secondId}/terms/2/accept`).expect(200);
    await c.enterprise.agent.post(`/api/deals/${secondId}/terms/2/accept`).expect(200);
    // A brokered deal still negotiating earns nothing yet.
    const openId = await dealFromBid(250_000_000, 'Cảm biến IoT');
    await brokerAgreed(c, openId);

    // The buyer pays its line of the first deal by bank transfer, an operator confirms it.
    const started = await c.enterprise.agent
      .post(`/api/deals/${agreedId}/payments`)
      .send({ provider: 'bank_transfer' })
      .expect(201);
    await c.admin.agent.post(`/api/admin/payments/${started.body.payment.id}/confirm`).send({}).expect(200);

    const body = (await summary(c.broker).expect(200)).body;
    assert.equal(body.brokerShareBps, 3000);
    const byId = new Map(body.deals.map((d: { id: string }) => [d.id, d]));
    assert.equal(byId.size, 3);
    assert.deepEqual((byId.get(agreedId) as { commission: unknown }).commission, {
      amount: 1_800_000,
      paid: 900_000,
      due: 900_000,
      currency: 'VND',
    });
    assert.deepEqual((byId.get(secondId) as { commission: unknown }).commission, {
      amount: 600_000,
      paid: 0,
      due: 600_000,
      currency: 'VND',
    });
    assert.equal((byId.get(openId) as { commission?: unknown }).commission, undefined);
    assert.deepEqual(body.commissions, [
      { currency: 'VND', amount: 2_400_000, paid: 900_000, due: 1_500_000, deals: 2 },
    ]);
    for (const c_ of body.commissions)
      for (const k of ['amount', 'paid', 'due']) assert.ok(Number.isInteger(c_[k]));

    // Another broker sees none of it.
    const other = (await summary(otherBroker).expect(200)).body;
    assert.deepEqual(other, { proposals: [], deals: [], commissions: [], brokerShareBps: 3000 });
  });

  it('asks the database by _id only, and owner lists rebuilt from the records give the same summary', async () => {
    const proposedId = await dealFromBid(300_000_000);
    await c.enterprise.agent
      .post(`/api/deals/${proposedId}/broker`)
      .send({ userId: c.broker.user.id })
      .expect(200);
    const agreedId = await dealFromBid(200_000_000, 'Giống lúa chịu mặn');
    await brokerAgreed(c, agreedId);
    await c.institute.agent.post(`/api/deals/${agreedId}/terms/1/accept`).expect(200);
    await c.enterprise.agent.post(`/api/deals/${agreedId}/terms/1/accept`).expect(200);
    const before = (await summary(c.broker).expect(200)).body;
    assert.equal(before.proposals.length, 1);
    assert.equal(before.deals.length, 1);

    clearRecordCaches();
    const asked: { command: string; filter: unknown }[] = [];
    const client = mongoose.connection.getClient();
    const listener = (e: CommandStartedEvent) => {
      const body = e.command as Record<string, any>;
      if (!['find', 'count', 'aggregate', 'distinct'].includes(e.commandName)) return;
      asked.push({ command: e.commandName, filter: body.filter ?? body.query ?? body.pipeline ?? {} });
    };
    client.on('commandStarted', listener);
    try {
      assert.deepEqual((await summary(c.broker).expect(200)).body, before);
    } finally {
      client.off('commandStarted', listener);
    }
    const notById = asked.filter(
      (a) => a.command !== 'find' || !a.filter || typeof a.filter !== 'object' || !('_id' in a.filter),
    );
    assert.deepEqual(notById, []);

    await rebuildOwnerLists();
    clearRecordCaches();
    assert.deepEqual((await summary(c.broker).expect(200)).body, before);
  });

  it('is for brokers only: members and operators 403, signed out 401', async () => {
    for (const m of [c.institute, c.enterprise, c.admin]) {
      const res = await summary(m).expect(403);
      assert.equal(res.body.error.code, 'forbidden');
    }
    await request(t.app).get('/api/broker/summary').expect(401);
  });
});
