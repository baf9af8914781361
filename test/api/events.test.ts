/**
 * Technology fairs and brokerage events through the API: an operator's event (bad input refused
 * writing nothing), registrations and their approval (a second registration, foreign or
 * unpublished listings and availability outside the event refused writing nothing; the capacity),
 * the public catalogue searched inside the event, meetings asked for, accepted and scheduled in
 * the earliest slot within both availabilities (at a table on site, in a room online; 409 when
 * there is none), declined and cancelled, the agenda as JSON and as iCalendar, outcomes, a deal
 * opened from a meeting, and the operator's report checked against this test's own counts.
 */
import assert from 'node:assert/strict';
import request from 'supertest';
import { parse as parseCsv } from 'csv-parse/sync';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { signUp, type Member } from '../helpers/factories';
import { clearRecordCaches } from '../../server/common/record-cache';
import { syncSearchIndex } from '../../server/search-sync/search-sync.service';
import { EventModel } from '../../server/events/event.model';
import { EventRegistrationModel } from '../../server/events/event-registration.model';
import { MeetingModel } from '../../server/events/meeting.model';
import { DealModel } from '../../server/deals/deal.model';
import { NotificationModel } from '../../server/notifications/notification.model';
import { OwnerListModel } from '../../server/read-models/owner-list.model';
import { rebuildOwnerLists } from '../../server/owner-list-sync';
import { watchCommands, type Asked } from '../helpers/command-watch';
import { cast, publishedOffer, terms, type Cast } from './deals-helpers';
import { approvedParticipant, at, createEvent, onlineEvent, onSiteEvent, period } from './events-helpers';

/** The iCalendar file's content lines, unfolded, as `[name, value]`. */
function calendarLines(text: string): [string, string][] {
  assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n'));
  assert.ok(text.endsWith('END:VCALENDAR\r\n'));
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean)
    .map((line) => {
      const i = line.indexOf(':');
      return [line.slice(0, i), line.slice(i + 1)];
    });
}

/** What was asked of the database that is not a lookup by `_id` (owner lists, records, sessions, locks). */
function notById(asked: Asked[]): Asked[] {
  return asked.filter((a) => {
    if (a.command === 'count' || a.command === 'aggregate' || a.command === 'distinct') return true;
    const f = a.filter as Record<string, unknown>;
    return !f || typeof f !== 'object' || !('_id' in f);
  });
}

const icsTime = (iso: string) => iso.replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');

