/**
 * Finding an organisation by its name to join it, and an organisation's public page: the
 * directory's name search (from the per-process directory, not a database filter) and an
 * organisation's published listings (from its owner list, by `_id`).
 */
import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import request from 'supertest';
import type { CommandStartedEvent } from 'mongodb';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { PASSWORD, signInAdmin, signUp } from '../helpers/factories';
import { draft, offerBody, published } from './offers-helpers';
import { UserModel } from '../../server/auth/user.model';
import { OrganizationModel } from '../../server/organizations/organization.model';

type Org = { id: string; name: string; verified: boolean; description: string; website?: string };
const names = (res: { body: { organizations: Org[] } }) => res.body.organizations.map((o) => o.name);

/** The commands the driver sends while `run` runs that are not a lookup by `_id`. */
async function askedNotById(run: () => Promise<unknown>): Promise<string[]> {
  const client = mongoose.connection.getClient();
  const asked: string[] = [];
  const listener = (e: CommandStartedEvent) => {
    if (!['find', 'count', 'aggregate', 'distinct'].includes(e.commandName)) return;
    const body = e.command as Record<string, any>;
    const filter = body.filter ?? body.query ?? body.pipeline;
    if (e.commandName !== 'find' || !filter || !('_id' in filter))
      asked.push(`${e.commandName} ${String(body[e.commandName])}`);
  };
  client.on('commandStarted', listener);
  try {
    await run();
  } finally {
    client.off('commandStarted', listener);
  }
  return asked;
}

