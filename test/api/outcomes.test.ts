/**
 * Why things end: rejecting a bid, walking away and cancelling take a reason from the short list
 * (and a note if wished); operators read them counted by reason and field (`GET /api/admin/outcomes`).
 */
import assert from 'node:assert/strict';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { aBid, cast, publishedOffer, type Cast } from './deals-helpers';
import { markStatsRollupsStale } from '../../server/stats';
import { BidModel } from '../../server/bids/bid.model';
import { DealModel } from '../../server/deals/deal.model';

describe('outcome reasons', function () {
  this.timeout(60_000);
  let t: TestApp;
  let c: Cast;

  before(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await resetDatabase();
    c = await cast(t.app);
  });

  const bidOn = async (field = 'engineering_technology') => {
    const offerId = await publishedOffer(c.institute, { field });
    return (await c.enterprise.agent.post(`/api/offers/${offerId}/bids`).send(aBid()).expect(201)).body.bid
      .id as string;
  };
  const dealOn = async (field = 'engineering_technology') => {
    const offerId = await publishedOffer(c.institute, { field });
    return (await c.enterprise.agent.post('/api/deals').send({ offerId }).expect(201)).body.deal.id as string;
  };

  it('when a bid is rejected without a reason or with one not on the list, then 400 names reason and the bid is unchanged', async () => {
    const bidId = await bidOn();
    const none = await c.institute.agent.post(`/api/bids/${bidId}/reject`).expect(400);
    assert.deepEqual(
      none.body.error.details.map((d: { field: string }) => d.field),
      ['reason'],
    );
    const odd = await c.institute.agent
      .post(`/api/bids/${bidId}/reject`)
      .send({ reason: 'too_pricey' })
      .expect(400);
    assert.equal(odd.body.error.details[0].field, 'reason');
    const stored = (await BidModel.findById(bidId).lean())!;
    assert.equal(stored.status, 'submitted');
    assert.equal(stored.outcome, undefined);
  });

  it('when a bid is rejected with a reason and a note, then the bid shows them', async () => {
    const bidId = await bidOn();
    const rejected = await c.institute.agent
      .post(`/api/bids/${bidId}/reject`)
      .send({ reason: 'trl_too_low', note: '  Cần mẫu thử ở quy mô pilot  ' })
      .expect(200);
    assert.equal(rejected.body.bid.status, 'rejected');
    assert.equal(rejected.body.bid.outcome.reason, 'trl_too_low');
    assert.equal(rejected.body.bid.outcome.note, 'Cần mẫu thử ở quy mô pilot');
  });

  it('when a party walks away without a reason, then 400 and the deal still negotiates; with one, it ends with the reason shown', async () => {
    const dealId = await dealOn();
    const refused = await c.enterprise.agent.post(`/api/deals/${dealId}/walk-away`).send({}).expect(400);
    assert.equal(refused.body.error.details[0].field, 'reason');
    assert.equal((await DealModel.findById(dealId).lean())!.status, 'negotiating');
    const walked = await c.enterprise.agent
      .post(`/api/deals/${dealId}/walk-away`)
      .send({ reason: 'ip_unclear' })
      .expect(200);
    assert.equal(walked.body.deal.status, 'closed_lost');
    assert.deepEqual(
      [walked.body.deal.outcome.reason, walked.body.deal.outcome.note],
      ['ip_unclear', undefined],
    );
  });

  it('when a deal is cancelled with a reason code, then it is kept as given; with words of one’s own, as "other" with the words', async () => {
    const coded = await dealOn();
    const a = await c.enterprise.agent
      .post(`/api/deals/${coded}/cancel`)
      .send({ reason: 'timing', note: 'Dời sang năm sau' })
      .expect(200);
    assert.deepEqual([a.body.deal.outcome.reason, a.body.deal.outcome.note], ['timing', 'Dời sang năm sau']);
    assert.equal(a.body.deal.cancelReason, 'Dời sang năm sau');
    const worded = await dealOn();
    const b = await c.enterprise.agent
      .post(`/api/deals/${worded}/cancel`)
      .send({ reason: 'Đổi kế hoạch' })
      .expect(200);
    assert.deepEqual([b.body.deal.outcome.reason, b.body.deal.outcome.note], ['other', 'Đổi kế hoạch']);
    assert.equal(b.body.deal.cancelReason, 'Đổi kế hoạch');
  });

  it('when operators read the outcomes, then each reason is counted by field as it happened; a rebuild agrees; members may not read them', async () => {
    const plan = [
      { kind: 'reject', field: 'engineering_technology', reason: 'price_too_high' },
      { kind: 'reject', field: 'engineering_technology', reason: 'price_too_high' },
      { kind: 'reject', field: 'agricultural_sciences', reason: 'trl_too_low' },
      { kind: 'walk', field: 'engineering_technology', reason: 'terms' },
      { kind: 'cancel', field: 'agricultural_sciences', reason: 'timing' },
      { kind: 'cancel', field: 'agricultural_sciences', reason: 'Hết ngân sách' }, // words: other
    ];
    for (const step of plan) {
      if (step.kind === 'reject') {
        const bidId = await bidOn(step.field);
        await c.institute.agent.post(`/api/bids/${bidId}/reject`).send({ reason: step.reason }).expect(200);
      } else {
        const dealId = await dealOn(step.field);
        const path = step.kind === 'walk' ? 'walk-away' : 'cancel';
        await c.enterprise.agent
          .post(`/api/deals/${dealId}/${path}`)
          .send({ reason: step.reason })
          .expect(200);
      }
    }
    // A shortlist and a bid rejected by nobody count nothing.
    await c.institute.agent.post(`/api/bids/${await bidOn()}/shortlist`).expect(200);

    const read = async () => (await c.admin.agent.get('/api/admin/outcomes').expect(200)).body;
    const answer = await read();
    assert.deepEqual(answer.rejections, {
      total: 3,
      byReason: { price_too_high: 2, trl_too_low: 1 },
      byField: [
        { field: 'engineering_technology', total: 2, byReason: { price_too_high: 2 } },
        { field: 'agricultural_sciences', total: 1, byReason: { trl_too_low: 1 } },
      ],
    });
    assert.deepEqual(answer.walkAways, {
      total: 1,
      byReason: { terms: 1 },
      byField: [{ field: 'engineering_technology', total: 1, byReason: { terms: 1 } }],
    });
    assert.deepEqual(answer.cancellations, {
      total: 2,
      byReason: { timing: 1, other: 1 },
      byField: [{ field: 'agricultural_sciences', total: 2, byReason: { timing: 1, other: 1 } }],
    });

    await markStatsRollupsStale();
    const rebuilt = await read();
    assert.deepEqual(
      [rebuilt.rejections, rebuilt.walkAways, rebuilt.cancellations],
      [answer.rejections, answer.walkAways, answer.cancellations],
    );
    await c.enterprise.agent.get('/api/admin/outcomes').expect(403);
  });
});
