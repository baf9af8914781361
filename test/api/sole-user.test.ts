/**
 * An exchange that is its database's only user (locks in memory, as `npm start` runs on its
 * embedded database) keeps what its stores last wrote: a bid then reads neither its listing nor
 * the listing's award and close from the database, and a notice changes its reader's list without
 * reading it back. What it keeps follows every write it makes: a technology awarded here refuses
 * the next bid at once.
 */
import assert from 'node:assert/strict';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { createMemoryLocks } from '../../server/common/memory-locks';
import { useLockBackend } from '../../server/common/store';
import { BidModel } from '../../server/bids/bid.model';
import { DealModel } from '../../server/deals/deal.model';
import { NotificationModel } from '../../server/notifications/notification.model';
import { watchCommands } from '../helpers/command-watch';
import { eventually } from '../helpers/eventually';
import { startDealNotices } from '../../server/deals/deal-notices.starter';
import { aBid, cast, publishedOffer, terms, type Cast } from './deals-helpers';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function notices(count: number): Promise<void> {
  for (let i = 0; i < 250 && (await NotificationModel.countDocuments({ type: 'bid.received' })) < count; i++)
    await sleep(20);
}

async function bidNoticesListed(member: Cast['institute']): Promise<number> {
  const listed = await member.agent.get('/api/notifications').expect(200);
  return listed.body.notifications.filter((n: { type: string }) => n.type === 'bid.received').length;
}

