/**
 * Nobody is ever double-booked at an event, however acceptances race: many meetings asked of one
 * exhibitor with room for few, and every pair of a crowd meeting at an event with few tables, all
 * accepted at the same moment, in one process and across two server processes (their locks in the
 * shared database, or in a shared Redis). Afterwards no organization has two overlapping meetings,
 * no table is used twice at once, every meeting lies in a slot of the programme within both
 * availabilities, and every acceptance that found no room was refused (409) and changed nothing.
 */
import assert from 'node:assert/strict';
import request from 'supertest';
import type { Express } from 'express';
import { createTestApp, connectTestDatabase, resetDatabase } from '../helpers/test-app';
import { PASSWORD, signInAdmin, signUp, type Member, type Target } from '../helpers/factories';
import { spawnExchangeProcess, type ExchangeProcess } from '../helpers/exchange-process';
import { startRedisPair, type RedisPair } from '../helpers/redis-processes';
import { MeetingModel } from '../../server/events/meeting.model';
import { publishedOffer } from './deals-helpers';
import { approvedParticipant, at, createEvent, onSiteEvent, period } from './events-helpers';

type Agent = ReturnType<typeof request.agent>;

interface Scene {
  admin: Member;
  /** Where each member's second session is (another process), or its own agent. */
  other: (m: Member) => Promise<Agent>;
  target: Target;
}

/** Signs the member in on `url` too: a second session, served by that process. */
async function sessionOn(url: string, m: Member): Promise<Agent> {
  const agent = request.agent(url);
  await agent.post('/api/auth/login').send({ email: m.user.email, password: PASSWORD }).expect(200);
  return agent;
}

async function crowd(target: Target, n: number, prefix: string): Promise<Member[]> {
  const members: Member[] = [];
  for (let i = 0; i < n; i++)
    members.push(
      await signUp(target, { kind: i % 2 ? 'enterprise' : 'institute', orgName: `${prefix} ${i + 1}` }),
    );
  return members;
}

const ms = (d: Date | string) => new Date(d).getTime();

/** The invariants: no overlap per organization, no table twice at once, every meeting in a free slot of the programme. */
async function assertNobodyDoubleBooked(eventId: string, tables: number) {
  const accepted = await MeetingModel.find({ eventId, status: 'accepted' }).lean();
  const byOrg = new Map<string, { from: number; to: number; id: string }[]>();
  for (const m of accepted) {
    assert.ok(m.startsAt && m.endsAt, 'an accepted meeting has its time');
    for (const org of [m.requesterOrgId, m.inviteeOrgId]) {
      const list = byOrg.get(org) ?? [];
      list.push({ from: ms(m.startsAt!), to: ms(m.endsAt!), id: String(m._id) });
      byOrg.set(org, list);
    }
    assert.equal(ms(m.endsAt!) - ms(m.startsAt!), 20 * 60_000);
    assert.ok(ms(m.startsAt!) >= ms(at('09:00')) && ms(m.endsAt!) <= ms(at('12:00')));
    assert.ok(ms(m.endsAt!) <= ms(at('10:00')) || ms(m.startsAt!) >= ms(at('10:20')), 'never in the break');
    assert.ok(m.table && m.table >= 1 && m.table <= tables, `table ${m.table}`);
  }
  for (const [org, list] of byOrg) {
    list.sort((a, b) => a.from - b.from);
    for (let i = 1; i < list.length; i++)
      assert.ok(
        list[i].from >= list[i - 1].to,
        `organization ${org} is double-booked: ${list[i - 1].id} and ${list[i].id}`,
      );
  }
  for (let i = 0; i < accepted.length; i++)
    for (let j = i + 1; j < accepted.length; j++) {
      const [a, b] = [accepted[i], accepted[j]];
      const overlap = ms(a.startsAt!) < ms(b.endsAt!) && ms(b.startsAt!) < ms(a.endsAt!);
      assert.ok(
        !(overlap && a.table === b.table),
        `table ${a.table} is used twice at ${a.startsAt!.toISOString()}`,
      );
    }
  return accepted;
}

/** Fires every acceptance at once, each through the invitee's session on one process or the other. */
async function acceptAllAtOnce(scene: Scene, meetings: { id: string; invitee: Member }[]) {
  const agents = await Promise.all(
    meetings.map(async ({ invitee }, i) => (i % 2 ? scene.other(invitee) : Promise.resolve(invitee.agent))),
  );
  return Promise.all(meetings.map(({ id }, i) => agents[i].post(`/api/meetings/${id}/accept`)));
}

async function ask(from: Member, eventId: string, to: Member): Promise<string> {
  const res = await from.agent
    .post(`/api/events/${eventId}/meetings`)
    .send({ withOrganizationId: to.orgId, message: 'Xin một cuộc gặp' });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.meeting.id;
}

