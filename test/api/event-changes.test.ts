/**
 * Technology fairs after they were announced, through the API: reminders before scheduled
 * meetings (a durable job per meeting, run with the scheduler's clock moved forward; none for a
 * cancelled meeting; restored at start-up), an operator editing an event (400 and 409 naming the
 * field, writing nothing) and cancelling it (registrations and open meetings end, participants
 * told, nothing new taken), a participant restating its availability, an operator revoking an
 * approval, and the lists read page after page past 100.
 */
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import type { Member } from '../helpers/factories';
import { clearRecordCaches } from '../../server/common/record-cache';
import { EventModel } from '../../server/events/event.model';
import { EventRegistrationModel } from '../../server/events/event-registration.model';
import { MeetingModel } from '../../server/events/meeting.model';
import { JobModel } from '../../server/scheduler/job.model';
import { NotificationModel } from '../../server/notifications/notification.model';
import { startScheduler } from '../../server/scheduler/scheduler';
import { MEETING_REMINDER, meetingReminderKey } from '../../server/scheduler/job-types';
import { meetingReminderJobHandlers } from '../../server/events/meeting-reminder-jobs';
import { restoreMeetingReminders } from '../../server/events/meeting-reminders';
import { changeEvent, holdEvent } from '../../server/events/event.store';
import { eventually } from '../helpers/eventually';
import { cast, publishedOffer, type Cast } from './deals-helpers';
import { approvedParticipant, at, createEvent, onlineEvent, period } from './events-helpers';

type Notice = { type: string; title: string; body?: string; link: string; data: Record<string, unknown> };

