import assert from 'node:assert/strict';
import type { Express } from 'express';
import { connectTestDatabase, resetDatabase } from '../helpers/test-app';
import { spawnExchangeProcess, type ExchangeProcess } from '../helpers/exchange-process';
import { startTestExchange } from '../helpers/running-exchange';
import { eventually } from '../helpers/eventually';
import type { Exchange } from '../../server/exchange';
import { OfferModel } from '../../server/offers/offer.model';
import { DemandModel } from '../../server/demands/demand.model';
import { DealModel } from '../../server/deals/deal.model';
import { BidModel } from '../../server/bids/bid.model';
import { JobModel } from '../../server/scheduler/job.model';
import { AuditModel } from '../../server/audit/audit.model';
import { NotificationModel } from '../../server/notifications/notification.model';
import {
  aBid,
  passDeadline,
  auctionOffer,
  cast,
  inOneHour,
  publishedDemand,
  type Cast,
} from './deals-helpers';

/** Closing waits on the scheduler of a whole exchange, so the tests poll longer than usual. */
const patiently = { attempts: 300, intervalMs: 100 };

const closedOffer = (id: string) => async () => {
  const offer = await OfferModel.findById(id).lean();
  return offer?.auction?.closedAt ? offer : null;
};

describe('auctions and calls for proposals close by themselves', function () {
  this.timeout(60_000);
  const running: Exchange[] = [];
  let c: Cast;

  async function start(): Promise<Exchange> {
    const exchange = await startTestExchange();
    running.push(exchange);
    return exchange;
  }
  async function stopAll() {
    while (running.length) await running.pop()!.stop();
  }
  const appOf = (exchange: Exchange) => exchange.httpServer as unknown as Express;

  const processes: ExchangeProcess[] = [];

  before(connectTestDatabase);
  beforeEach(resetDatabase);
  afterEach(stopAll);
  afterEach(async () => {
    while (processes.length) await processes.pop()!.stop();
  });

  it('when two server processes run, the auction closes exactly once: one deal, one timeline entry, one job done', async () => {
    const [a] = await Promise.all([spawnExchangeProcess(), spawnExchangeProcess()]).then((both) => {
      processes.push(...both);
      return both;
    });
    c = await cast(a.url as unknown as Express);
    const offerId = await auctionOffer(c.institute, inOneHour(), 150_000_000);
    await c.enterprise.agent.post(`/api/offers/${offerId}/bids`).send(aBid(160_000_000)).expect(201);
    const top = await c.rival.agent.post(`/api/offers/${offerId}/bids`).send(aBid(180_000_000)).expect(201);
    await passDeadline('offer', offerId);

    const offer = await eventually(closedOffer(offerId), 'the auction to close', patiently);
    const job = await eventually(
      async () => JobModel.findOne({ dedupeKey: `auction.close:${offerId}`, status: 'done' }).lean(),
      'the close job to finish',
      patiently,
    );
    assert.equal(offer.status, 'closed');
    assert.equal(offer.auction?.outcome, 'sold');
    assert.equal(String(offer.auction?.winningBidId), top.body.bid.id);
    assert.equal(await JobModel.countDocuments({ dedupeKey: `auction.close:${offerId}` }), 1);
    assert.equal(job.attempts, 1);
    const deals = await DealModel.find({ offerId }).lean();
    assert.equal(deals.length, 1);
    assert.equal(String(deals[0].buyerOrgId), c.rival.orgId);
    assert.deepEqual(
      deals[0].timeline.map((e) => e.event),
      ['created'],
    );
    assert.equal(deals[0].termSheets[0].price, 180_000_000);
    const statuses = (await BidModel.find({ listingId: offerId }).lean()).map((b) => b.status).sort();
    assert.deepEqual(statuses, ['accepted', 'rejected']);
    assert.equal(await AuditModel.countDocuments({ action: 'auction.close', targetId: offerId }), 1);
    const owner = await c.institute.agent.get(`/api/offers/${offerId}/bids`).expect(200);
    assert.equal(owner.body.bids.length, 2);
    const winner = await c.rival.agent.get(`/api/deals/${String(deals[0]._id)}`).expect(200);
    assert.equal(winner.body.deal.myRole, 'buyer');
    await c.outsider.agent.post(`/api/offers/${offerId}/bids`).send(aBid(999_000_000)).expect(409);
  });

  it('when the highest bid is below the reserve, then nothing is sold, the bids are rejected and the owner is told', async () => {
    const a = await start();
    c = await cast(appOf(a));
    const offerId = await auctionOffer(c.institute, inOneHour(), 500_000_000);
    await c.enterprise.agent.post(`/api/offers/${offerId}/bids`).send(aBid(400_000_000)).expect(201);
    await passDeadline('offer', offerId);

    const offer = await eventually(closedOffer(offerId), 'the auction to close', patiently);
    assert.equal(offer.auction?.outcome, 'reserve_not_met');
    assert.equal(offer.auction?.winningBidId, undefined);
    assert.equal(offer.status, 'closed');
    assert.equal(await DealModel.countDocuments({ offerId }), 0);
    const bids = await BidModel.find({ listingId: offerId }).lean();
    assert.deepEqual(
      bids.map((b) => b.status),
      ['rejected'],
    );
    const notice = await eventually(
      async () => NotificationModel.findOne({ userId: c.institute.user.id, type: 'auction.closed' }).lean(),
      'the owner’s notification',
      patiently,
    );
    assert.match(notice.title.en, /without a sale/);
    const audit = await AuditModel.findOne({ action: 'auction.close', targetId: offerId }).lean();
    assert.equal(audit?.data.outcome, 'reserve_not_met');
  });

  it('when the server was down at the deadline, then the auction closes once it starts again', async () => {
    const first = await start();
    c = await cast(appOf(first));
    const offerId = await auctionOffer(c.institute, inOneHour());
    await c.enterprise.agent.post(`/api/offers/${offerId}/bids`).send(aBid(120_000_000)).expect(201);
    await stopAll();
    await passDeadline('offer', offerId);
    assert.equal((await OfferModel.findById(offerId).lean())?.status, 'published');

    await start();
    const offer = await eventually(closedOffer(offerId), 'the auction to close after the restart', patiently);
    assert.equal(offer.auction?.outcome, 'sold');
    assert.equal(await DealModel.countDocuments({ offerId }), 1);
  });

  it('when a call for proposals reaches its deadline, then proposals unseal for the owner and no more are taken', async () => {
    const a = await start();
    c = await cast(appOf(a));
    const demandId = await publishedDemand(c.enterprise, {
      mode: 'call_for_proposals',
      deadline: inOneHour(),
    });
    await c.institute.agent.post(`/api/demands/${demandId}/proposals`).send(aBid(300_000_000)).expect(201);
    const sealed = await c.enterprise.agent.get(`/api/demands/${demandId}/proposals`).expect(200);
    assert.equal(sealed.body.bids.length, 0);
    await passDeadline('demand', demandId);

    await eventually(
      async () => (await DemandModel.findById(demandId).lean())?.callClosedAt,
      'the call to close',
      patiently,
    );
    const open = await c.enterprise.agent.get(`/api/demands/${demandId}/proposals`).expect(200);
    assert.equal(open.body.bids.length, 1);
    await c.rival.agent.post(`/api/demands/${demandId}/proposals`).send(aBid(100)).expect(409);
    await eventually(
      async () => NotificationModel.findOne({ userId: c.enterprise.user.id, type: 'call.closed' }).lean(),
      'the owner’s notification',
      patiently,
    );
    assert.equal((await DemandModel.findById(demandId).lean())?.status, 'published');
  });

  it('when an auction is published, then its close is scheduled for its closing time', async () => {
    const a = await start();
    c = await cast(appOf(a));
    const closesAt = inOneHour();
    const offerId = await auctionOffer(c.institute, closesAt);
    a.ctx.bus.publish('listing.published', { kind: 'offer', id: offerId });
    const job = await eventually(
      async () => JobModel.findOne({ dedupeKey: `auction.close:${offerId}` }).lean(),
      'the close job',
      patiently,
    );
    assert.equal(job.status, 'pending');
    assert.ok(job.runAt.getTime() >= closesAt.getTime());
  });
});
