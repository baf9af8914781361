import assert from 'node:assert/strict';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { DealModel } from '../../server/deals/deal.model';
import { clearRecordCaches } from '../../server/common/record-cache';
import { dealFeeLines, DEFAULT_FEE_SCHEDULE } from '../../server/fees';
import { MAX_TERM_SHEET_VERSIONS } from '../../server/deals/term-sheet-rules';
import { cast, publishedOffer, terms, type Cast } from './deals-helpers';

describe('term sheets carry the whole value, in the listing’s currency, in a bounded number of versions', () => {
  let t: TestApp;
  let c: Cast;
  let dealId: string;
  before(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await resetDatabase();
    c = await cast(t.app);
    const offerId = await publishedOffer(c.institute);
    dealId = (await c.enterprise.agent.post('/api/deals').send({ offerId }).expect(201)).body.deal.id;
  });

  const stored = async () => {
    clearRecordCaches();
    const deal = (await DealModel.findById(dealId).lean())!;
    return { versions: deal.termSheets.length, timeline: deal.timeline.length };
  };

  it('when the price is 0 and the value sits in milestones, then 400 names milestones and no version is added', async () => {
    const before = await stored();
    const res = await c.institute.agent
      .post(`/api/deals/${dealId}/terms`)
      .send(terms(0, { milestones: [{ title: 'Chuyển giao', amount: 900_000_000 }] }))
      .expect(400);
    assert.equal(res.body.error.code, 'validation_failed');
    assert.deepEqual(
      res.body.error.details.map((d: { field: string }) => d.field),
      ['milestones'],
    );
    assert.deepEqual(await stored(), before);
  });

  it('when the currency is not the listing’s, then 400 names currency and no version is added', async () => {
    const before = await stored();
    const res = await c.institute.agent
      .post(`/api/deals/${dealId}/terms`)
      .send(terms(10_000, { currency: 'USD', milestones: [] }))
      .expect(400);
    assert.deepEqual(
      res.body.error.details.map((d: { field: string }) => d.field),
      ['currency'],
    );
    assert.deepEqual(await stored(), before);
  });

  it('when milestones add up to the price, then the version is taken, nothing is owed on signing, and the fee on the whole price falls due milestone by milestone', async () => {
    const milestones = [
      { title: 'Đợt 1', amount: 200_000_000 },
      { title: 'Đợt 2', amount: 300_000_000 },
    ];
    await c.institute.agent
      .post(`/api/deals/${dealId}/terms`)
      .send(terms(500_000_000, { milestones }))
      .expect(201);
    await c.institute.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
    const agreed = await c.enterprise.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
    assert.equal(agreed.body.deal.status, 'delivering');
    const owed = async () => {
      const fees = await c.enterprise.agent.get(`/api/deals/${dealId}/fees`).expect(200);
      return fees.body.fees.reduce((sum: number, f: { amount: number }) => sum + f.amount, 0);
    };
    assert.equal(await owed(), 0);
    for (const n of [1, 2]) {
      await c.institute.agent
        .post(`/api/deals/${dealId}/milestones/${n}/deliver`)
        .send({ note: 'Giao' })
        .expect(200);
      await c.enterprise.agent.post(`/api/deals/${dealId}/milestones/${n}/accept`).expect(200);
    }
    assert.equal(await owed(), 10_000_000); // 2 % of 500,000,000
  });

  it('a stored term sheet whose milestones exceed its price owes the fee on the milestones', () => {
    const lines = dealFeeLines(
      {
        agreedVersion: 1,
        termSheets: [{ version: 1, price: 0, currency: 'VND', milestones: [{ amount: 900_000_000 }] }],
        delivery: [{ n: 1, status: 'accepted' }],
      },
      DEFAULT_FEE_SCHEDULE,
    );
    assert.equal(
      lines.reduce((sum, l) => sum + l.amount, 0),
      18_000_000,
    );
  });

  it(`when a deal already holds ${MAX_TERM_SHEET_VERSIONS} versions, then another is refused with 409 naming the limit and nothing is written`, async () => {
    const sheet = {
      ...terms(1000, { milestones: [] }),
      proposedBy: c.institute.user.id,
      proposedByRole: 'seller',
    };
    const sheets = Array.from({ length: MAX_TERM_SHEET_VERSIONS }, (_, i) => ({ ...sheet, version: i + 1 }));
    await DealModel.updateOne(
      { _id: dealId },
      { $set: { termSheets: sheets, latestVersion: MAX_TERM_SHEET_VERSIONS } },
    );
    const before = await stored();
    const res = await c.institute.agent.post(`/api/deals/${dealId}/terms`).send(terms(2000)).expect(409);
    assert.match(res.body.error.message, new RegExp(`at most ${MAX_TERM_SHEET_VERSIONS}`));
    assert.deepEqual(await stored(), before);
  });
});
