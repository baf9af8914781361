/** Every deal carries a human reference, GD-<year>-<6 digits>, unique however many deals open at once. */
import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { eventually } from '../helpers/eventually';
import { signUp } from '../helpers/factories';
import { DealModel } from '../../server/deals/deal.model';
import {
  allocateDealReference,
  formatDealReference,
  referenceYear,
} from '../../server/deals/deal-reference.store';
import { dealReferences } from '../../server/migrations/002-deal-references';
import { NotificationModel } from '../../server/notifications/notification.model';
import { startDealNotices } from '../../server/deals/deal-notices.starter';
import { cast, publishedOffer, type Cast } from './deals-helpers';

const REFERENCE = /^GD-\d{4}-\d{6}$/;

describe('deal reference numbers', () => {
  let t: TestApp;
  let c: Cast;
  let stop: () => unknown;
  before(async () => {
    t = await createTestApp();
    stop = (await startDealNotices(t.ctx, {} as never)).stop;
  });
  after(() => stop());
  beforeEach(async () => {
    await resetDatabase();
    c = await cast(t.app);
  });

  it('are written GD-<year>-<six digits>, in Vietnam’s year', () => {
    assert.equal(formatDealReference(2026, 123), 'GD-2026-000123');
    assert.equal(referenceYear(new Date('2026-12-31T16:59:59Z')), 2026);
    assert.equal(referenceYear(new Date('2026-12-31T17:00:00Z')), 2027);
  });

  it('a new deal has one, shown on the deal, in the deal list and in its notifications', async () => {
    const offerId = await publishedOffer(c.institute);
    const opened = await c.enterprise.agent.post('/api/deals').send({ offerId }).expect(201);
    const { reference } = opened.body.deal;
    assert.match(reference, REFERENCE);
    const shown = await c.institute.agent.get(`/api/deals/${opened.body.deal.id}`).expect(200);
    assert.equal(shown.body.deal.reference, reference);
    const list = await c.enterprise.agent.get('/api/deals').expect(200);
    assert.equal(list.body.deals[0].reference, reference);
    const notice = await eventually(
      () => NotificationModel.findOne({ userId: c.institute.user.id, type: 'deal.opened' }).lean(),
      'the seller’s notification',
    );
    assert.ok(notice.title.vi.includes(reference));
    assert.equal(notice.data.reference, reference);
  });

  it('when many deals open at once, then each gets its own number, with none skipped', async () => {
    const offerId = await publishedOffer(c.institute);
    const buyers = await Promise.all(Array.from({ length: 4 }, () => signUp(t.app, { kind: 'enterprise' })));
    const [opened, allocated] = await Promise.all([
      Promise.all(buyers.map((b) => b.agent.post('/api/deals').send({ offerId }).expect(201))),
      Promise.all(Array.from({ length: 12 }, () => allocateDealReference())),
    ]);
    const references = [...opened.map((r) => r.body.deal.reference as string), ...allocated];
    assert.equal(new Set(references).size, 16);
    const year = referenceYear(new Date());
    const numbers = references.map((r) => Number(r.slice(`GD-${year}-`.length))).sort((a, b) => a - b);
    assert.deepEqual(
      numbers,
      Array.from({ length: 16 }, (_, i) => i + 1),
    );
  });

  it('deals opened before references existed get one from the migration, oldest first, in their year, once', async () => {
    const old = (createdAt: string) => ({
      _id: new mongoose.Types.ObjectId(),
      listingKind: 'offer',
      offerId: new mongoose.Types.ObjectId(),
      listingTitle: 'Công nghệ cũ',
      sellerOrgId: new mongoose.Types.ObjectId(c.institute.orgId),
      buyerOrgId: new mongoose.Types.ObjectId(c.enterprise.orgId),
      status: 'negotiating',
      createdBy: new mongoose.Types.ObjectId(c.enterprise.user.id),
      createdAt: new Date(createdAt),
      updatedAt: new Date(createdAt),
    });
    const later = old('2025-06-01T00:00:00Z');
    const earlier = old('2025-02-01T00:00:00Z');
    const other = old('2024-12-01T00:00:00Z');
    await DealModel.collection.insertMany([later, earlier, other] as never[]);
    await dealReferences.up();
    const referenceOf = async (d: { _id: unknown }) => (await DealModel.findById(d._id).lean())!.reference;
    assert.equal(await referenceOf(earlier), 'GD-2025-000001');
    assert.equal(await referenceOf(later), 'GD-2025-000002');
    assert.equal(await referenceOf(other), 'GD-2024-000001');
    const untouched = await DealModel.findById(later._id).lean();
    assert.equal(untouched!.updatedAt.toISOString(), '2025-06-01T00:00:00.000Z');
    await dealReferences.up();
    assert.equal(await referenceOf(later), 'GD-2025-000002');
  });
});
