import assert from 'node:assert/strict';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { signInAdmin, signUp, type Member } from '../helpers/factories';
import { AuditModel } from '../../server/audit/audit.model';
import { anonymous, demandBody, draft, offerBody, published, submitted } from './offers-helpers';

describe('moderation of listings', () => {
  let t: TestApp;
  let member: Member;
  let admin: Member;
  before(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await resetDatabase();
    member = await signUp(t.app, { kind: 'institute' });
    admin = await signInAdmin(t.app);
  });

  it('when offers and demands await review, then the queue lists both kinds, oldest submitted first', async () => {
    const first = await submitted(member, 'offers', offerBody({ title: 'Chào bán thứ nhất' }));
    const second = await submitted(member, 'demands', demandBody({ title: 'Nhu cầu thứ hai' }));
    const third = await submitted(member, 'offers', offerBody({ title: 'Chào bán thứ ba' }));
    await draft(member, 'offers', offerBody({ title: 'Bản nháp không vào hàng đợi' }));
    await published(member, admin, 'demands', demandBody({ title: 'Đã duyệt' }));

    const res = await admin.agent.get('/api/admin/queue').expect(200);
    assert.equal(res.body.total, 3);
    assert.deepEqual(
      res.body.queue.map((l: { id: string; kind: string }) => [l.kind, l.id]),
      [
        ['offer', first.id],
        ['demand', second.id],
        ['offer', third.id],
      ],
    );
    assert.equal(res.body.queue[1].status, 'pending_review');
    assert.equal(res.body.queue[1].organization.id, member.orgId);

    const page2 = await admin.agent.get('/api/admin/queue?limit=2&page=2').expect(200);
    assert.deepEqual(
      page2.body.queue.map((l: { id: string }) => l.id),
      [third.id],
    );
    assert.equal(page2.body.total, 3);
  });

  it('when a member or an anonymous visitor asks for the queue, then 403 and 401', async () => {
    await member.agent.get('/api/admin/queue').expect(403);
    await anonymous(t.app).get('/api/admin/queue').expect(401);
  });

  it('when a member or a broker approves or rejects, then 403 and nothing changes', async () => {
    const offer = await submitted(member, 'offers', offerBody());
    const broker = await signUp(t.app, { kind: 'broker_firm', role: 'broker' });
    await member.agent.post(`/api/admin/offers/${offer.id}/approve`).expect(403);
    await broker.agent.post(`/api/admin/offers/${offer.id}/approve`).expect(403);
    await broker.agent.post(`/api/admin/offers/${offer.id}/reject`).send({ reason: 'Không đạt' }).expect(403);
    await anonymous(t.app).post(`/api/admin/offers/${offer.id}/approve`).expect(401);
    const own = await member.agent.get(`/api/offers/${offer.id}`).expect(200);
    assert.equal(own.body.offer.status, 'pending_review');
  });

  it('when an operator moderates an unknown listing, then 404; a published one, then 409', async () => {
    await admin.agent.post('/api/admin/offers/0123456789abcdef01234567/approve').expect(404);
    await admin.agent
      .post('/api/admin/demands/0123456789abcdef01234567/reject')
      .send({ reason: 'Không rõ' })
      .expect(404);
    const demand = await published(member, admin, 'demands', demandBody());
    await admin.agent.post(`/api/admin/demands/${demand.id}/reject`).send({ reason: 'Muộn rồi' }).expect(409);
  });

  it('when an operator approves and rejects, then both are in the audit log with the reason', async () => {
    const offer = await submitted(member, 'offers', offerBody());
    const demand = await submitted(member, 'demands', demandBody());
    await admin.agent.post(`/api/admin/offers/${offer.id}/approve`).expect(200);
    await admin.agent
      .post(`/api/admin/demands/${demand.id}/reject`)
      .send({ reason: 'Thiếu mô tả' })
      .expect(200);
    const approve = await AuditModel.findOne({ action: 'offer.approve', targetId: offer.id }).lean();
    assert.equal(String(approve!.actorId), admin.user.id);
    const reject = await AuditModel.findOne({ action: 'demand.reject', targetId: demand.id }).lean();
    assert.equal((reject!.data as { reason: string }).reason, 'Thiếu mô tả');
  });
});
