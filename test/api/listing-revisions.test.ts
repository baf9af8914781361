import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import type { CommandStartedEvent } from 'mongodb';
import { clearRecordCaches } from '../../server/common/record-cache';
import { rebuildOwnerLists } from '../../server/owner-list-sync';
import { OwnerListModel } from '../../server/read-models/owner-list.model';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { signInAdmin, signUp, type Member } from '../helpers/factories';
import { eventually } from '../helpers/eventually';
import { OfferModel } from '../../server/offers/offer.model';
import { DemandModel } from '../../server/demands/demand.model';
import { NotificationModel } from '../../server/notifications/notification.model';
import { AuditModel } from '../../server/audit/audit.model';
import { anonymous, demandBody, fieldsOf, offerBody, published } from './offers-helpers';
import { aBid, auctionOffer, inOneHour } from './deals-helpers';

const NEW_TITLE = 'Hệ thống lọc khí thải lò hơi đốt sinh khối';

describe('changing a published listing through review', () => {
  let t: TestApp;
  let seller: Member;
  let outsider: Member;
  let admin: Member;

  before(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await resetDatabase();
    await t.ctx.search.clear();
    seller = await signUp(t.app, { kind: 'institute' });
    outsider = await signUp(t.app, { kind: 'enterprise' });
    admin = await signInAdmin(t.app);
  });

  /** The title search shows for the listing, found by `q`. */
  const searchTitle = async (q: string, id: string) => {
    const res = await anonymous(t.app).get('/api/search').query({ q }).expect(200);
    return (res.body.hits as { id: string; title: string }[]).find((h) => h.id === id)?.title;
  };
  const stored = async (id: string) => (await OfferModel.findById(id).lean())!;

  it('when the owner edits a published offer, then the public keeps the published version until an operator approves; then GET and search show the new one', async () => {
    const offer = await published(seller, admin, 'offers', offerBody());
    assert.equal(await searchTitle('nuoc thai thuy san', offer.id), offer.title);

    const edited = await seller.agent.patch(`/api/offers/${offer.id}`).send({ title: NEW_TITLE }).expect(200);
    assert.equal(edited.body.offer.status, 'published');
    assert.equal(edited.body.offer.title, offer.title);
    assert.deepEqual(edited.body.offer.revision.fields, ['title']);
    assert.equal(edited.body.offer.revision.proposed.title, NEW_TITLE);

    // The public (and other organisations) see the published version, without the revision.
    const pub = await anonymous(t.app).get(`/api/offers/${offer.id}`).expect(200);
    assert.equal(pub.body.offer.title, offer.title);
    assert.equal(pub.body.offer.revision, undefined);
    const other = await outsider.agent.get(`/api/offers/${offer.id}`).expect(200);
    assert.equal(other.body.offer.revision, undefined);
    const list = await anonymous(t.app).get('/api/offers').expect(200);
    assert.deepEqual(
      list.body.offers.map((o: { title: string; revision?: unknown }) => [o.title, o.revision]),
      [[offer.title, undefined]],
    );
    assert.notEqual(await searchTitle('khi thai lo hoi sinh khoi', offer.id), NEW_TITLE);
    assert.equal(await searchTitle('nuoc thai thuy san', offer.id), offer.title);

    // The owner sees it pending; the operators' queue lists it.
    const own = await seller.agent.get(`/api/offers/${offer.id}`).expect(200);
    assert.equal(own.body.offer.revision.proposed.title, NEW_TITLE);
    const queue = await admin.agent.get('/api/admin/revisions').expect(200);
    assert.equal(queue.body.total, 1);
    assert.equal(queue.body.revisions[0].id, offer.id);
    assert.equal(queue.body.revisions[0].title, offer.title);
    assert.deepEqual(queue.body.revisions[0].revision.fields, ['title']);
    // It is not a listing awaiting review: the listings' queue is unchanged.
    assert.equal((await admin.agent.get('/api/admin/queue').expect(200)).body.total, 0);

    const approved = await admin.agent
      .post(`/api/admin/offers/${offer.id}/revision/approve`)
      .send({ submittedAt: own.body.offer.revision.submittedAt })
      .expect(200);
    assert.equal(approved.body.offer.title, NEW_TITLE);
    assert.equal(approved.body.offer.status, 'published');
    assert.equal(approved.body.offer.revision, undefined);

    const after = await anonymous(t.app).get(`/api/offers/${offer.id}`).expect(200);
    assert.equal(after.body.offer.title, NEW_TITLE);
    assert.equal(after.body.offer.summary, offer.summary);
    await eventually(
      async () => (await searchTitle('khi thai lo hoi sinh khoi', offer.id)) === NEW_TITLE,
      'search to show the approved title',
    );
    assert.equal((await admin.agent.get('/api/admin/revisions').expect(200)).body.total, 0);
    assert.equal((await stored(offer.id)).revision, undefined);

    const told = await NotificationModel.find({
      userId: seller.user.id,
      type: 'listing.revision_approved',
    }).lean();
    assert.equal(told.length, 1);
    assert.equal(told[0].link, `/offers/${offer.id}`);
    const audit = await AuditModel.find({ targetId: offer.id }).lean();
    assert.deepEqual(
      audit
        .map((a) => a.action)
        .filter((a) => a.startsWith('offer.revis'))
        .sort(),
      ['offer.revise', 'offer.revision_approve'],
    );
  });

  it('when the operator refuses with a reason, then the listing is unchanged, the revision is dropped and the owner is told why', async () => {
    const offer = await published(seller, admin, 'offers', offerBody());
    await seller.agent
      .patch(`/api/offers/${offer.id}`)
      .send({ title: NEW_TITLE, keywords: ['lò hơi'] })
      .expect(200);

    const noReason = await admin.agent
      .post(`/api/admin/offers/${offer.id}/revision/refuse`)
      .send({})
      .expect(400);
    assert.deepEqual(fieldsOf(noReason), ['reason']);
    assert.ok((await stored(offer.id)).revision);

    const refused = await admin.agent
      .post(`/api/admin/offers/${offer.id}/revision/refuse`)
      .send({ reason: 'Tiêu đề không khớp công nghệ' })
      .expect(200);
    assert.equal(refused.body.offer.title, offer.title);
    assert.equal(refused.body.offer.revision, undefined);
    const pub = await anonymous(t.app).get(`/api/offers/${offer.id}`).expect(200);
    assert.equal(pub.body.offer.title, offer.title);
    assert.deepEqual(pub.body.offer.keywords, offer.keywords);
    assert.equal((await admin.agent.get('/api/admin/revisions').expect(200)).body.total, 0);

    const told = await NotificationModel.findOne({
      userId: seller.user.id,
      type: 'listing.revision_refused',
    }).lean();
    assert.ok(told);
    assert.match(told.body!.en, /Tiêu đề không khớp công nghệ/);
    assert.match(told.body!.vi, /Tiêu đề không khớp công nghệ/);
    // Nothing left to decide: a second decision is a conflict.
    await admin.agent.post(`/api/admin/offers/${offer.id}/revision/approve`).expect(409);
  });

  it('when the owner edits again, then the second revision replaces the first; the owner can withdraw it', async () => {
    const offer = await published(seller, admin, 'offers', offerBody());
    const first = await seller.agent.patch(`/api/offers/${offer.id}`).send({ title: NEW_TITLE }).expect(200);
    const second = await seller.agent
      .patch(`/api/offers/${offer.id}`)
      .send({ summary: 'Tóm tắt mới cho bản đã đăng' })
      .expect(200);
    assert.deepEqual(second.body.offer.revision.fields, ['summary']);
    assert.equal(second.body.offer.revision.proposed.title, offer.title);
    const queue = await admin.agent.get('/api/admin/revisions').expect(200);
    assert.equal(queue.body.total, 1);

    // An operator approving the revision they read, replaced meanwhile: 409, nothing applied.
    await admin.agent
      .post(`/api/admin/offers/${offer.id}/revision/approve`)
      .send({ submittedAt: first.body.offer.revision.submittedAt })
      .expect(409);
    assert.equal((await stored(offer.id)).summary, offer.summary);

    await outsider.agent.delete(`/api/offers/${offer.id}/revision`).expect(403);
    const withdrawn = await seller.agent.delete(`/api/offers/${offer.id}/revision`).expect(200);
    assert.equal(withdrawn.body.offer.revision, undefined);
    assert.equal(withdrawn.body.offer.summary, offer.summary);
    assert.equal((await admin.agent.get('/api/admin/revisions').expect(200)).body.total, 0);
    await seller.agent.delete(`/api/offers/${offer.id}/revision`).expect(409);
  });

  it('when someone outside the organisation, an operator or nobody edits a published offer, then 403/401 and nothing is written', async () => {
    const offer = await published(seller, admin, 'offers', offerBody());
    const rev = (await stored(offer.id)).rev;
    await outsider.agent.patch(`/api/offers/${offer.id}`).send({ title: NEW_TITLE }).expect(403);
    await admin.agent.patch(`/api/offers/${offer.id}`).send({ title: NEW_TITLE }).expect(403);
    await anonymous(t.app).patch(`/api/offers/${offer.id}`).send({ title: NEW_TITLE }).expect(401);
    await outsider.agent.patch('/api/offers/0123456789abcdef01234567').send({ title: NEW_TITLE }).expect(404);
    const after = await stored(offer.id);
    assert.equal(after.rev, rev);
    assert.equal(after.revision, undefined);

    // Only operators decide, and only on a pending revision.
    await seller.agent.patch(`/api/offers/${offer.id}`).send({ title: NEW_TITLE }).expect(200);
    await seller.agent.post(`/api/admin/offers/${offer.id}/revision/approve`).expect(403);
    await outsider.agent
      .post(`/api/admin/offers/${offer.id}/revision/refuse`)
      .send({ reason: 'Không' })
      .expect(403);
    await anonymous(t.app).get('/api/admin/revisions').expect(401);
    await seller.agent.get('/api/admin/revisions').expect(403);
    assert.equal((await stored(offer.id)).title, offer.title);
  });

  it('when a change is invalid, then 400 naming the field and nothing is written', async () => {
    const offer = await published(seller, admin, 'offers', offerBody());
    const rev = (await stored(offer.id)).rev;
    const short = await seller.agent.patch(`/api/offers/${offer.id}`).send({ title: 'Abc' }).expect(400);
    assert.deepEqual(fieldsOf(short), ['title']);
    const trl = await seller.agent.patch(`/api/offers/${offer.id}`).send({ trl: 12 }).expect(400);
    assert.deepEqual(fieldsOf(trl), ['trl']);
    // Rules between fields and the completeness a review asks for hold for the revised listing.
    const sub = await seller.agent
      .patch(`/api/offers/${offer.id}`)
      .send({ field: 'medical_health' })
      .expect(400);
    assert.deepEqual(fieldsOf(sub), ['subField']);
    const cleared = await seller.agent.patch(`/api/offers/${offer.id}`).send({ province: null }).expect(400);
    assert.deepEqual(fieldsOf(cleared), ['province']);
    // Nothing that differs from the published version.
    const same = await seller.agent.patch(`/api/offers/${offer.id}`).send({ title: offer.title }).expect(400);
    assert.deepEqual(fieldsOf(same), ['title']);
    const after = await stored(offer.id);
    assert.equal(after.rev, rev);
    assert.equal(after.revision, undefined);
  });

  it('when the owner changes what a published listing keeps (an auction with bids, the NDA, a demand’s mode), then 409 naming the field and nothing is written', async () => {
    const offerId = await auctionOffer(seller, inOneHour(), 150_000_000);
    await outsider.agent.post(`/api/offers/${offerId}/bids`).send(aBid(160_000_000)).expect(201);
    const rev = (await stored(offerId)).rev;
    const pricing = await seller.agent
      .patch(`/api/offers/${offerId}`)
      .send({
        pricing: { model: 'auction', amount: 50_000_000, reservePrice: 60_000_000, closesAt: inOneHour() },
      })
      .expect(409);
    assert.deepEqual(fieldsOf(pricing), ['pricing']);
    const toFixed = await seller.agent
      .patch(`/api/offers/${offerId}`)
      .send({ pricing: { model: 'fixed', amount: 50_000_000 } })
      .expect(409);
    assert.deepEqual(fieldsOf(toFixed), ['pricing']);
    const nda = await seller.agent
      .patch(`/api/offers/${offerId}`)
      .send({ ndaText: 'Điều khoản mới' })
      .expect(409);
    assert.deepEqual(fieldsOf(nda), ['ndaText']);
    const after = await stored(offerId);
    assert.equal(after.rev, rev);
    assert.equal(after.revision, undefined);
    assert.equal(after.pricing!.amount, 100_000_000);

    // Other fields of the same auction may change through review.
    await seller.agent.patch(`/api/offers/${offerId}`).send({ summary: 'Tóm tắt cập nhật' }).expect(200);

    const demand = await published(seller, admin, 'demands', demandBody());
    const mode = await seller.agent
      .patch(`/api/demands/${demand.id}`)
      .send({ mode: 'call_for_proposals', deadline: inOneHour() })
      .expect(409);
    assert.deepEqual(fieldsOf(mode), ['mode']);
    assert.equal((await DemandModel.findById(demand.id).lean())!.revision, undefined);
  });

  it('when operators list the changes awaiting review, then the database is asked for nothing but lookups by _id', async () => {
    const offer = await published(seller, admin, 'offers', offerBody());
    const demand = await published(seller, admin, 'demands', demandBody());
    await seller.agent.patch(`/api/offers/${offer.id}`).send({ title: NEW_TITLE }).expect(200);
    await seller.agent.patch(`/api/demands/${demand.id}`).send({ title: NEW_TITLE }).expect(200);
    clearRecordCaches(); // nothing from a cache: every listing is read
    const asked: { command: string; collection: string; filter: Record<string, unknown> }[] = [];
    const client = mongoose.connection.getClient();
    const listener = (e: CommandStartedEvent) => {
      if (!['find', 'count', 'aggregate', 'distinct'].includes(e.commandName)) return;
      const body = e.command as Record<string, any>;
      asked.push({
        command: e.commandName,
        collection: String(body[e.commandName]),
        filter: body.filter ?? {},
      });
    };
    client.on('commandStarted', listener);
    let res;
    try {
      res = await admin.agent.get('/api/admin/revisions').expect(200);
    } finally {
      client.off('commandStarted', listener);
    }
    // Oldest first: the offer's change was sent first.
    assert.deepEqual(
      res.body.revisions.map((l: { kind: string; id: string }) => [l.kind, l.id]),
      [
        ['offer', offer.id],
        ['demand', demand.id],
      ],
    );
    const listings = asked.filter((a) => ['offers', 'demands', 'owner_lists'].includes(a.collection));
    assert.ok(listings.length > 0);
    assert.deepEqual(
      asked.filter((a) => a.command !== 'find' || !('_id' in a.filter)),
      [],
    );
  });

  it('when the owner lists are lost, then a rebuild puts the pending changes back in the queue', async () => {
    const offer = await published(seller, admin, 'offers', offerBody());
    await seller.agent.patch(`/api/offers/${offer.id}`).send({ title: NEW_TITLE }).expect(200);
    await OwnerListModel.collection.deleteMany({});
    clearRecordCaches(); // written past the store: this process's copies go too
    assert.equal((await admin.agent.get('/api/admin/revisions').expect(200)).body.total, 0);
    await rebuildOwnerLists();
    const queue = await admin.agent.get('/api/admin/revisions').expect(200);
    assert.deepEqual(
      queue.body.revisions.map((l: { id: string }) => l.id),
      [offer.id],
    );
  });

  it('when a demand’s change is approved, then the demand reads as changed; withdrawing the listing drops its pending revision', async () => {
    const demand = await published(seller, admin, 'demands', demandBody());
    await seller.agent
      .patch(`/api/demands/${demand.id}`)
      .send({ budget: { min: 800_000_000, max: 3_000_000_000, currency: 'VND' } })
      .expect(200);
    const queue = await admin.agent.get('/api/admin/revisions').expect(200);
    assert.deepEqual(
      queue.body.revisions.map((l: { kind: string; id: string }) => [l.kind, l.id]),
      [['demand', demand.id]],
    );
    const approved = await admin.agent.post(`/api/admin/demands/${demand.id}/revision/approve`).expect(200);
    assert.equal(approved.body.demand.budget.max, 3_000_000_000);

    await seller.agent.patch(`/api/demands/${demand.id}`).send({ title: NEW_TITLE }).expect(200);
    await seller.agent.delete(`/api/demands/${demand.id}`).expect(200);
    assert.equal((await DemandModel.findById(demand.id).lean())!.revision, undefined);
    assert.equal((await admin.agent.get('/api/admin/revisions').expect(200)).body.total, 0);
  });
});
