/**
 * An online meeting's room over HTTP: its facts and message history for the two organizations'
 * members and operators; outsiders told nothing (404), a room not open (a request, a cancelled or
 * on-site meeting) refused with 409, bad input refused naming the field.
 */
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { cast, type Cast } from './deals-helpers';
import { meetingAt } from './meeting-room-helpers';
import { postMeetingMessage } from '../../server/negotiation/meeting-messages';
import { MessageModel } from '../../server/negotiation/message.model';

describe('online meeting rooms (HTTP)', function () {
  this.timeout(60_000);
  let t: TestApp;
  let c: Cast;

  before(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await resetDatabase();
    c = await cast(t.app);
  });

  it('when a meeting at an online event is accepted, then both sides and operators see its room: the meeting, its event and their role', async () => {
    const { eventId, meetingId } = await meetingAt(c.admin, c.enterprise, c.institute);
    const mine = await c.enterprise.agent.get(`/api/meetings/${meetingId}/room`).expect(200);
    assert.equal(mine.body.role, 'requester');
    assert.equal(mine.body.event.id, eventId);
    assert.equal(mine.body.event.title, 'Ngày kết nối trực tuyến');
    assert.equal(mine.body.meeting.requester.name, 'Công ty Nước Sạch Hà Nội');
    assert.equal(mine.body.meeting.invitee.name, 'Viện Công nghệ Môi trường');
    assert.equal(mine.body.meeting.roomUrl, `/events/${eventId}/meetings/${meetingId}/room`);
    const theirs = await c.institute.agent.get(`/api/meetings/${meetingId}/room`).expect(200);
    assert.equal(theirs.body.role, 'invitee');
    const operators = await c.admin.agent.get(`/api/meetings/${meetingId}/room`).expect(200);
    assert.equal(operators.body.role, 'admin');
  });

  it('when messages were said in the room, then its members read them page by page, newest last', async () => {
    const { meetingId } = await meetingAt(c.admin, c.enterprise, c.institute);
    for (let i = 1; i <= 3; i++)
      await postMeetingMessage(
        meetingId,
        { userId: c.enterprise.user.id, name: 'Nguyễn Văn An', role: 'requester' },
        { body: `Tin ${i}`, clientId: `c-${i}` },
      );
    const page = await c.institute.agent.get(`/api/meetings/${meetingId}/messages?limit=2`).expect(200);
    assert.deepEqual(
      page.body.messages.map((m: { body: string; seq: number; authorRole: string }) => [
        m.body,
        m.seq,
        m.authorRole,
      ]),
      [
        ['Tin 2', 2, 'requester'],
        ['Tin 3', 3, 'requester'],
      ],
    );
    assert.equal(page.body.hasMore, true);
    assert.equal(page.body.messages[0].meetingId, meetingId);
    const older = await c.admin.agent.get(`/api/meetings/${meetingId}/messages?before=2`).expect(200);
    assert.deepEqual(
      older.body.messages.map((m: { body: string }) => m.body),
      ['Tin 1'],
    );
    assert.equal(older.body.hasMore, false);
    // The room's messages are not a deal's: no deal room reads them.
    await c.enterprise.agent.get(`/api/deals/${meetingId}/messages`).expect(404);
  });

  it('when someone else asks, or the room is not open, then the room is refused: 404 to outsiders, 409 saying why to the sides', async () => {
    const { meetingId } = await meetingAt(c.admin, c.enterprise, c.institute);
    for (const path of ['room', 'messages']) {
      const outsider = await c.outsider.agent.get(`/api/meetings/${meetingId}/${path}`).expect(404);
      assert.equal(outsider.body.error.code, 'not_found');
      await c.broker.agent.get(`/api/meetings/${meetingId}/${path}`).expect(404);
      await request(t.app).get(`/api/meetings/${meetingId}/${path}`).expect(401);
    }
    const asked = await meetingAt(c.admin, c.rival, c.institute, { accept: false });
    const early = await c.rival.agent.get(`/api/meetings/${asked.meetingId}/room`).expect(409);
    assert.match(early.body.error.message, /not been accepted/);
    const onSite = await meetingAt(c.admin, c.rival, c.enterprise, { online: false });
    const table = await c.enterprise.agent.get(`/api/meetings/${onSite.meetingId}/messages`).expect(409);
    assert.match(table.body.error.message, /on site/);
    await c.institute.agent.post(`/api/meetings/${meetingId}/cancel`).send({}).expect(200);
    const cancelled = await c.enterprise.agent.get(`/api/meetings/${meetingId}/room`).expect(409);
    assert.match(cancelled.body.error.message, /cancelled/);
    assert.equal(await MessageModel.countDocuments(), 0);
  });

  it('when the input is bad, then 400 names the field', async () => {
    const { meetingId } = await meetingAt(c.admin, c.enterprise, c.institute);
    const badId = await c.enterprise.agent.get('/api/meetings/nope/room').expect(400);
    assert.deepEqual([...new Set(badId.body.error.details.map((d: { field: string }) => d.field))], ['id']);
    for (const [query, field] of [
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['before=0', 'before'],
      ['after=-1', 'after'],
    ]) {
      const res = await c.enterprise.agent.get(`/api/meetings/${meetingId}/messages?${query}`).expect(400);
      assert.deepEqual(
        res.body.error.details.map((d: { field: string }) => d.field),
        [field],
        query,
      );
    }
  });
});
