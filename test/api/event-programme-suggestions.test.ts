/**
 * Suggested meetings at a fair (`GET /api/events/:id/suggestions`: approved participants only,
 * from the matching, best first, with the pairs, the score and the open meeting; read by `_id`)
 * and the programme of pitch sessions (operators add, change and remove sessions within the
 * event; every refusal writes nothing; public in time order; an event's dates may not leave a
 * session outside).
 */
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import type { Member } from '../helpers/factories';
import { clearRecordCaches } from '../../server/common/record-cache';
import { syncSearchIndex } from '../../server/search-sync/search-sync.service';
import { EventModel } from '../../server/events/event.model';
import { MeetingModel } from '../../server/events/meeting.model';
import { rebuildOwnerLists } from '../../server/owner-list-sync';
import { watchCommands, type Asked } from '../helpers/command-watch';
import { cast, publishedDemand, publishedOffer, type Cast } from './deals-helpers';
import { approvedParticipant, at, createEvent, period } from './events-helpers';

/** What was asked of the database that is not a lookup by `_id`. */
function notById(asked: Asked[]): Asked[] {
  return asked.filter((a) => {
    if (a.command === 'count' || a.command === 'aggregate' || a.command === 'distinct') return true;
    const f = a.filter as Record<string, unknown>;
    return !f || typeof f !== 'object' || !('_id' in f);
  });
}

const fieldsOf = (res: { body: { error: { details: { field: string }[] } } }) =>
  res.body.error.details.map((d) => d.field);

interface Side {
  listing?: { kind: string; id: string; title: string; shown: boolean };
  lookingFor?: string;
}
interface SuggestionBody {
  organization: { id: string; name: string };
  role: string;
  score: number;
  matches: { mine: Side; theirs: Side; score: number; reasons: { code: string; text: string }[] }[];
  meetingListingId?: string;
  openMeeting?: { id: string; status: string };
}