describe('the database’s only user (locks in memory)', function () {
  let t: TestApp;
  let c: Cast;
  let stop: () => void | Promise<void>;
  before(async () => {
    t = await createTestApp();
    useLockBackend(createMemoryLocks());
    stop = (await startDealNotices(t.ctx, {} as never)).stop;
  });
  after(async () => {
    await stop();
    useLockBackend(null);
  });
  beforeEach(async () => {
    await resetDatabase();
    c = await cast(t.app);
  });

  it('when a second bid is placed, then the listing, its award and close and the owner’s notice list are not read from the database', async () => {
    const offerId = await publishedOffer(c.institute);
    await c.enterprise.agent.post(`/api/offers/${offerId}/bids`).send(aBid(200_000_000)).expect(201);
    // The notice is stored before its owner's list takes it (the list's first write here reads it
    // once): the second bid is watched only once the owner's list shows the first notice.
    await eventually(async () => (await bidNoticesListed(c.institute)) === 1, 'the first notice listed');
    const watch = watchCommands();
    try {
      const placed = await c.rival.agent
        .post(`/api/offers/${offerId}/bids`)
        .send(aBid(210_000_000))
        .expect(201);
      assert.equal(placed.body.bid.amount, 210_000_000);
      await notices(2);
    } finally {
      watch.stop();
    }
    const reads = watch.asked.filter((a) => a.command === 'find').map((a) => a.collection);
    assert.deepEqual(
      reads.filter((name) => ['offers', 'claims', 'owner_lists'].includes(name)),
      [],
      `asked: ${reads.join(', ')}`,
    );
    await eventually(async () => (await bidNoticesListed(c.institute)) === 2, 'both notices listed');
  });

  it('when terms are proposed again, then the deal is planned on as last written, not read back, and each version is kept', async () => {
    const offerId = await publishedOffer(c.institute);
    const dealId = (await c.enterprise.agent.post('/api/deals').send({ offerId }).expect(201)).body.deal.id;
    await c.institute.agent.post(`/api/deals/${dealId}/terms`).send(terms(300_000_000)).expect(201);
    const watch = watchCommands();
    try {
      await c.enterprise.agent.post(`/api/deals/${dealId}/terms`).send(terms(280_000_000)).expect(201);
    } finally {
      watch.stop();
    }
    const dealReads = watch.asked.filter((a) => a.command === 'find' && a.collection === 'deals');
    assert.deepEqual(dealReads, []);
    const deal = (await DealModel.findById(dealId).lean())!;
    assert.deepEqual(
      deal.termSheets.map((s: { version: number; price: number }) => [s.version, s.price]),
      [
        [1, 300_000_000],
        [2, 280_000_000],
      ],
    );
  });

  it('when an operator confirms a transfer, then the payment and its deal are each read from the database once at most', async () => {
    const offerId = await publishedOffer(c.institute);
    const dealId = (await c.enterprise.agent.post('/api/deals').send({ offerId }).expect(201)).body.deal.id;
    await c.institute.agent.post(`/api/deals/${dealId}/terms`).send(terms(300_000_000)).expect(201);
    await c.enterprise.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
    await c.institute.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
    const started = await c.enterprise.agent
      .post(`/api/deals/${dealId}/payments`)
      .send({ provider: 'bank_transfer' })
      .expect(201);
    const watch = watchCommands();
    try {
      const confirmed = await c.admin.agent
        .post(`/api/admin/payments/${started.body.payment.id}/confirm`)
        .send({ note: 'Đã nhận chuyển khoản' })
        .expect(200);
      assert.equal(confirmed.body.payment.status, 'paid');
    } finally {
      watch.stop();
    }
    const byId = (name: string) =>
      watch.asked.filter(
        (a) => a.command === 'find' && a.collection === name && '_id' in (a.filter as object),
      );
    assert.ok(byId('payments').length <= 1, `payments read ${byId('payments').length} times`);
    assert.ok(byId('deals').length <= 1, `deals read ${byId('deals').length} times`);
  });

  it('when an operator confirms a transfer, then the deal, its payments and the month’s statistics are not read back from the database', async () => {
    const offerId = await publishedOffer(c.institute);
    const dealId = (await c.enterprise.agent.post('/api/deals').send({ offerId }).expect(201)).body.deal.id;
    await c.institute.agent.post(`/api/deals/${dealId}/terms`).send(terms(300_000_000)).expect(201);
    await c.enterprise.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
    await c.institute.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
    const started = await c.enterprise.agent
      .post(`/api/deals/${dealId}/payments`)
      .send({ provider: 'bank_transfer' })
      .expect(201);
    const before = await c.admin.agent.get('/api/admin/stats').expect(200);
    const watch = watchCommands();
    try {
      await c.admin.agent
        .post(`/api/admin/payments/${started.body.payment.id}/confirm`)
        .send({ note: 'Đã nhận chuyển khoản' })
        .expect(200);
      await sleep(200);
    } finally {
      watch.stop();
    }
    const reads = watch.asked.filter((a) => a.command === 'find').map((a) => a.collection);
    assert.deepEqual(
      reads.filter((name) => ['deals', 'payments', 'stats_rollups'].includes(name)),
      [],
      `asked: ${reads.join(', ')}`,
    );
    const after = await c.admin.agent.get('/api/admin/stats').expect(200);
    assert.notDeepEqual(after.body, before.body, 'the paid fee is counted in the statistics');
  });

  it('when the technology is sold through a direct deal after a bid was checked, then the next bid is refused and none is written', async () => {
    const offerId = await publishedOffer(c.institute, {
      pricing: { model: 'fixed', amount: 300_000_000, currency: 'VND' },
    });
    await c.rival.agent.post(`/api/offers/${offerId}/bids`).send(aBid(300_000_000)).expect(201);
    const dealId = (await c.enterprise.agent.post('/api/deals').send({ offerId }).expect(201)).body.deal.id;
    await c.institute.agent.post(`/api/deals/${dealId}/terms`).send(terms(300_000_000)).expect(201);
    await c.enterprise.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
    const agreed = await c.institute.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
    assert.equal(agreed.body.deal.status, 'awaiting_payment');
    const refused = await c.outsider.agent
      .post(`/api/offers/${offerId}/bids`)
      .send(aBid(320_000_000))
      .expect(409);
    assert.match(refused.body.error.message, /already been awarded/);
    assert.equal(await BidModel.countDocuments({ amount: 320_000_000 }), 0);
  });
});
