import assert from 'node:assert/strict';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { eventually } from '../helpers/eventually';
import { NotificationModel } from '../../server/notifications/notification.model';
import { startBidNotices } from '../../server/bids/bid-notices';
import { aBid, cast, publishedOffer, type Cast } from './deals-helpers';

describe('bidders hear the owner’s decision', () => {
  let t: TestApp;
  let c: Cast;
  let stop: () => unknown;
  before(async () => {
    t = await createTestApp();
    stop = (await startBidNotices(t.ctx, {} as never)).stop;
  });
  after(() => stop());
  beforeEach(async () => {
    await resetDatabase();
    c = await cast(t.app);
  });

  it('when the owner shortlists, accepts and rejects bids, then each bidder is notified once of its own bid', async () => {
    const offerId = await publishedOffer(c.institute);
    const won = await c.enterprise.agent
      .post(`/api/offers/${offerId}/bids`)
      .send(aBid(300_000_000))
      .expect(201);
    const lost = await c.rival.agent.post(`/api/offers/${offerId}/bids`).send(aBid(250_000_000)).expect(201);
    await c.institute.agent.post(`/api/bids/${won.body.bid.id}/shortlist`).expect(200);
    await c.institute.agent
      .post(`/api/bids/${lost.body.bid.id}/reject`)
      .send({ reason: 'price_too_high' })
      .expect(200);
    await c.institute.agent.post(`/api/bids/${won.body.bid.id}/accept`).expect(201);

    const accepted = await eventually(
      () => NotificationModel.findOne({ userId: c.enterprise.user.id, type: 'bid.accepted' }).lean(),
      'the accepted bidder’s notification',
    );
    assert.match(accepted.title.en, /^Your bid was accepted: Công nghệ xử lý nước thải/);
    assert.equal(accepted.link, '/deals');
    const rejected = await eventually(
      () => NotificationModel.findOne({ userId: c.rival.user.id, type: 'bid.rejected' }).lean(),
      'the rejected bidder’s notification',
    );
    assert.match(rejected.title.vi, /không được chọn/);
    await eventually(
      () => NotificationModel.findOne({ userId: c.enterprise.user.id, type: 'bid.shortlisted' }).lean(),
      'the shortlist notification',
    );
    const enterpriseTypes = (await NotificationModel.find({ userId: c.enterprise.user.id }).lean()).map(
      (n) => n.type,
    );
    assert.deepEqual(enterpriseTypes.sort(), ['bid.accepted', 'bid.shortlisted']);
    assert.equal(await NotificationModel.countDocuments({ userId: c.institute.user.id }), 0);
    assert.equal(await NotificationModel.countDocuments({ userId: c.outsider.user.id }), 0);
  });
});