describe('fairs: suggested meetings and the programme of pitch sessions', function () {
  this.timeout(120_000);
  let t: TestApp;
  let c: Cast;
  let admin: Member;

  before(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await resetDatabase();
    c = await cast(t.app);
    admin = c.admin;
  });

  describe('suggested meetings', () => {
    it('when an approved participant asks, then the participants whose listings match its own come best first with the pair, the score and the reasons, and a meeting asked for from one is shown open', async () => {
      const eventId = await createEvent(admin);
      const offerId = await publishedOffer(c.institute, { keywords: ['nước thải', 'màng sinh học'] });
      const demandId = await publishedDemand(c.enterprise, {
        title: 'Cần công nghệ xử lý nước thải bằng màng sinh học',
        keywords: ['nước thải', 'màng sinh học'],
      });
      const unrelated = await publishedOffer(c.rival, {
        title: 'Phần mềm quản lý bệnh viện',
        summary: 'Hồ sơ bệnh án điện tử',
        field: 'medical_health',
        trl: 3,
        keywords: ['bệnh viện'],
        transferModes: ['consulting'],
      });
      await rebuildOwnerLists();
      clearRecordCaches();
      await syncSearchIndex({ search: t.ctx.search });
      await approvedParticipant(admin, c.institute, eventId, { listingIds: [offerId] });
      await approvedParticipant(admin, c.enterprise, eventId, { role: 'visitor' });
      await approvedParticipant(admin, c.rival, eventId, { listingIds: [unrelated] });

      const watch = watchCommands();
      let mine: { suggestions: SuggestionBody[]; organizationId: string };
      try {
        clearRecordCaches();
        mine = (await c.enterprise.agent.get(`/api/events/${eventId}/suggestions`).expect(200)).body;
      } finally {
        watch.stop();
      }
      assert.ok(
        watch.asked.some((a) => a.collection === 'event_registrations'),
        'the watch sees the reads',
      );
      assert.deepEqual(notById(watch.asked), [], 'suggestions read by _id alone');
      assert.equal(mine.organizationId, c.enterprise.orgId);
      assert.deepEqual(
        mine.suggestions.map((s) => s.organization.id),
        [c.institute.orgId],
        'the hospital software is no match for a wastewater demand',
      );
      const [s] = mine.suggestions;
      assert.equal(s.role, 'exhibitor');
      assert.equal(s.organization.name, 'Viện Công nghệ Môi trường');
      assert.equal(s.meetingListingId, offerId);
      assert.equal(s.openMeeting, undefined);
      assert.equal(s.matches[0].mine.listing?.id, demandId);
      assert.equal(s.matches[0].mine.listing?.shown, false);
      assert.equal(s.matches[0].theirs.listing?.id, offerId);
      assert.equal(s.matches[0].theirs.listing?.shown, true);
      assert.ok(s.score >= 0.25 && s.score === s.matches[0].score);
      const codes = s.matches[0].reasons.map((r) => r.code);
      assert.ok(codes.includes('same_field') && codes.includes('shared_keywords'), codes.join());
      assert.ok(s.matches.every((m, i, all) => i === 0 || all[i - 1].score >= m.score));

      // The exhibitor sees the visitor whose demand its offer answers, in English when asked.
      const theirs = (await c.institute.agent.get(`/api/events/${eventId}/suggestions?lang=en`).expect(200))
        .body as { suggestions: SuggestionBody[] };
      const visitor = theirs.suggestions.find((x) => x.organization.id === c.enterprise.orgId);
      assert.ok(visitor, JSON.stringify(theirs));
      assert.equal(visitor.matches[0].mine.listing?.id, offerId);
      assert.equal(visitor.meetingListingId, offerId);
      assert.ok(visitor.matches[0].reasons.some((r) => /field/i.test(r.text)));

      // One click: the meeting asked about the suggested listing; the suggestion shows it open.
      const asked = await c.enterprise.agent
        .post(`/api/events/${eventId}/meetings`)
        .send({ withOrganizationId: c.institute.orgId, listingId: s.meetingListingId, message: 'Xin gặp' })
        .expect(201);
      assert.equal(asked.body.meeting.listing.id, offerId);
      const after = (await c.enterprise.agent.get(`/api/events/${eventId}/suggestions`).expect(200)).body as {
        suggestions: SuggestionBody[];
      };
      assert.deepEqual(after.suggestions[0].openMeeting, { id: asked.body.meeting.id, status: 'requested' });
    });

    it('when someone who is not an approved participant asks, then it is refused and nothing is written', async () => {
      const eventId = await createEvent(admin);
      await approvedParticipant(admin, c.institute, eventId, { role: 'visitor' });
      await c.enterprise.agent
        .post(`/api/events/${eventId}/registrations`)
        .send({ role: 'visitor', availability: [period('09:00', '12:00')] })
        .expect(201);
      const before = await MeetingModel.countDocuments();
      await request(t.app).get(`/api/events/${eventId}/suggestions`).expect(401);
      await c.enterprise.agent.get(`/api/events/${eventId}/suggestions`).expect(403); // pending
      await c.outsider.agent.get(`/api/events/${eventId}/suggestions`).expect(403); // not registered
      await admin.agent.get(`/api/events/${eventId}/suggestions`).expect(403);
      await c.institute.agent.get('/api/events/0123456789abcdef01234567/suggestions').expect(404);
      await c.institute.agent.get(`/api/events/${eventId}/suggestions?limit=0`).expect(400);
      assert.equal(await MeetingModel.countDocuments(), before);
      const ok = await c.institute.agent.get(`/api/events/${eventId}/suggestions`).expect(200);
      assert.deepEqual(ok.body.suggestions, []);
    });
  });

  describe('programme of pitch sessions', () => {
    const session = (speaker: string, over: Record<string, unknown> = {}) => ({
      title: 'Màng sinh học MBBR cho nước thải',
      titleEn: 'MBBR biofilm for wastewater',
      startsAt: at('10:30'),
      endsAt: at('10:45'),
      room: 'Phòng A',
      speakerOrganizationId: speaker,
      ...over,
    });
    const programmeOf = async (eventId: string) =>
      ((await EventModel.findById(eventId).lean()) as { programme?: unknown[] }).programme ?? [];

    it('when an operator adds, changes and removes sessions, then the public programme shows them in time order, and bad input is refused naming the field, writing nothing', async () => {
      const eventId = await createEvent(admin);
      const offerId = await publishedOffer(c.institute);
      const foreign = await publishedOffer(c.rival);
      const late = await admin.agent
        .post(`/api/admin/events/${eventId}/programme`)
        .send(session(c.institute.orgId, { listingId: offerId }))
        .expect(201);
      assert.equal(late.body.session.listing.id, offerId);
      assert.equal(late.body.session.speaker.name, 'Viện Công nghệ Môi trường');
      const early = await admin.agent
        .post(`/api/admin/events/${eventId}/programme`)
        .send(
          session(c.enterprise.orgId, {
            title: 'Nhu cầu của doanh nghiệp',
            startsAt: at('09:05'),
            endsAt: at('09:20'),
            room: undefined,
            online: true,
          }),
        )
        .expect(201);
      assert.equal(early.body.session.online, true);
      assert.equal(early.body.session.room, undefined);

      const shown = (await request(t.app).get(`/api/events/${eventId}/programme`).expect(200)).body;
      assert.deepEqual(
        shown.sessions.map((s: { id: string }) => s.id),
        [early.body.session.id, late.body.session.id],
      );

      const stored = await programmeOf(eventId);
      const refused: [Record<string, unknown>, string[]][] = [
        [session(c.institute.orgId, { startsAt: at('08:30') }), ['startsAt']],
        [session(c.institute.orgId, { endsAt: at('12:30') }), ['endsAt']],
        [session(c.institute.orgId, { endsAt: at('10:30') }), ['endsAt']],
        [session(c.institute.orgId, { room: undefined }), ['room']],
        [session(c.institute.orgId, { title: '' }), ['title']],
        [session('0123456789abcdef01234567'), ['speakerOrganizationId']],
        [session(c.institute.orgId, { listingId: foreign }), ['listingId']],
      ];
      for (const [body, fields] of refused) {
        const res = await admin.agent.post(`/api/admin/events/${eventId}/programme`).send(body).expect(400);
        assert.deepEqual(fieldsOf(res), fields, JSON.stringify(body));
      }
      await c.institute.agent
        .post(`/api/admin/events/${eventId}/programme`)
        .send(session(c.institute.orgId))
        .expect(403);
      await request(t.app)
        .post(`/api/admin/events/${eventId}/programme`)
        .send(session(c.institute.orgId))
        .expect(401);
      assert.deepEqual(await programmeOf(eventId), stored, 'no refusal wrote anything');

      // Moved before the other: the order follows; moved out of the event: refused, nothing written.
      const sid = late.body.session.id as string;
      const moved = await admin.agent
        .patch(`/api/admin/events/${eventId}/programme/${sid}`)
        .send({ startsAt: at('09:00'), endsAt: at('09:05'), listingId: null })
        .expect(200);
      assert.equal(moved.body.session.listing, undefined);
      const reordered = (await request(t.app).get(`/api/events/${eventId}/programme`).expect(200)).body;
      assert.deepEqual(
        reordered.sessions.map((s: { id: string }) => s.id),
        [sid, early.body.session.id],
      );
      const kept = await programmeOf(eventId);
      const out = await admin.agent
        .patch(`/api/admin/events/${eventId}/programme/${sid}`)
        .send({ endsAt: at('13:00') })
        .expect(400);
      assert.deepEqual(fieldsOf(out), ['endsAt']);
      await admin.agent
        .patch(`/api/admin/events/${eventId}/programme/0123456789abcdef01234567`)
        .send({ title: 'x' })
        .expect(404);
      await admin.agent.patch(`/api/admin/events/${eventId}/programme/${sid}`).send({}).expect(400);

      // The event's dates may not leave a session outside (409 naming the field).
      const edit = await admin.agent
        .patch(`/api/admin/events/${eventId}`)
        .send({ startsAt: at('09:10'), breaks: [] })
        .expect(409);
      assert.ok(fieldsOf(edit).includes('startsAt'), JSON.stringify(edit.body));
      assert.deepEqual(await programmeOf(eventId), kept);

      // The speaker's iCalendar agenda holds its session; another organization's does not.
      await approvedParticipant(admin, c.enterprise, eventId, { role: 'visitor' });
      const ics = await c.enterprise.agent.get(`/api/events/${eventId}/my-agenda?format=ics`).expect(200);
      assert.match(ics.text, new RegExp(`UID:session-${early.body.session.id}@`));
      assert.doesNotMatch(ics.text, new RegExp(`UID:session-${sid}@`));

      await admin.agent.delete(`/api/admin/events/${eventId}/programme/${sid}`).expect(204);
      await admin.agent.delete(`/api/admin/events/${eventId}/programme/${sid}`).expect(404);
      const left = (await request(t.app).get(`/api/events/${eventId}/programme`).expect(200)).body;
      assert.deepEqual(
        left.sessions.map((s: { id: string }) => s.id),
        [early.body.session.id],
      );
    });

    it('when the event is cancelled, then its programme takes no change (409), writing nothing', async () => {
      const eventId = await createEvent(admin);
      const added = await admin.agent
        .post(`/api/admin/events/${eventId}/programme`)
        .send(session(c.institute.orgId))
        .expect(201);
      await admin.agent
        .post(`/api/admin/events/${eventId}/cancel`)
        .send({ reason: 'Hoãn vì bão' })
        .expect(200);
      const stored = await programmeOf(eventId);
      await admin.agent
        .post(`/api/admin/events/${eventId}/programme`)
        .send(session(c.institute.orgId))
        .expect(409);
      await admin.agent
        .patch(`/api/admin/events/${eventId}/programme/${added.body.session.id}`)
        .send({ title: 'Đổi' })
        .expect(409);
      await admin.agent.delete(`/api/admin/events/${eventId}/programme/${added.body.session.id}`).expect(409);
      assert.deepEqual(await programmeOf(eventId), stored);
      await request(t.app).get('/api/events/0123456789abcdef01234567/programme').expect(404);
    });
  });
});