describe('organisations: found by name, and their public page', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  beforeEach(resetDatabase);

  it('when someone types the start of a word of a name, without diacritics or case, then the verified organisations so named are found, names beginning with it first', async () => {
    await signUp(t.app, { kind: 'institute', orgName: 'Viện Công nghệ Sinh học Miền Bắc' });
    await signUp(t.app, { kind: 'enterprise', orgName: 'Công ty Cơ khí Hải Phòng' });
    await signUp(t.app, { kind: 'university', orgName: 'Đại học Công nghệ Đông Á' });
    const cong = await request(t.app).get('/api/organizations?q=cong').expect(200);
    assert.deepEqual(names(cong), [
      'Công ty Cơ khí Hải Phòng',
      'Đại học Công nghệ Đông Á',
      'Viện Công nghệ Sinh học Miền Bắc',
    ]);
    assert.equal(cong.body.total, 3);
    const dai = await request(t.app).get('/api/organizations?q=DAI%20HOC').expect(200);
    assert.deepEqual(names(dai), ['Đại học Công nghệ Đông Á']);
    // Inside a word is no match, and the typed text is never a pattern.
    for (const q of ['ong', '.*', 'c.ng']) {
      const res = await request(t.app)
        .get(`/api/organizations?q=${encodeURIComponent(q)}`)
        .expect(200);
      assert.deepEqual(names(res), [], q);
    }
    const paged = await request(t.app).get('/api/organizations?q=cong&limit=2&page=2').expect(200);
    assert.deepEqual(names(paged), ['Viện Công nghệ Sinh học Miền Bắc']);
    assert.equal(paged.body.total, 3);
  });

  it('when someone registering looks for an organisation still awaiting verification, then only a joinable search of two characters or more finds it, after the verified ones, with no more than its name, kind and province', async () => {
    await signUp(t.app, { kind: 'enterprise', orgName: 'Công ty Xanh Đã Xác Minh' });
    const waiting = await signUp(t.app, { kind: 'enterprise', orgName: 'Công ty Xanh Mới', verified: false });
    await waiting.agent
      .patch(`/api/organizations/${waiting.orgId}`)
      .send({ description: 'Chưa xác minh', website: 'https://xanh.example.vn' })
      .expect(200);
    const plain = await request(t.app).get('/api/organizations?q=cong%20ty%20xanh').expect(200);
    assert.deepEqual(names(plain), ['Công ty Xanh Đã Xác Minh']);
    const joinable = await request(t.app)
      .get('/api/organizations?q=cong%20ty%20xanh&joinable=true')
      .expect(200);
    assert.deepEqual(names(joinable), ['Công ty Xanh Đã Xác Minh', 'Công ty Xanh Mới']);
    const shown = joinable.body.organizations[1] as Org & { province?: string; kind: string };
    assert.equal(shown.id, waiting.orgId);
    assert.equal(shown.verified, false);
    assert.equal(shown.kind, 'enterprise');
    assert.equal(shown.province, 'ha_noi');
    assert.equal(shown.description, '');
    assert.equal(shown.website, undefined);
    // One character, no name, or asking for verified ones only: the directory stays verified.
    for (const q of ['q=c&joinable=true', 'joinable=true', 'q=cong&joinable=true&verified=true']) {
      const res = await request(t.app).get(`/api/organizations?${q}`).expect(200);
      assert.ok(!names(res).includes('Công ty Xanh Mới'), q);
    }
  });

  it('when the directory is searched again and again, then the database is not asked to filter, sort or count organisations, and a new organisation is found at once', async () => {
    await signUp(t.app, { kind: 'institute', orgName: 'Viện Cơ học Ứng dụng' });
    await request(t.app).get('/api/organizations?q=vien').expect(200);
    const asked = await askedNotById(async () => {
      for (const q of ['v', 'vi', 'vie', 'vien', 'vien co']) {
        await request(t.app)
          .get(`/api/organizations?q=${encodeURIComponent(q)}&joinable=true`)
          .expect(200);
      }
    });
    assert.deepEqual(asked, []);
    // A registration writes an organisation: the next search finds it, from the copy it patched.
    // Registered through the API alone (the factory empties every cache after its direct writes).
    await request(t.app)
      .post('/api/auth/register')
      .send({
        email: 'co-khi@example.vn',
        password: PASSWORD,
        name: 'Trần Văn Bình',
        organization: { name: 'Viện Cơ khí Chính xác', kind: 'institute', province: 'ha_noi' },
      })
      .expect(201);
    let res: { body: { organizations: Org[] } } | undefined;
    const askedAfterWrite = await askedNotById(async () => {
      res = await request(t.app).get('/api/organizations?q=vien%20co&joinable=true').expect(200);
    });
    assert.deepEqual(names(res!), ['Viện Cơ học Ứng dụng', 'Viện Cơ khí Chính xác']);
    assert.deepEqual(askedAfterWrite, []);
  });

  it('when someone joins an organisation found by name, then they wait for its administrator, and their own approval is refused and writes nothing', async () => {
    const founder = await signUp(t.app, { kind: 'enterprise', orgName: 'Công ty Cổ phần Gạch Men' });
    const found = await request(t.app).get('/api/organizations?q=gach%20men&joinable=true').expect(200);
    const orgId = found.body.organizations[0].id as string;
    assert.equal(orgId, founder.orgId);
    const agent = request.agent(t.app);
    const res = await agent
      .post('/api/auth/register')
      .send({ email: 'binh@gachmen.vn', password: PASSWORD, name: 'Lê Văn Bình', organizationId: orgId })
      .expect(201);
    const joinerId = res.body.user.id as string;
    assert.equal((await UserModel.findById(joinerId).lean())!.membershipStatus, 'pending');
    // The pending person acts for nobody yet: their own approval is refused and changes nothing.
    await agent.post(`/api/organizations/${orgId}/members/${joinerId}/approve`).expect(403);
    assert.equal((await UserModel.findById(joinerId).lean())!.membershipStatus, 'pending');
    const members = await founder.agent.get(`/api/organizations/${orgId}/members`).expect(200);
    const pending = members.body.members.find((m: { id: string }) => m.id === joinerId);
    assert.equal(pending.membershipStatus, 'pending');
    await founder.agent.post(`/api/organizations/${orgId}/members/${joinerId}/approve`).expect(200);
    assert.equal((await UserModel.findById(joinerId).lean())!.membershipStatus, 'active');
  });

  it('when an organisation’s page lists its listings, then anyone sees its published ones only, from its owner list', async () => {
    const seller = await signUp(t.app, { kind: 'institute', orgName: 'Viện Vật liệu' });
    const other = await signUp(t.app, { kind: 'institute' });
    const admin = await signInAdmin(t.app);
    const one = await published(seller, admin, 'offers', offerBody({ title: 'Gốm kỹ thuật cao' }));
    await draft(seller, 'offers', offerBody({ title: 'Bản nháp riêng' }));
    await published(other, admin, 'offers', offerBody({ title: 'Của tổ chức khác' }));
    const url = `/api/offers?organizationId=${seller.orgId}`;
    const res = await request(t.app).get(url).expect(200);
    assert.deepEqual(
      res.body.offers.map((o: { title: string }) => o.title),
      ['Gốm kỹ thuật cao'],
    );
    assert.equal(res.body.offers[0].id, one.id);
    assert.equal(res.body.total, 1);
    const demands = await request(t.app).get(`/api/demands?organizationId=${seller.orgId}`).expect(200);
    assert.deepEqual(demands.body.demands, []);
    const asked = await askedNotById(() => request(t.app).get(url).expect(200));
    assert.deepEqual(asked, []);
    // Its drafts are asked for in vain, even by its own members.
    await seller.agent.get(`${url}&status=draft`).expect(400);
    await seller.agent.get(`${url}&mine=true`).expect(400);
  });

  it('when a member who is not the organisation’s edits a profile, then it is refused and nothing is written', async () => {
    const founder = await signUp(t.app, { kind: 'enterprise', orgName: 'Công ty Gốc' });
    const stranger = await signUp(t.app, { kind: 'enterprise' });
    await stranger.agent
      .patch(`/api/organizations/${founder.orgId}`)
      .send({ name: 'Công ty Chiếm Đoạt' })
      .expect(403);
    const stored = (await OrganizationModel.findById(founder.orgId).lean())!;
    assert.equal(stored.name, 'Công ty Gốc');
    assert.equal(stored.verified, true);
    const res = await request(t.app).get('/api/organizations?q=cong%20ty%20chiem').expect(200);
    assert.deepEqual(names(res), []);
  });
});