describe('technology fairs and brokerage events', function () {
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

  const count = {
    events: () => EventModel.countDocuments(),
    registrations: () => EventRegistrationModel.countDocuments(),
    meetings: () => MeetingModel.countDocuments(),
    deals: () => DealModel.countDocuments(),
  };
  const fieldsOf = (res: { body: { error: { details: { field: string }[] } } }) =>
    res.body.error.details.map((d) => d.field);

  describe('events', () => {
    it('when an operator creates an event, then it is public, listed upcoming first, and bad input is refused naming the field, writing nothing', async () => {
      await c.enterprise.agent.post('/api/admin/events').send(onSiteEvent()).expect(403);
      await request(t.app).post('/api/admin/events').send(onSiteEvent()).expect(401);
      const refusals: [Record<string, unknown>, string][] = [
        [{ endsAt: at('08:00') }, 'endsAt'],
        [{ registrationClosesAt: at('12:30') }, 'registrationClosesAt'],
        [{ tables: undefined }, 'tables'],
        [{ venue: undefined }, 'venue'],
        [{ fields: ['alchemy'] }, 'fields.0'],
        [{ fields: [] }, 'fields'],
        [{ breaks: [period('08:00', '08:30')] }, 'breaks.0'],
        [{ breaks: [period('10:30', '10:10')] }, 'breaks.0.to'],
        [{ slotMinutes: 2 }, 'slotMinutes'],
        [{ slotMinutes: 240, endsAt: at('10:00') }, 'slotMinutes'],
        [{ endsAt: new Date(Date.parse(at('09:00')) + 40 * 86_400_000).toISOString() }, 'endsAt'],
        [{ startsAt: 'tomorrow' }, 'startsAt'],
      ];
      for (const [change, field] of refusals) {
        const res = await admin.agent.post('/api/admin/events').send(onSiteEvent(change)).expect(400);
        assert.ok(fieldsOf(res).includes(field), `${field}: ${JSON.stringify(res.body.error.details)}`);
      }
      const online = await admin.agent
        .post('/api/admin/events')
        .send(onlineEvent({ tables: 3 }))
        .expect(400);
      assert.deepEqual(fieldsOf(online), ['tables']);
      assert.equal(await count.events(), 0);

      const created = await admin.agent.post('/api/admin/events').send(onSiteEvent()).expect(201);
      const event = created.body.event;
      assert.equal(event.slotMinutes, 20);
      assert.equal(event.tables, 2);
      assert.equal(event.phase, 'registration_open');
      assert.equal(event.registrationOpen, true);
      assert.equal(event.titleEn, 'Hanoi Techmart 2027');
      assert.deepEqual(event.breaks, [period('10:00', '10:20')]);

      const past = await createEvent(
        admin,
        onlineEvent({
          title: 'Techmart 2020',
          startsAt: '2020-10-01T02:00:00.000Z',
          endsAt: '2020-10-01T10:00:00.000Z',
          registrationClosesAt: '2020-09-25T00:00:00.000Z',
          breaks: [],
        }),
      );
      const later = await createEvent(
        admin,
        onlineEvent({ title: 'Demo day', startsAt: at('10:00'), breaks: [] }),
      );
      const list = await request(t.app).get('/api/events').expect(200);
      assert.deepEqual(
        list.body.events.map((e: { id: string }) => e.id),
        [event.id, later, past],
      );
      assert.equal(list.body.total, 3);
      assert.equal(list.body.events[2].phase, 'ended');
      const ended = await request(t.app).get('/api/events?phase=ended').expect(200);
      assert.deepEqual(
        ended.body.events.map((e: { id: string }) => e.id),
        [past],
      );
      const one = await request(t.app).get(`/api/events/${event.id}`).expect(200);
      assert.equal(one.body.event.venue, 'Cung Văn hoá Hữu nghị, 91 Trần Hưng Đạo');
      await request(t.app).get('/api/events/0123456789abcdef01234567').expect(404);
      await request(t.app).get('/api/events/nope').expect(400);
    });
  });

  describe('registrations', () => {
    it('when organizations register, then each is pending once, refusals write nothing, and operators approve or reject it', async () => {
      const eventId = await createEvent(admin);
      const offerId = await publishedOffer(c.institute);
      const draftId = await publishedOffer(c.institute, { status: 'draft', publishedAt: undefined });
      const foreignId = await publishedOffer(c.rival);
      const register = (m: Member, body: Record<string, unknown>) =>
        m.agent.post(`/api/events/${eventId}/registrations`).send(body);
      const exhibitor = {
        role: 'exhibitor',
        listingIds: [offerId],
        pitch: 'MBBR',
        availability: [period('09:00', '12:00')],
      };

      const refusals: [Record<string, unknown>, string][] = [
        [{ listingIds: [foreignId] }, 'listingIds'],
        [{ listingIds: [draftId] }, 'listingIds'],
        [{ listingIds: [] }, 'listingIds'],
        [{ availability: [period('08:00', '09:30')] }, 'availability.0'],
        [{ availability: [period('11:00', '10:00')] }, 'availability.0.to'],
        [{ availability: [] }, 'availability'],
        [{ role: 'visitor', listingIds: [offerId] }, 'listingIds'],
        [{ role: 'speaker' }, 'role'],
      ];
      for (const [change, field] of refusals) {
        const res = await register(c.institute, { ...exhibitor, ...change }).expect(400);
        assert.ok(fieldsOf(res).includes(field), `${field}: ${JSON.stringify(res.body.error.details)}`);
      }
      const unverified = await signUp(t.app, { verified: false });
      await register(unverified, { role: 'visitor', availability: [period('09:00', '10:00')] }).expect(403);
      await request(t.app).post(`/api/events/${eventId}/registrations`).send(exhibitor).expect(401);
      await c.institute.agent
        .post('/api/events/0123456789abcdef01234567/registrations')
        .send(exhibitor)
        .expect(404);
      assert.equal(await count.registrations(), 0);

      const created = await c.institute.agent
        .post(`/api/events/${eventId}/registrations`)
        .send(exhibitor)
        .expect(201);
      const reg = created.body.registration;
      assert.equal(reg.status, 'pending');
      assert.equal(reg.role, 'exhibitor');
      assert.deepEqual(
        reg.listings.map((l: { id: string; kind: string }) => [l.kind, l.id]),
        [['offer', offerId]],
      );
      assert.equal(reg.organization.name, 'Viện Công nghệ Môi trường');
      // A second registration of the same organization (another member, or the same) is a conflict.
      const again = await register(c.institute, {
        role: 'visitor',
        availability: [period('09:00', '10:00')],
      }).expect(409);
      assert.match(again.body.error.message, /already registered/);
      assert.equal(await count.registrations(), 1);

      const visitor = await register(c.enterprise, {
        role: 'visitor',
        lookingFor: 'Xử lý nước thải chế biến thuỷ sản',
        availability: [period('09:00', '10:00'), period('11:00', '12:00')],
      }).expect(201);
      const rivalReg = await register(c.rival, {
        role: 'visitor',
        availability: [period('09:00', '10:00')],
      }).expect(201);

      const mine = await c.enterprise.agent.get(`/api/events/${eventId}/registrations/mine`).expect(200);
      assert.equal(mine.body.registration.id, visitor.body.registration.id);
      const none = await c.outsider.agent.get(`/api/events/${eventId}/registrations/mine`).expect(200);
      assert.equal(none.body.registration, null);
      await admin.agent.get(`/api/events/${eventId}/registrations/mine`).expect(403);

      await c.enterprise.agent.get(`/api/admin/events/${eventId}/registrations`).expect(403);
      const listed = await admin.agent.get(`/api/admin/events/${eventId}/registrations`).expect(200);
      assert.equal(listed.body.total, 3);
      const pending = await admin.agent
        .get(`/api/admin/events/${eventId}/registrations?role=visitor`)
        .expect(200);
      assert.equal(pending.body.total, 2);

      const approve = (rid: string) =>
        admin.agent.post(`/api/admin/events/${eventId}/registrations/${rid}/approve`);
      await c.institute.agent
        .post(`/api/admin/events/${eventId}/registrations/${reg.id}/approve`)
        .expect(403);
      const approved = await approve(reg.id).expect(200);
      assert.equal(approved.body.registration.status, 'approved');
      await approve(reg.id).expect(200); // once more changes nothing
      const rejected = await admin.agent
        .post(`/api/admin/events/${eventId}/registrations/${rivalReg.body.registration.id}/reject`)
        .send({ reason: 'Không thuộc lĩnh vực của sự kiện' })
        .expect(200);
      assert.equal(rejected.body.registration.status, 'rejected');
      assert.equal(rejected.body.registration.rejectionReason, 'Không thuộc lĩnh vực của sự kiện');
      await approve(rivalReg.body.registration.id).expect(409);
      await admin.agent
        .post(`/api/admin/events/${eventId}/registrations/${visitor.body.registration.id}/reject`)
        .send({})
        .expect(400);
      const otherEvent = await createEvent(admin, onlineEvent());
      await admin.agent
        .post(`/api/admin/events/${otherEvent}/registrations/${visitor.body.registration.id}/approve`)
        .expect(404);

      const told = await NotificationModel.find({ userId: c.institute.user.id }).lean();
      assert.deepEqual(
        told.map((n) => n.type),
        ['event.registration_approved'],
      );
      assert.deepEqual(
        (await NotificationModel.find({ userId: c.rival.user.id }).lean()).map((n) => n.type),
        ['event.registration_rejected'],
      );
    });

    it('when the capacity is reached, then a further approval is refused; after the registration window, registering is refused', async () => {
      const eventId = await createEvent(admin, onSiteEvent({ capacity: 1 }));
      const regs = [];
      for (const m of [c.enterprise, c.rival]) {
        const res = await m.agent
          .post(`/api/events/${eventId}/registrations`)
          .send({ role: 'visitor', availability: [period('09:00', '10:00')] })
          .expect(201);
        regs.push(res.body.registration.id as string);
      }
      await admin.agent.post(`/api/admin/events/${eventId}/registrations/${regs[0]}/approve`).expect(200);
      const full = await admin.agent
        .post(`/api/admin/events/${eventId}/registrations/${regs[1]}/approve`)
        .expect(409);
      assert.match(full.body.error.message, /capacity of 1/);
      assert.equal((await EventRegistrationModel.findById(regs[1]).lean())!.status, 'pending');

      const closed = await createEvent(
        admin,
        onSiteEvent({ registrationClosesAt: new Date(Date.now() - 60_000).toISOString() }),
      );
      const late = await c.outsider.agent
        .post(`/api/events/${closed}/registrations`)
        .send({ role: 'visitor', availability: [period('09:00', '10:00')] })
        .expect(409);
      assert.match(late.body.error.message, /closed/);
      assert.equal(await count.registrations(), 2);
    });
  });

  describe('the catalogue', () => {
    it('when the public opens the catalogue, then it shows approved exhibitors with their listings, searchable and filterable inside the event', async () => {
      const eventId = await createEvent(admin);
      const water = await publishedOffer(c.institute, {
        title: 'Công nghệ xử lý nước thải bằng màng sinh học',
      });
      const rice = await publishedOffer(c.institute, {
        title: 'Giống lúa chịu mặn ĐTM-126',
        summary: 'Giống lúa cho vùng nhiễm mặn',
        field: 'agricultural_sciences',
      });
      const elsewhere = await publishedOffer(c.rival, { title: 'Công nghệ xử lý nước thải dệt nhuộm' });
      const pendingOne = await publishedOffer(c.outsider, { title: 'Lọc nước thải bằng than hoạt tính' });
      await syncSearchIndex({ search: t.ctx.search });
      await approvedParticipant(admin, c.institute, eventId, { listingIds: [water, rice] });
      await c.outsider.agent
        .post(`/api/events/${eventId}/registrations`)
        .send({ role: 'exhibitor', listingIds: [pendingOne], availability: [period('09:00', '10:00')] })
        .expect(201);
      await approvedParticipant(admin, c.enterprise, eventId);

      const all = await request(t.app).get(`/api/events/${eventId}/catalogue`).expect(200);
      assert.equal(all.body.total, 1);
      assert.equal(all.body.exhibitors[0].organization.id, c.institute.orgId);
      assert.deepEqual(
        all.body.exhibitors[0].listings.map((l: { id: string }) => l.id).sort(),
        [water, rice].sort(),
      );
      const searched = await request(t.app)
        .get(`/api/events/${eventId}/catalogue?q=xu%20ly%20nuoc%20thai`)
        .expect(200);
      assert.deepEqual(
        searched.body.exhibitors.flatMap((e: { listings: { id: string }[] }) => e.listings.map((l) => l.id)),
        [water],
        'the rival’s matching listing is not at the event',
      );
      assert.ok(!JSON.stringify(searched.body).includes(elsewhere));
      const byField = await request(t.app)
        .get(`/api/events/${eventId}/catalogue?field=agricultural_sciences`)
        .expect(200);
      assert.deepEqual(
        byField.body.exhibitors[0].listings.map((l: { id: string }) => l.id),
        [rice],
      );
      const nothing = await request(t.app).get(`/api/events/${eventId}/catalogue?q=robot%20han`).expect(200);
      assert.equal(nothing.body.total, 0);
    });
  });

  describe('meetings', () => {
    /** The institute exhibits (09:00–12:00), the enterprise visits (09:40–11:00), the rival visits (all morning). */
    async function fair(body: Record<string, unknown> = onSiteEvent()) {
      const eventId = await createEvent(admin, body);
      const offerId = await publishedOffer(c.institute);
      await approvedParticipant(admin, c.institute, eventId, { listingIds: [offerId] });
      await approvedParticipant(admin, c.enterprise, eventId, { availability: [period('09:40', '11:00')] });
      await approvedParticipant(admin, c.rival, eventId);
      return { eventId, offerId };
    }
    const ask = (m: Member, eventId: string, withOrg: Member, extra: Record<string, unknown> = {}) =>
      m.agent
        .post(`/api/events/${eventId}/meetings`)
        .send({ withOrganizationId: withOrg.orgId, message: 'Chúng tôi muốn tìm hiểu công nghệ.', ...extra });

    it('when a participant asks for a meeting and the other accepts, then it is scheduled in the earliest slot within both availabilities, at a free table', async () => {
      const { eventId, offerId } = await fair();
      // Refusals first: none of them writes a meeting.
      const outsiders = await ask(c.outsider, eventId, c.institute).expect(403);
      assert.match(outsiders.body.error.message, /approved participants/);
      const notIn = await ask(c.institute, eventId, c.outsider).expect(400);
      assert.deepEqual(fieldsOf(notIn), ['withOrganizationId']);
      const self = await ask(c.institute, eventId, c.institute).expect(400);
      assert.deepEqual(fieldsOf(self), ['withOrganizationId']);
      const foreignListing = await publishedOffer(c.rival);
      const badListing = await ask(c.enterprise, eventId, c.institute, { listingId: foreignListing }).expect(
        400,
      );
      assert.deepEqual(fieldsOf(badListing), ['listingId']);
      await ask(c.enterprise, eventId, c.institute, { message: '' }).expect(400);
      assert.equal(await count.meetings(), 0);

      const asked = await ask(c.enterprise, eventId, c.institute, { listingId: offerId }).expect(201);
      const meeting = asked.body.meeting;
      assert.equal(meeting.status, 'requested');
      assert.equal(meeting.myRole, 'requester');
      assert.equal(meeting.listing.id, offerId);
      assert.equal(meeting.invitee.name, 'Viện Công nghệ Môi trường');
      const twice = await ask(c.enterprise, eventId, c.institute).expect(409);
      assert.equal(twice.body.error.details[0].value, meeting.id);
      await ask(c.institute, eventId, c.enterprise).expect(409);
      assert.equal(await count.meetings(), 1);
      assert.deepEqual(
        (
          await NotificationModel.find({
            userId: c.institute.user.id,
            type: 'event.meeting_requested',
          }).lean()
        ).length,
        1,
      );

      await c.enterprise.agent.post(`/api/meetings/${meeting.id}/accept`).expect(403);
      await c.outsider.agent.post(`/api/meetings/${meeting.id}/accept`).expect(404);
      await request(t.app).post(`/api/meetings/${meeting.id}/accept`).expect(401);
      const accepted = await c.institute.agent.post(`/api/meetings/${meeting.id}/accept`).expect(200);
      // The enterprise is free from 09:40: the first slot both have.
      assert.equal(accepted.body.meeting.status, 'accepted');
      assert.equal(accepted.body.meeting.startsAt, at('09:40'));
      assert.equal(accepted.body.meeting.endsAt, at('10:00'));
      assert.equal(accepted.body.meeting.table, 1);
      assert.equal(accepted.body.meeting.roomUrl, undefined);
      const again = await c.institute.agent.post(`/api/meetings/${meeting.id}/accept`).expect(200);
      assert.equal(again.body.meeting.startsAt, at('09:40'));
      assert.equal(
        (
          await NotificationModel.find({
            userId: c.enterprise.user.id,
            type: 'event.meeting_accepted',
          }).lean()
        ).length,
        1,
      );

      // The rival is free all morning, the institute is now busy 09:40–10:00: the rival gets 09:00.
      const second = await ask(c.rival, eventId, c.institute).expect(201);
      const secondAccepted = await c.institute.agent
        .post(`/api/meetings/${second.body.meeting.id}/accept`)
        .expect(200);
      assert.equal(secondAccepted.body.meeting.startsAt, at('09:00'));
      assert.equal(secondAccepted.body.meeting.table, 1);

      // Two visitors meet too: 09:00 is the rival's, 09:40 the enterprise's, 10:00 is the break.
      const visitors = await ask(c.rival, eventId, c.enterprise).expect(201);
      const third = await c.enterprise.agent
        .post(`/api/meetings/${visitors.body.meeting.id}/accept`)
        .expect(200);
      assert.equal(third.body.meeting.startsAt, at('10:20'));

      // The institute cancels its 09:00 meeting: the slot is free again for the next one.
      await c.outsider.agent.post(`/api/meetings/${second.body.meeting.id}/cancel`).send({}).expect(404);
      const cancelled = await c.institute.agent
        .post(`/api/meetings/${second.body.meeting.id}/cancel`)
        .send({ reason: 'Trùng lịch' })
        .expect(200);
      assert.equal(cancelled.body.meeting.status, 'cancelled');
      assert.equal(cancelled.body.meeting.cancelledByOrgId, c.institute.orgId);
      await c.institute.agent.post(`/api/meetings/${second.body.meeting.id}/accept`).expect(409);
      const fresh = await ask(c.rival, eventId, c.institute).expect(201);
      const refilled = await c.institute.agent
        .post(`/api/meetings/${fresh.body.meeting.id}/accept`)
        .expect(200);
      assert.equal(refilled.body.meeting.startsAt, at('09:00'));
    });

    it('when the two have no common slot, then acceptance is refused with a clear message and nothing changes; a declined meeting cannot be accepted', async () => {
      const eventId = await createEvent(admin);
      const offerId = await publishedOffer(c.institute);
      await approvedParticipant(admin, c.institute, eventId, {
        listingIds: [offerId],
        availability: [period('09:00', '10:00')],
      });
      await approvedParticipant(admin, c.enterprise, eventId, { availability: [period('10:20', '12:00')] });
      await approvedParticipant(admin, c.rival, eventId, { availability: [period('09:30', '09:50')] });
      const asked = await ask(c.enterprise, eventId, c.institute).expect(201);
      const before = await MeetingModel.findById(asked.body.meeting.id).lean();
      const refused = await c.institute.agent
        .post(`/api/meetings/${asked.body.meeting.id}/accept`)
        .expect(409);
      assert.match(
        refused.body.error.message,
        /No meeting slot left at this event lies within both organizations’ availability/,
      );
      assert.deepEqual(await MeetingModel.findById(asked.body.meeting.id).lean(), before);

      // 09:30–09:50 holds no whole slot of the 20-minute grid (09:20–09:40, 09:40–10:00).
      const rivals = await ask(c.rival, eventId, c.institute).expect(201);
      await c.institute.agent.post(`/api/meetings/${rivals.body.meeting.id}/accept`).expect(409);

      await c.enterprise.agent.post(`/api/meetings/${asked.body.meeting.id}/decline`).send({}).expect(403);
      const declined = await c.institute.agent
        .post(`/api/meetings/${asked.body.meeting.id}/decline`)
        .send({ reason: 'Không phù hợp' })
        .expect(200);
      assert.equal(declined.body.meeting.status, 'declined');
      assert.equal(declined.body.meeting.declineReason, 'Không phù hợp');
      await c.institute.agent.post(`/api/meetings/${asked.body.meeting.id}/accept`).expect(409);
      await c.enterprise.agent.post(`/api/meetings/${asked.body.meeting.id}/cancel`).send({}).expect(409);
      assert.equal(
        (
          await NotificationModel.find({
            userId: c.enterprise.user.id,
            type: 'event.meeting_declined',
          }).lean()
        ).length,
        1,
      );
      // Once declined, the pair may ask again.
      await ask(c.enterprise, eventId, c.institute).expect(201);
    });

    it('when an online event’s meeting is accepted, then it has a room instead of a table', async () => {
      const { eventId } = await fair(onlineEvent());
      const asked = await ask(c.rival, eventId, c.institute).expect(201);
      const accepted = await c.institute.agent
        .post(`/api/meetings/${asked.body.meeting.id}/accept`)
        .expect(200);
      assert.equal(accepted.body.meeting.startsAt, at('09:00'));
      assert.equal(accepted.body.meeting.table, undefined);
      assert.equal(
        accepted.body.meeting.roomUrl,
        `/events/${eventId}/meetings/${asked.body.meeting.id}/room`,
      );
    });

    it('gives each participant its agenda in time order, as JSON and as an iCalendar file with a reminder before each meeting', async () => {
      const { eventId, offerId } = await fair();
      const first = await ask(c.enterprise, eventId, c.institute, { listingId: offerId }).expect(201);
      const second = await ask(c.rival, eventId, c.institute).expect(201);
      const pending = await ask(c.rival, eventId, c.enterprise).expect(201);
      await c.institute.agent.post(`/api/meetings/${first.body.meeting.id}/accept`).expect(200);
      await c.institute.agent.post(`/api/meetings/${second.body.meeting.id}/accept`).expect(200);

      const agenda = await c.institute.agent.get(`/api/events/${eventId}/my-agenda`).expect(200);
      assert.deepEqual(
        agenda.body.meetings.map((m: { id: string; startsAt: string }) => [m.id, m.startsAt]),
        [
          [second.body.meeting.id, at('09:00')],
          [first.body.meeting.id, at('09:40')],
        ],
      );
      assert.deepEqual(agenda.body.pending, []);
      const enterprises = await c.enterprise.agent.get(`/api/events/${eventId}/my-agenda`).expect(200);
      assert.deepEqual(
        enterprises.body.pending.map((m: { id: string; myRole: string }) => [m.id, m.myRole]),
        [[pending.body.meeting.id, 'invitee']],
      );
      const outsiders = await c.outsider.agent.get(`/api/events/${eventId}/my-agenda`).expect(200);
      assert.deepEqual(outsiders.body.meetings, []);
      await request(t.app).get(`/api/events/${eventId}/my-agenda`).expect(401);

      for (const res of [
        await c.institute.agent
          .get(`/api/events/${eventId}/my-agenda`)
          .set('Accept', 'text/calendar')
          .expect(200),
        await c.institute.agent.get(`/api/events/${eventId}/my-agenda?format=ics`).expect(200),
      ]) {
        assert.match(res.headers['content-type'], /^text\/calendar/);
        assert.match(res.headers['content-disposition'], /attachment; filename="agenda-.*\.ics"/);
        const lines = calendarLines(res.text);
        const values = (name: string) => lines.filter(([n]) => n === name).map(([, v]) => v);
        assert.equal(lines.filter(([n, v]) => n === 'BEGIN' && v === 'VEVENT').length, 2);
        assert.deepEqual(values('DTSTART'), [icsTime(at('09:00')), icsTime(at('09:40'))]);
        assert.deepEqual(values('DTEND'), [icsTime(at('09:20')), icsTime(at('10:00'))]);
        assert.deepEqual(values('UID').length, 2);
        assert.equal(new Set(values('UID')).size, 2);
        assert.equal(values('DTSTAMP').length, 2);
        assert.deepEqual(values('TRIGGER'), ['-PT15M', '-PT15M']);
        assert.ok(values('SUMMARY')[1].includes('Công ty Nước Sạch Hà Nội'));
        assert.ok(
          values('LOCATION').every((l) => l.includes('Bàn 1')),
          values('LOCATION').join(' | '),
        );
      }
      const json = await c.institute.agent
        .get(`/api/events/${eventId}/my-agenda?format=json`)
        .set('Accept', 'text/calendar')
        .expect(200);
      assert.equal(json.body.meetings.length, 2);
    });
  });

  describe('read paths', () => {
    it('when the pages of an event are read and a meeting is accepted, then the database is asked by _id only, and lists rebuilt from the records give the same answers', async () => {
      const eventId = await createEvent(admin);
      const offerId = await publishedOffer(c.institute);
      await approvedParticipant(admin, c.institute, eventId, { listingIds: [offerId] });
      await approvedParticipant(admin, c.enterprise, eventId);
      await approvedParticipant(admin, c.rival, eventId);
      const first = await c.enterprise.agent
        .post(`/api/events/${eventId}/meetings`)
        .send({ withOrganizationId: c.institute.orgId, message: 'Xin gặp', listingId: offerId })
        .expect(201);
      const second = await c.rival.agent
        .post(`/api/events/${eventId}/meetings`)
        .send({ withOrganizationId: c.institute.orgId, message: 'Xin gặp' })
        .expect(201);
      await c.institute.agent.post(`/api/meetings/${first.body.meeting.id}/accept`).expect(200);
      clearRecordCaches();
      const watch = watchCommands();
      try {
        await c.institute.agent.post(`/api/meetings/${second.body.meeting.id}/accept`).expect(200);
        await request(t.app).get('/api/events').expect(200);
        await request(t.app).get(`/api/events/${eventId}`).expect(200);
        await request(t.app).get(`/api/events/${eventId}/catalogue`).expect(200);
        await c.institute.agent.get(`/api/events/${eventId}/my-agenda`).expect(200);
        await c.institute.agent.get(`/api/events/${eventId}/my-agenda?format=ics`).expect(200);
        await c.enterprise.agent.get(`/api/events/${eventId}/registrations/mine`).expect(200);
        await admin.agent.get(`/api/admin/events/${eventId}/registrations`).expect(200);
        await admin.agent.get(`/api/admin/events/${eventId}/report`).expect(200);
      } finally {
        watch.stop();
      }
      assert.ok(
        watch.asked.some((a) => a.collection === 'meetings'),
        'the command watch sees the meetings read',
      );
      assert.deepEqual(notById(watch.asked), []);

      const agenda = (await c.institute.agent.get(`/api/events/${eventId}/my-agenda`).expect(200)).body;
      const report = (await admin.agent.get(`/api/admin/events/${eventId}/report`).expect(200)).body;
      const events = (await request(t.app).get('/api/events').expect(200)).body;
      await OwnerListModel.collection.deleteMany({});
      clearRecordCaches();
      assert.deepEqual(
        (await c.institute.agent.get(`/api/events/${eventId}/my-agenda`).expect(200)).body.meetings,
        [],
      );
      await rebuildOwnerLists();
      assert.deepEqual(
        (await c.institute.agent.get(`/api/events/${eventId}/my-agenda`).expect(200)).body,
        agenda,
      );
      assert.deepEqual(
        (await admin.agent.get(`/api/admin/events/${eventId}/report`).expect(200)).body,
        report,
      );
      assert.deepEqual((await request(t.app).get('/api/events').expect(200)).body, events);
    });
  });

  describe('after the event', () => {
    it('records outcomes, opens a deal from a meeting with the event as its source, and reports figures that match this test’s own counts', async () => {
      const eventId = await createEvent(admin);
      const offerId = await publishedOffer(c.institute);
      const visitors: Member[] = [c.enterprise, c.rival, c.outsider];
      await approvedParticipant(admin, c.institute, eventId, { listingIds: [offerId] });
      for (const v of visitors) await approvedParticipant(admin, v, eventId);
      const lateExhibitorOffer = await publishedOffer(c.broker);
      const lateReg = await c.broker.agent
        .post(`/api/events/${eventId}/registrations`)
        .send({
          role: 'exhibitor',
          listingIds: [lateExhibitorOffer],
          availability: [period('09:00', '10:00')],
        })
        .expect(201);
      const rejectedVisitor = await signUp(t.app, { kind: 'enterprise', orgName: 'Công ty Đến Muộn' });
      const rejectedReg = await rejectedVisitor.agent
        .post(`/api/events/${eventId}/registrations`)
        .send({ role: 'visitor', availability: [period('09:00', '10:00')] })
        .expect(201);
      await admin.agent
        .post(`/api/admin/events/${eventId}/registrations/${rejectedReg.body.registration.id}/reject`)
        .send({ reason: 'Hết chỗ' })
        .expect(200);
      assert.ok(lateReg.body.registration.id);

      // Meetings: the enterprise's and the rival's accepted (the enterprise's will be held), the
      // outsider's declined; the enterprise asks the rival and cancels; the rival asks the outsider (still pending).
      const meet = async (from: Member, to: Member, extra: Record<string, unknown> = {}) =>
        (
          await from.agent
            .post(`/api/events/${eventId}/meetings`)
            .send({ withOrganizationId: to.orgId, message: 'Xin gặp', ...extra })
            .expect(201)
        ).body.meeting.id as string;
      const held = await meet(c.enterprise, c.institute, { listingId: offerId });
      const acceptedOnly = await meet(c.rival, c.institute);
      const declined = await meet(c.outsider, c.institute);
      const cancelled = await meet(c.enterprise, c.rival);
      await meet(c.rival, c.outsider);
      await c.institute.agent.post(`/api/meetings/${held}/accept`).expect(200);
      await c.institute.agent.post(`/api/meetings/${acceptedOnly}/accept`).expect(200);
      await c.institute.agent.post(`/api/meetings/${declined}/decline`).send({}).expect(200);
      await c.rival.agent.post(`/api/meetings/${cancelled}/cancel`).send({}).expect(200);

      // Before the meeting starts, no outcome.
      await c.enterprise.agent
        .post(`/api/meetings/${held}/outcome`)
        .send({ outcome: 'follow_up' })
        .expect(409);
      // The meeting took place (moved into the past, as the clock would).
      const hourAgo = Date.now() - 3600_000;
      await MeetingModel.updateOne(
        { _id: held },
        { $set: { startsAt: new Date(hourAgo), endsAt: new Date(hourAgo + 20 * 60_000) } },
      );
      clearRecordCaches();
      await c.enterprise.agent
        .post(`/api/meetings/${held}/outcome`)
        .send({ outcome: 'sideways' })
        .expect(400);
      await c.outsider.agent.post(`/api/meetings/${held}/outcome`).send({ outcome: 'follow_up' }).expect(404);
      const outcome = await c.enterprise.agent
        .post(`/api/meetings/${held}/outcome`)
        .send({ outcome: 'negotiation_opened', note: 'Đàm phán giấy phép' })
        .expect(200);
      assert.equal(outcome.body.meeting.held, true);
      assert.deepEqual(
        outcome.body.meeting.outcomes.map((o: { organizationId: string; outcome: string }) => [
          o.organizationId,
          o.outcome,
        ]),
        [[c.enterprise.orgId, 'negotiation_opened']],
      );
      await c.institute.agent
        .post(`/api/meetings/${held}/outcome`)
        .send({ outcome: 'follow_up' })
        .expect(200);
      await c.institute.agent
        .post(`/api/meetings/${held}/outcome`)
        .send({ outcome: 'negotiation_opened' })
        .expect(200);

      // A deal opened from the meeting carries the event; a meeting that is not the caller's, or not
      // with the listing's owner, or not accepted, is refused naming meetingId, writing nothing.
      const otherOffer = await publishedOffer(c.rival);
      const refusals: [Member, Record<string, unknown>][] = [
        [c.enterprise, { offerId, meetingId: declined }],
        [c.enterprise, { offerId: otherOffer, meetingId: held }],
        [c.enterprise, { offerId, meetingId: cancelled }],
        [c.outsider, { offerId, meetingId: held }],
        [c.enterprise, { offerId, meetingId: '0123456789abcdef01234567' }],
      ];
      for (const [who, body] of refusals) {
        const res = await who.agent.post('/api/deals').send(body).expect(400);
        assert.deepEqual(fieldsOf(res), ['meetingId'], JSON.stringify(body));
      }
      assert.equal(await count.deals(), 0);
      const deal = await c.enterprise.agent.post('/api/deals').send({ offerId, meetingId: held }).expect(201);
      assert.deepEqual(deal.body.deal.source, { kind: 'event', eventId, meetingId: held });
      const dealId = deal.body.deal.id as string;
      await c.institute.agent.post(`/api/deals/${dealId}/terms`).send(terms(450_000_000)).expect(201);
      await c.institute.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
      await c.enterprise.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
      // A second deal from the rival's meeting, not agreed.
      const rivalOffer = await publishedOffer(c.institute, { title: 'Công nghệ lọc nước nhiễm mặn' });
      await c.rival.agent
        .post('/api/deals')
        .send({ offerId: rivalOffer, meetingId: acceptedOnly })
        .expect(201);
      // A deal opened without a meeting is not the event's.
      await c.outsider.agent.post('/api/deals').send({ offerId }).expect(201);

      await c.institute.agent.get(`/api/admin/events/${eventId}/report`).expect(403);
      const report = (await admin.agent.get(`/api/admin/events/${eventId}/report`).expect(200)).body;
      assert.deepEqual(report.event, { id: eventId, title: onSiteEvent().title });
      assert.deepEqual(report.registrations, {
        total: 6,
        exhibitor: { pending: 1, approved: 1, rejected: 0, revoked: 0, cancelled: 0, total: 2 },
        visitor: { pending: 0, approved: 3, rejected: 1, revoked: 0, cancelled: 0, total: 4 },
      });
      assert.deepEqual(report.meetings, {
        requested: 5,
        pending: 1,
        accepted: 2,
        declined: 1,
        cancelled: 1,
        held: 1,
      });
      assert.deepEqual(report.outcomes, { no_interest: 0, follow_up: 0, negotiation_opened: 2 });
      assert.deepEqual(report.deals, { opened: 2, agreed: 1, value: { VND: 450_000_000 } });

      const csv = await admin.agent.get(`/api/admin/events/${eventId}/report?format=csv`).expect(200);
      assert.match(csv.headers['content-type'], /^text\/csv/);
      assert.match(csv.headers['content-disposition'], /attachment; filename="event-report-/);
      const rows = new Map(
        (parseCsv(csv.text, { bom: true, from_line: 2 }) as string[][]).map(([k, v]) => [k, Number(v)]),
      );
      assert.equal(rows.get('meetings_requested'), 5);
      assert.equal(rows.get('meetings_held'), 1);
      assert.equal(rows.get('registrations_visitor_approved'), 3);
      assert.equal(rows.get('deals_opened'), 2);
      assert.equal(rows.get('deals_agreed'), 1);
      assert.equal(rows.get('deals_agreed_value_VND'), 450_000_000);
      const xlsx = await admin.agent.get(`/api/admin/events/${eventId}/report?format=xlsx`).expect(200);
      assert.match(xlsx.headers['content-type'], /spreadsheetml/);
    });
  });
});