/** Eight visitors ask one exhibitor free for three slots (09:00–10:00); all eight accepted at once. */
async function oneExhibitorEightVisitors(scene: Scene) {
  const eventId = await createEvent(scene.admin, onSiteEvent({ tables: 2 }));
  const [exhibitor] = await crowd(scene.target, 1, 'Viện Trưng Bày');
  const offerId = await publishedOffer(exhibitor);
  await approvedParticipant(scene.admin, exhibitor, eventId, {
    listingIds: [offerId],
    availability: [period('09:00', '10:00')],
  });
  const visitors = await crowd(scene.target, 8, 'Công ty Khách');
  for (const v of visitors) await approvedParticipant(scene.admin, v, eventId);
  const meetings = [];
  for (const v of visitors) meetings.push({ id: await ask(v, eventId, exhibitor), invitee: exhibitor });

  const answers = await acceptAllAtOnce(scene, meetings);
  const statuses = answers.map((r) => r.status);
  assert.deepEqual(
    statuses.filter((s) => s !== 200 && s !== 409),
    [],
    JSON.stringify(answers.map((r) => r.body)),
  );
  const accepted = await assertNobodyDoubleBooked(eventId, 2);
  assert.equal(accepted.length, 3, 'the exhibitor has three slots');
  assert.equal(statuses.filter((s) => s === 200).length, 3);
  for (const refused of answers.filter((r) => r.status === 409))
    assert.match(refused.body.error.message, /already taken by their other meetings/);
  assert.deepEqual(accepted.map((m) => m.startsAt!.toISOString()).sort(), [
    at('09:00'),
    at('09:20'),
    at('09:40'),
  ]);
  assert.equal(await MeetingModel.countDocuments({ eventId, status: 'requested' }), 5);
}

/** Six organizations, every pair meeting (15 meetings), three slots each and two tables: all accepted at once. */
async function everyPairFewTables(scene: Scene) {
  const eventId = await createEvent(scene.admin, onSiteEvent({ tables: 2 }));
  const orgs = await crowd(scene.target, 6, 'Tổ chức Kết nối');
  for (const o of orgs)
    await approvedParticipant(scene.admin, o, eventId, { availability: [period('09:00', '10:00')] });
  const meetings = [];
  for (let i = 0; i < orgs.length; i++)
    for (let j = i + 1; j < orgs.length; j++)
      meetings.push({ id: await ask(orgs[i], eventId, orgs[j]), invitee: orgs[j] });

  const answers = await acceptAllAtOnce(scene, meetings);
  assert.deepEqual(
    answers.filter((r) => r.status !== 200 && r.status !== 409).map((r) => r.body),
    [],
  );
  const accepted = await assertNobodyDoubleBooked(eventId, 2);
  const ok = answers.filter((r) => r.status === 200);
  assert.equal(accepted.length, ok.length);
  assert.ok(
    accepted.length >= 3 && accepted.length <= 6,
    `${accepted.length} accepted: 3 slots × 2 tables at most`,
  );
  for (const r of answers.filter((x) => x.status === 409))
    assert.match(r.body.error.message, /already taken by their other meetings|Every table is taken/);
  assert.equal(
    await MeetingModel.countDocuments({ eventId, status: 'requested' }),
    meetings.length - ok.length,
  );
}

describe('events: acceptances racing for the same people, slots and tables', function () {
  this.timeout(180_000);

  describe('in one process', () => {
    let scene: Scene;
    before(async () => {
      const t = await createTestApp();
      scene = { admin: undefined as unknown as Member, other: async (m) => m.agent, target: t.app };
    });
    beforeEach(async () => {
      await resetDatabase();
      scene.admin = await signInAdmin(scene.target);
    });

    it('when eight meetings asked of one exhibitor with three free slots are accepted at once, then three are scheduled, one per slot, and five refused', async () => {
      await oneExhibitorEightVisitors(scene);
    });

    it('when every pair of six organizations is accepted at once at an event with two tables, then nobody is double-booked and no table is used twice', async () => {
      await everyPairFewTables(scene);
    });
  });

  describe('across two server processes sharing the database (locks in the database)', () => {
    const processes: ExchangeProcess[] = [];
    let scene: Scene;
    before(async () => {
      await connectTestDatabase();
      const [a, b] = await Promise.all([spawnExchangeProcess(), spawnExchangeProcess()]);
      processes.push(a, b);
      scene = {
        admin: undefined as unknown as Member,
        other: (m) => sessionOn(b.url, m),
        target: a.url as unknown as Express,
      };
    });
    after(async () => {
      while (processes.length) await processes.pop()!.stop();
    });
    beforeEach(async () => {
      await resetDatabase();
      scene.admin = await signInAdmin(scene.target);
    });

    it('when eight acceptances for one exhibitor arrive at both processes at once, then three are scheduled and nobody is double-booked', async () => {
      await oneExhibitorEightVisitors(scene);
    });

    it('when every pair of six organizations is accepted through both processes at once, then no organization and no table is booked twice', async () => {
      await everyPairFewTables(scene);
    });
  });

  describe('across two server processes sharing a Redis (locks in Redis)', () => {
    let pair: RedisPair;
    let scene: Scene;
    before(async () => {
      pair = await startRedisPair();
      scene = {
        admin: undefined as unknown as Member,
        other: (m) => sessionOn(pair.b.url, m),
        target: pair.a.url as unknown as Express,
      };
    });
    after(async () => {
      await pair?.stop();
    });
    beforeEach(async () => {
      await resetDatabase();
      scene.admin = await signInAdmin(scene.target);
    });

    it('when eight acceptances for one exhibitor arrive at both processes at once, then three are scheduled and nobody is double-booked', async () => {
      await oneExhibitorEightVisitors(scene);
    });

    it('when every pair of six organizations is accepted through both processes at once, then no organization and no table is booked twice', async () => {
      await everyPairFewTables(scene);
    });
  });
});
