import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { signInAdmin, signUp } from '../helpers/factories';
import { OfferModel } from '../../server/offers/offer.model';
import { DemandModel } from '../../server/demands/demand.model';
import { DealModel } from '../../server/deals/deal.model';

describe('operator statistics', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  beforeEach(resetDatabase);

  it('when listings, deals and paid fees exist, then the operator sees them counted by field, status and month', async () => {
    const org = new mongoose.Types.ObjectId();
    const user = new mongoose.Types.ObjectId();
    const base = {
      organizationId: org,
      createdBy: user,
      title: 'Công nghệ xử lý nước thải',
      province: 'ha_noi',
    };
    await OfferModel.create([
      { ...base, field: 'engineering_technology', trl: 7, status: 'published' },
      { ...base, field: 'engineering_technology', trl: 5, status: 'draft' },
      { ...base, field: 'agricultural_sciences', trl: 6, status: 'published' },
    ]);
    await DemandModel.create([{ ...base, field: 'medical_health', status: 'published' }]);
    await DealModel.create({
      listingKind: 'offer',
      listingTitle: 'x',
      sellerOrgId: org,
      buyerOrgId: org,
      createdBy: user,
      field: 'engineering_technology',
    });
    await mongoose.connection.db!.collection('payments').insertMany([
      { status: 'paid', amount: 2000000, currency: 'VND', paidAt: new Date() },
      { status: 'paid', amount: 1500, currency: 'USD', paidAt: new Date() },
      { status: 'pending', amount: 999, currency: 'VND' },
    ]);
    const admin = await signInAdmin(t.app);
    const res = await admin.agent.get('/api/admin/stats').expect(200);
    const month = new Date().toISOString().slice(0, 7);
    assert.equal(res.body.offers.total, 3);
    assert.deepEqual(res.body.offers.byField, { engineering_technology: 2, agricultural_sciences: 1 });
    assert.deepEqual(res.body.offers.byStatus, { published: 2, draft: 1 });
    assert.deepEqual(res.body.offers.byMonth, { [month]: 3 });
    assert.equal(res.body.demands.byField.medical_health, 1);
    assert.equal(res.body.deals.byStatus.negotiating, 1);
    assert.deepEqual(res.body.paidFees.byCurrency, { VND: 2000000, USD: 1500 });
    assert.equal(res.body.paidFees.count, 2);
  });

  it('when one deal delivers its milestones and another has completed, then both signed an agreement and one completed its transfer', async () => {
    const org = new mongoose.Types.ObjectId();
    const user = new mongoose.Types.ObjectId();
    const now = new Date();
    const agreedDeal = (status: 'delivering' | 'closed_won', extra: Record<string, unknown> = {}) => ({
      listingKind: 'offer',
      listingTitle: 'x',
      sellerOrgId: org,
      buyerOrgId: org,
      createdBy: user,
      field: 'engineering_technology',
      status,
      agreedVersion: 1,
      latestVersion: 1,
      termSheets: [
        {
          version: 1,
          price: 100_000_000,
          currency: 'VND',
          exclusivity: false,
          milestones: [{ title: 'Bàn giao', amount: 100_000_000 }],
          proposedBy: user,
          proposedByRole: 'seller',
        },
      ],
      timeline: [{ at: now, event: 'agree', from: 'negotiating', to: 'agreed' }],
      ...extra,
    });
    await DealModel.insertMany([
      agreedDeal('delivering', { delivery: [{ n: 1, title: 'Bàn giao', status: 'delivered' }] }),
      agreedDeal('closed_won', {
        delivery: [{ n: 1, title: 'Bàn giao', status: 'accepted' }],
        closedAt: now,
      }),
    ]);
    const admin = await signInAdmin(t.app);
    const res = await admin.agent.get('/api/admin/stats').expect(200);
    const month = now.toISOString().slice(0, 7);
    assert.equal(res.body.transfers.agreementsSigned, 2);
    assert.equal(res.body.transfers.transfersCompleted, 1);
    assert.deepEqual(res.body.transfers.byMonth.at(-1), {
      key: month,
      agreementsSigned: 2,
      transfersCompleted: 1,
    });
    assert.deepEqual(res.body.deals.byStatus, { delivering: 1, closed_won: 1 });
    const open = await admin.agent.get('/api/public/stats').expect(200);
    assert.deepEqual([open.body.totals.agreementsSigned, open.body.totals.transfersCompleted], [2, 1]);
    const none = await admin.agent.get('/api/admin/stats?from=2001-01-01&to=2001-02-01').expect(200);
    assert.deepEqual([none.body.transfers.agreementsSigned, none.body.transfers.transfersCompleted], [0, 0]);
  });

  it('when the range excludes everything, then the counts are zero', async () => {
    const admin = await signInAdmin(t.app);
    const res = await admin.agent.get('/api/admin/stats?from=2001-01-01&to=2001-02-01').expect(200);
    assert.equal(res.body.offers.total, 0);
    assert.equal(res.body.paidFees.count, 0);
  });

  it('when the range is backwards or a member asks, then 400 and 403', async () => {
    const admin = await signInAdmin(t.app);
    const bad = await admin.agent.get('/api/admin/stats?from=2026-02-01&to=2026-01-01').expect(400);
    assert.equal(bad.body.error.details[0].field, 'to');
    const member = await signUp(t.app);
    await member.agent.get('/api/admin/stats').expect(403);
  });
});