describe('technology fairs: reminders, edits, cancellation, availability, revocation and paging', function () {
  this.timeout(120_000);
  let t: TestApp;
  let c: Cast;
  const workers: { stop(): void | Promise<void> }[] = [];

  before(async () => {
    t = await createTestApp({ MEETING_REMINDER_MINUTES: '45' });
  });
  beforeEach(async () => {
    await resetDatabase();
    c = await cast(t.app);
  });
  afterEach(async () => {
    while (workers.length) await workers.pop()!.stop();
  });

  const noticesOf = async (m: Member, type: string) =>
    ((await m.agent.get('/api/notifications').expect(200)).body.notifications as Notice[]).filter(
      (n) => n.type === type,
    );
  const fieldsOf = (res: { body: { error: { details: { field: string }[] } } }) =>
    res.body.error.details.map((d) => d.field);
  /** The stored records of events, registrations and meetings, to show a refusal wrote nothing. */
  const snapshot = async () =>
    JSON.stringify([
      await EventModel.find().sort({ _id: 1 }).lean(),
      await EventRegistrationModel.find().sort({ _id: 1 }).lean(),
      await MeetingModel.find().sort({ _id: 1 }).lean(),
    ]);

  /** An on-site event where the enterprise asked the institute, and the institute accepted (09:00 at table 1). */
  async function scheduledMeeting(body?: Record<string, unknown>) {
    const eventId = await createEvent(c.admin, body);
    const instituteRid = await approvedParticipant(c.admin, c.institute, eventId);
    const enterpriseRid = await approvedParticipant(c.admin, c.enterprise, eventId);
    const asked = await c.enterprise.agent
      .post(`/api/events/${eventId}/meetings`)
      .send({ withOrganizationId: c.institute.orgId, message: 'Xin gặp' })
      .expect(201);
    const meeting = (
      await c.institute.agent.post(`/api/meetings/${asked.body.meeting.id}/accept`).expect(200)
    ).body.meeting;
    return { eventId, meetingId: meeting.id as string, meeting, instituteRid, enterpriseRid };
  }

  /** Runs the reminder job now, as the scheduler would when its time comes; the job afterwards. */
  async function runReminderNow(meetingId: string) {
    const job = (await JobModel.findOne({ type: MEETING_REMINDER, 'payload.meetingId': meetingId }).lean())!;
    await JobModel.updateOne({ _id: job._id }, { $set: { runAt: new Date() } });
    const worker = startScheduler({ handlers: meetingReminderJobHandlers(t.ctx), intervalMs: 50 });
    workers.push(worker);
    const done = await eventually(
      async () => JobModel.findOne({ _id: job._id, status: 'done' }).lean(),
      'the reminder job to run',
    );
    await workers.pop()!.stop();
    return done;
  }

  describe('reminders before meetings', () => {
    it('when a meeting is scheduled, then a job reminds both organizations’ members, with the time and the table, MEETING_REMINDER_MINUTES before it', async () => {
      const { eventId, meetingId, meeting } = await scheduledMeeting();
      const job = (await JobModel.findOne({ type: MEETING_REMINDER }).lean())!;
      assert.equal(job.dedupeKey, meetingReminderKey(meetingId, new Date(meeting.startsAt)));
      assert.equal(job.runAt.toISOString(), new Date(Date.parse(at('09:00')) - 45 * 60_000).toISOString());
      assert.equal(job.status, 'pending');

      await runReminderNow(meetingId);
      for (const m of [c.institute, c.enterprise]) {
        const [notice, ...more] = await noticesOf(m, 'event.meeting_reminder');
        assert.deepEqual(more, []);
        assert.equal(notice.link, `/events/${eventId}/agenda`);
        assert.deepEqual(notice.data, { eventId, meetingId, startsAt: at('09:00'), table: 1 });
        assert.match(notice.title, /09:00 UTC/);
        assert.match(notice.body ?? '', /Table 1|Bàn 1/);
      }
      assert.deepEqual(await noticesOf(c.rival, 'event.meeting_reminder'), []);
    });

    it('when the meeting was cancelled before its reminder, then the job tells nobody; an online meeting says online', async () => {
      const { meetingId } = await scheduledMeeting();
      await c.enterprise.agent.post(`/api/meetings/${meetingId}/cancel`).send({}).expect(200);
      await runReminderNow(meetingId);
      assert.equal(await NotificationModel.countDocuments({ type: 'event.meeting_reminder' }), 0);

      await resetDatabase();
      c = await cast(t.app);
      const online = await scheduledMeeting(onlineEvent());
      await runReminderNow(online.meetingId);
      const [notice] = await noticesOf(c.enterprise, 'event.meeting_reminder');
      assert.equal(notice.data.online, true);
      assert.match(notice.body ?? '', /Online|Trực tuyến/);
    });

    it('when reminder jobs were lost (a stop, or meetings scheduled before reminders existed), then the start-up pass restores one per meeting still to come', async () => {
      const { meetingId } = await scheduledMeeting();
      await JobModel.deleteMany({ type: MEETING_REMINDER });
      assert.equal(await restoreMeetingReminders(45), 1);
      assert.equal(await restoreMeetingReminders(45), 0);
      const jobs = await JobModel.find({ type: MEETING_REMINDER }).lean();
      assert.deepEqual(
        jobs.map((j) => (j.payload as { meetingId: string }).meetingId),
        [meetingId],
      );
      // A meeting moved into the past owes none.
      await JobModel.deleteMany({ type: MEETING_REMINDER });
      await MeetingModel.updateOne({ _id: meetingId }, { $set: { startsAt: new Date(Date.now() - 60_000) } });
      assert.equal(await restoreMeetingReminders(45), 0);
    });
  });

  describe('an operator edits an event', () => {
    it('when the event is changed while a meeting is being accepted, then the acceptance waits for the change and schedules within the event as changed', async () => {
      const eventId = await createEvent(c.admin, onlineEvent({ breaks: [] }));
      await approvedParticipant(c.admin, c.institute, eventId);
      await approvedParticipant(c.admin, c.enterprise, eventId);
      const asked = await c.enterprise.agent
        .post(`/api/events/${eventId}/meetings`)
        .send({ withOrganizationId: c.institute.orgId, message: 'Xin gặp' })
        .expect(201);
      // An operator's edit holds the event while it checks and writes it. The request starts
      // outside the hold's own context, as another request would.
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let held!: () => void;
      const holding = new Promise<void>((resolve) => (held = resolve));
      const editing = holdEvent(eventId, async () => {
        held();
        await released;
        await changeEvent(eventId, () => ({
          change: { $set: { startsAt: new Date(at('11:00')) } },
          result: null,
        }));
      });
      await holding;
      const accepting = c.institute.agent
        .post(`/api/meetings/${asked.body.meeting.id}/accept`)
        .then((r) => r);
      await new Promise((resolve) => setTimeout(resolve, 300));
      release();
      await editing;
      const accepted = await accepting;
      assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
      assert.equal(accepted.body.meeting.startsAt, at('11:00'));
    });

    it('when an operator changes an event, then it reads so; an unsound change is 400 and one breaking a scheduled meeting 409, naming the field and writing nothing', async () => {
      const { eventId } = await scheduledMeeting();
      const path = `/api/admin/events/${eventId}`;
      const edited = await c.admin.agent
        .patch(path)
        .send({ title: 'Chợ công nghệ mùa xuân', endsAt: at('13:00'), capacity: 50, tables: 4 })
        .expect(200);
      assert.equal(edited.body.event.title, 'Chợ công nghệ mùa xuân');
      assert.equal(edited.body.event.endsAt, at('13:00'));
      assert.equal(edited.body.event.tables, 4);
      assert.equal(edited.body.event.status, 'active');
      assert.equal((await request(t.app).get(`/api/events/${eventId}`).expect(200)).body.event.capacity, 50);

      const before = await snapshot();
      const refusals: [Record<string, unknown>, number, string[]][] = [
        [{}, 400, ['body']],
        [{ title: '' }, 400, ['title']],
        [{ fields: ['nonsense'] }, 400, ['fields.0']],
        [{ startsAt: 'tomorrow' }, 400, ['startsAt']],
        [{ endsAt: at('08:30') }, 400, ['endsAt', 'breaks.0']],
        [{ endsAt: at('09:10') }, 400, ['slotMinutes', 'breaks.0']],
        [{ startsAt: at('09:30'), breaks: [] }, 409, ['startsAt']],
        [{ breaks: [period('09:00', '09:30')] }, 409, ['breaks']],
        [{ online: true }, 409, ['tables', 'online']],
        [{ capacity: 1 }, 409, ['capacity']],
        [{ unknown: 1 }, 400, ['body']], // unknown keys are dropped: nothing is left to change
      ];
      for (const [body, status, fields] of refusals) {
        const res = await c.admin.agent.patch(path).send(body);
        assert.equal(res.status, status, `${JSON.stringify(body)}: ${JSON.stringify(res.body)}`);
        assert.deepEqual(fieldsOf(res), fields, JSON.stringify(body));
      }
      assert.equal(await snapshot(), before);
      await c.institute.agent.patch(path).send({ title: 'x' }).expect(403);
      await c.admin.agent
        .patch('/api/admin/events/0123456789abcdef01234567')
        .send({ title: 'x' })
        .expect(404);
    });
  });

  describe('an operator cancels an event', () => {
    it('when an operator cancels an event, then its registrations and open meetings end, participants are told, and it takes nothing new (409)', async () => {
      const { eventId, meetingId } = await scheduledMeeting();
      const pending = await c.rival.agent
        .post(`/api/events/${eventId}/registrations`)
        .send({ role: 'visitor', availability: [period('09:00', '12:00')] })
        .expect(201);
      const refused = await c.admin.agent.post(`/api/admin/events/${eventId}/cancel`).send({}).expect(400);
      assert.deepEqual(fieldsOf(refused), ['reason']);

      const res = await c.admin.agent
        .post(`/api/admin/events/${eventId}/cancel`)
        .send({ reason: 'Hoãn vì bão' })
        .expect(200);
      assert.equal(res.body.event.status, 'cancelled');
      assert.equal(res.body.event.phase, 'cancelled');
      assert.equal(res.body.event.cancelReason, 'Hoãn vì bão');
      assert.equal(res.body.event.registrationOpen, false);

      const statuses = (await EventRegistrationModel.find({ eventId }).lean()).map((r) => r.status);
      assert.deepEqual(statuses, ['cancelled', 'cancelled', 'cancelled']);
      const meeting = (await MeetingModel.findById(meetingId).lean())!;
      assert.equal(meeting.status, 'cancelled');
      assert.equal(meeting.cancelReason, 'Hoãn vì bão');
      for (const m of [c.institute, c.enterprise, c.rival]) {
        const [notice, ...more] = await noticesOf(m, 'event.cancelled');
        assert.deepEqual(more, []);
        assert.equal(notice.link, `/events/${eventId}`);
        assert.match(notice.body ?? '', /Hoãn vì bão/);
      }
      assert.deepEqual(await noticesOf(c.outsider, 'event.cancelled'), []);
      assert.equal(
        (await c.rival.agent.get(`/api/events/${eventId}/registrations/mine`).expect(200)).body.registration
          .id,
        pending.body.registration.id,
      );

      // Nothing new: registrations, meetings, edits, approvals; cancelling again changes nothing.
      const before = await snapshot();
      await c.outsider.agent
        .post(`/api/events/${eventId}/registrations`)
        .send({ role: 'visitor', availability: [period('09:00', '12:00')] })
        .expect(409);
      await c.enterprise.agent
        .post(`/api/events/${eventId}/meetings`)
        .send({ withOrganizationId: c.institute.orgId, message: 'Lần nữa' })
        .expect(409);
      await c.admin.agent.patch(`/api/admin/events/${eventId}`).send({ title: 'x' }).expect(409);
      await c.admin.agent
        .post(`/api/admin/events/${eventId}/registrations/${pending.body.registration.id}/approve`)
        .expect(409);
      await c.enterprise.agent
        .put(`/api/events/${eventId}/registrations/mine/availability`)
        .send({ availability: [period('09:00', '10:00')] })
        .expect(409);
      await c.admin.agent.post(`/api/admin/events/${eventId}/cancel`).send({ reason: 'Lần hai' }).expect(200);
      assert.equal(await snapshot(), before);
      assert.equal(await NotificationModel.countDocuments({ type: 'event.cancelled' }), 3);

      // Its reminder, when its time comes, tells nobody.
      await runReminderNow(meetingId);
      assert.equal(await NotificationModel.countDocuments({ type: 'event.meeting_reminder' }), 0);
      await c.institute.agent.post(`/api/admin/events/${eventId}/cancel`).send({ reason: 'x' }).expect(403);
    });
  });

  describe('availability and revocation', () => {
    it('when a participant restates its availability, then it is kept; one leaving a scheduled meeting outside is 409 naming availability, writing nothing', async () => {
      const { eventId } = await scheduledMeeting();
      const path = `/api/events/${eventId}/registrations/mine/availability`;
      const ok = await c.enterprise.agent
        .put(path)
        .send({ availability: [period('11:00', '12:00'), period('09:00', '09:40')] })
        .expect(200);
      assert.deepEqual(ok.body.registration.availability, [
        period('09:00', '09:40'),
        period('11:00', '12:00'),
      ]);

      const before = await snapshot();
      const outside = await c.enterprise.agent
        .put(path)
        .send({ availability: [period('10:20', '12:00')] })
        .expect(409);
      assert.deepEqual(fieldsOf(outside), ['availability']);
      assert.match(outside.body.error.message, /scheduled meeting/);
      const beyond = await c.enterprise.agent
        .put(path)
        .send({ availability: [period('08:00', '12:00')] })
        .expect(400);
      assert.deepEqual(fieldsOf(beyond), ['availability.0']);
      assert.deepEqual(fieldsOf(await c.enterprise.agent.put(path).send({ availability: [] }).expect(400)), [
        'availability',
      ]);
      await c.outsider.agent
        .put(path)
        .send({ availability: [period('09:00', '10:00')] })
        .expect(404);
      assert.equal(await snapshot(), before);
    });

    it('when an operator revokes an approval, then the registration is revoked, its open meetings are cancelled and the other sides told', async () => {
      const { eventId, meetingId, enterpriseRid, instituteRid } = await scheduledMeeting();
      await approvedParticipant(c.admin, c.rival, eventId);
      const asked = await c.rival.agent
        .post(`/api/events/${eventId}/meetings`)
        .send({ withOrganizationId: c.enterprise.orgId, message: 'Gặp nhé' })
        .expect(201);
      const path = `/api/admin/events/${eventId}/registrations/${enterpriseRid}/revoke`;
      assert.deepEqual(fieldsOf(await c.admin.agent.post(path).send({}).expect(400)), ['reason']);

      const res = await c.admin.agent.post(path).send({ reason: 'Vi phạm quy chế' }).expect(200);
      assert.equal(res.body.registration.status, 'revoked');
      assert.equal(res.body.registration.revokeReason, 'Vi phạm quy chế');
      assert.equal((await MeetingModel.findById(meetingId).lean())!.status, 'cancelled');
      assert.equal((await MeetingModel.findById(asked.body.meeting.id).lean())!.status, 'cancelled');
      assert.equal((await noticesOf(c.enterprise, 'event.registration_revoked')).length, 1);
      for (const m of [c.institute, c.rival]) {
        const [notice, ...more] = await noticesOf(m, 'event.meeting_ended');
        assert.deepEqual(more, []);
        assert.match(notice.body ?? '', /Vi phạm quy chế/);
      }
      assert.deepEqual(await noticesOf(c.enterprise, 'event.meeting_ended'), []);

      // The revoked organization asks for no meeting; revoking again changes nothing; a pending one is not revoked.
      const before = await snapshot();
      await c.enterprise.agent
        .post(`/api/events/${eventId}/meetings`)
        .send({ withOrganizationId: c.institute.orgId, message: 'Lần nữa' })
        .expect(403);
      await c.admin.agent.post(path).send({ reason: 'Lần hai' }).expect(200);
      const pending = await c.outsider.agent
        .post(`/api/events/${eventId}/registrations`)
        .send({ role: 'visitor', availability: [period('09:00', '12:00')] })
        .expect(201);
      const after = await snapshot();
      await c.admin.agent
        .post(`/api/admin/events/${eventId}/registrations/${pending.body.registration.id}/revoke`)
        .send({ reason: 'x' })
        .expect(409);
      await c.institute.agent
        .post(`/api/admin/events/${eventId}/registrations/${instituteRid}/revoke`)
        .send({ reason: 'x' })
        .expect(403);
      assert.equal(await snapshot(), after);
      assert.notEqual(before, after); // only the outsider's registration was added
      assert.equal((await noticesOf(c.enterprise, 'event.registration_revoked')).length, 1);
    });
  });

  describe('paging', () => {
    it('when there are more than 100 events, registrations or exhibitors, then the lists are read page after page', async () => {
      const ids = new Set<string>();
      for (let i = 0; i < 101; i++)
        ids.add(await createEvent(c.admin, onlineEvent({ title: `Sự kiện ${i + 1}` })));
      const first = (await request(t.app).get('/api/events').query({ limit: 100 }).expect(200)).body;
      const second = (await request(t.app).get('/api/events').query({ limit: 100, page: 2 }).expect(200))
        .body;
      assert.equal(first.total, 101);
      assert.equal(first.events.length, 100);
      assert.equal(second.events.length, 1);
      assert.deepEqual(new Set([...first.events, ...second.events].map((e: { id: string }) => e.id)), ids);
      assert.deepEqual(fieldsOf(await request(t.app).get('/api/events').query({ limit: 101 }).expect(400)), [
        'limit',
      ]);

      const eventId = [...ids][0];
      for (const m of [c.institute, c.enterprise, c.rival]) {
        const offerId = await publishedOffer(m);
        await approvedParticipant(c.admin, m, eventId, { listingIds: [offerId] });
      }
      clearRecordCaches();
      const regs = async (page: number) =>
        (
          await c.admin.agent
            .get(`/api/admin/events/${eventId}/registrations`)
            .query({ limit: 2, page })
            .expect(200)
        ).body;
      const [r1, r2] = [await regs(1), await regs(2)];
      assert.deepEqual([r1.registrations.length, r2.registrations.length, r1.total], [2, 1, 3]);
      const catalogue = async (page: number) =>
        (await request(t.app).get(`/api/events/${eventId}/catalogue`).query({ limit: 2, page }).expect(200))
          .body;
      const [x1, x2] = [await catalogue(1), await catalogue(2)];
      assert.deepEqual([x1.exhibitors.length, x2.exhibitors.length, x1.total], [2, 1, 3]);
      const names = [...x1.exhibitors, ...x2.exhibitors].map(
        (x: { organization: { id: string } }) => x.organization.id,
      );
      assert.deepEqual(new Set(names), new Set([c.institute.orgId, c.enterprise.orgId, c.rival.orgId]));
    });
  });
});
