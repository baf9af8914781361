import assert from 'node:assert/strict';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { signInAdmin, signUp, type Member } from '../helpers/factories';
import { DemandModel } from '../../server/demands/demand.model';
import { anonymous, demandBody, draft, fieldsOf, inDays, published, submitted } from './offers-helpers';

describe('technology demands', () => {
  let t: TestApp;
  let buyer: Member;
  let admin: Member;
  before(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await resetDatabase();
    buyer = await signUp(t.app, { kind: 'enterprise', orgName: 'Công ty Nông sản Đồng Tháp' });
    admin = await signInAdmin(t.app);
  });

  it('when a member drafts a demand, then it is stored as a draft with its budget and mode', async () => {
    const res = await buyer.agent.post('/api/demands').send(demandBody()).expect(201);
    const demand = res.body.demand;
    assert.equal(demand.kind, 'demand');
    assert.equal(demand.status, 'draft');
    assert.equal(demand.organization.id, buyer.orgId);
    assert.deepEqual(demand.budget, { min: 500_000_000, max: 2_000_000_000, currency: 'VND' });
    assert.equal(demand.minTrl, 6);
    assert.equal(demand.mode, 'open');
    assert.equal(demand.problem, demandBody().problem);
    assert.equal(demand.deadline, undefined);
  });

  it('when someone who is not signed in drafts a demand, then 401', async () => {
    await anonymous(t.app).post('/api/demands').send(demandBody()).expect(401);
  });

  it('when the budget minimum is above the maximum, then 400 names budget.min and nothing is stored', async () => {
    const res = await buyer.agent
      .post('/api/demands')
      .send(demandBody({ budget: { min: 3_000_000_000, max: 1_000_000_000, currency: 'VND' } }))
      .expect(400);
    assert.deepEqual(fieldsOf(res), ['budget.min']);
    assert.equal(await DemandModel.countDocuments({}), 0);
  });

  it('when values are bad, then 400 names each field', async () => {
    const res = await buyer.agent
      .post('/api/demands')
      .send(
        demandBody({
          minTrl: 0,
          mode: 'auction',
          budget: { min: 1.5, max: -1, currency: 'JPY' },
          deadline: 'next week',
        }),
      )
      .expect(400);
    const fields = fieldsOf(res);
    for (const f of ['minTrl', 'mode', 'budget.min', 'budget.max', 'budget.currency', 'deadline'])
      assert.ok(fields.includes(f), `${f} in ${fields}`);
  });

  it('when a call for proposals has no deadline, or one in the past, then 400 names deadline', async () => {
    const none = await buyer.agent
      .post('/api/demands')
      .send(demandBody({ mode: 'call_for_proposals' }))
      .expect(400);
    assert.deepEqual(fieldsOf(none), ['deadline']);
    const past = await buyer.agent
      .post('/api/demands')
      .send(demandBody({ mode: 'call_for_proposals', deadline: inDays(-2) }))
      .expect(400);
    assert.deepEqual(fieldsOf(past), ['deadline']);
    assert.equal(await DemandModel.countDocuments({}), 0);
  });

  it('when a call for proposals has a future deadline, then it is drafted with it', async () => {
    const deadline = inDays(20);
    const demand = await draft(buyer, 'demands', demandBody({ mode: 'call_for_proposals', deadline }));
    assert.equal(demand.mode, 'call_for_proposals');
    assert.equal(demand.deadline, deadline);
  });

  it('when the sub-field belongs to another field, then 400 names subField', async () => {
    const res = await buyer.agent
      .post('/api/demands')
      .send(demandBody({ subField: 'pharmacy' }))
      .expect(400);
    assert.deepEqual(fieldsOf(res), ['subField']);
  });

  it('when another organization asks for a draft demand, then 404; the operator sees it', async () => {
    const demand = await draft(buyer, 'demands', demandBody());
    const other = await signUp(t.app);
    await other.agent.get(`/api/demands/${demand.id}`).expect(404);
    await other.agent.patch(`/api/demands/${demand.id}`).send({ title: 'Không phải của tôi' }).expect(404);
    await other.agent.delete(`/api/demands/${demand.id}`).expect(404);
    await anonymous(t.app).get(`/api/demands/${demand.id}`).expect(404);
    await admin.agent.get(`/api/demands/${demand.id}`).expect(200);
  });

  it('when the owner edits the budget so that min exceeds max, then 400 and the stored budget stays', async () => {
    const demand = await draft(buyer, 'demands', demandBody());
    const res = await buyer.agent
      .patch(`/api/demands/${demand.id}`)
      .send({ budget: { min: 9_000_000_000, max: 1_000_000_000, currency: 'VND' } })
      .expect(400);
    assert.deepEqual(fieldsOf(res), ['budget.min']);
    const stored = await DemandModel.findById(demand.id).lean();
    assert.equal(stored!.budget!.max, 2_000_000_000);
  });

  it('when the owner turns an open demand into a call for proposals, then a deadline is required; null clears it again', async () => {
    const demand = await draft(buyer, 'demands', demandBody());
    const res = await buyer.agent
      .patch(`/api/demands/${demand.id}`)
      .send({ mode: 'call_for_proposals' })
      .expect(400);
    assert.deepEqual(fieldsOf(res), ['deadline']);
    const ok = await buyer.agent
      .patch(`/api/demands/${demand.id}`)
      .send({ mode: 'call_for_proposals', deadline: inDays(10) })
      .expect(200);
    assert.ok(ok.body.demand.deadline);
    const back = await buyer.agent
      .patch(`/api/demands/${demand.id}`)
      .send({ mode: 'open', deadline: null })
      .expect(200);
    assert.equal(back.body.demand.deadline, undefined);
  });

  it('when a demand goes through review, then it is published, and the owner can close it', async () => {
    const demand = await submitted(buyer, 'demands', demandBody());
    const queued = await admin.agent.get('/api/admin/queue').expect(200);
    assert.equal(queued.body.queue[0].id, demand.id);
    const approved = await admin.agent.post(`/api/admin/demands/${demand.id}/approve`).expect(200);
    assert.equal(approved.body.demand.status, 'published');
    assert.ok(approved.body.demand.publishedAt);
    const seen = await anonymous(t.app).get(`/api/demands/${demand.id}`).expect(200);
    assert.equal(seen.body.demand.status, 'published');
    const closed = await buyer.agent.post(`/api/demands/${demand.id}/close`).expect(200);
    assert.equal(closed.body.demand.status, 'closed');
  });

  it('when an unverified organization submits a demand, then 403', async () => {
    const member = await signUp(t.app, { verified: false });
    const demand = await draft(member, 'demands', demandBody());
    await member.agent.post(`/api/demands/${demand.id}/submit`).expect(403);
  });

  it('when a demand without a problem is submitted, then 400 names problem', async () => {
    const demand = await draft(buyer, 'demands', demandBody({ problem: '' }));
    const res = await buyer.agent.post(`/api/demands/${demand.id}/submit`).expect(400);
    assert.deepEqual(fieldsOf(res), ['problem']);
  });

  it('when an operator rejects a demand, then it is a draft again with the reason', async () => {
    const demand = await submitted(buyer, 'demands', demandBody());
    await buyer.agent
      .post(`/api/admin/demands/${demand.id}/reject`)
      .send({ reason: 'Không rõ ngân sách' })
      .expect(403);
    const res = await admin.agent
      .post(`/api/admin/demands/${demand.id}/reject`)
      .send({ reason: 'Không rõ ngân sách' })
      .expect(200);
    assert.equal(res.body.demand.status, 'draft');
    assert.equal(res.body.demand.rejectionReason, 'Không rõ ngân sách');
  });

  it('when the owner deletes a published demand, then it is withdrawn; the lists follow', async () => {
    const demand = await published(buyer, admin, 'demands', demandBody());
    let list = await anonymous(t.app).get('/api/demands').expect(200);
    assert.equal(list.body.total, 1);
    const res = await buyer.agent.delete(`/api/demands/${demand.id}`).expect(200);
    assert.equal(res.body.demand.status, 'withdrawn');
    list = await anonymous(t.app).get('/api/demands').expect(200);
    assert.equal(list.body.total, 0);
    const mine = await buyer.agent.get('/api/demands?mine=true&status=withdrawn').expect(200);
    assert.deepEqual(
      mine.body.demands.map((d: { id: string }) => d.id),
      [demand.id],
    );
  });

  it('when a call for proposals passed its deadline while awaiting review, then approving gives 409', async () => {
    const demand = await submitted(
      buyer,
      'demands',
      demandBody({ mode: 'call_for_proposals', deadline: inDays(3) }),
    );
    await DemandModel.updateOne({ _id: demand.id }, { $set: { deadline: new Date(Date.now() - 1000) } });
    await admin.agent.post(`/api/admin/demands/${demand.id}/approve`).expect(409);
  });
});
