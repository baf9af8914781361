/**
 * An online meeting's room over real Socket.IO clients against a whole running exchange: the two
 * organizations' members and operators join, see who of each side is present, exchange stored
 * messages (a retry stores nothing twice; a rejoin catches up); outsiders, a meeting not accepted,
 * on site or cancelled, and bad payloads are refused, writing nothing.
 */
import assert from 'node:assert/strict';
import request from 'supertest';
import type {
  MeetingChatMessage,
  MeetingJoinResult,
  MeetingPresenceEvent,
} from '../../server/api-contract/socket-events';
import { MessageModel } from '../../server/negotiation/message.model';
import { meetingAt } from '../api/meeting-room-helpers';
import { call, callOk, next, operator, person, type Person, type RoomClient } from './room-fixtures';
import { roomSuite } from './room-suite';

describe('online meeting room (Socket.IO /deals)', function () {
  this.timeout(30000);
  const suite = roomSuite();
  const { pool } = suite;

  async function cast() {
    const [admin, requester, invitee, outsider] = await Promise.all([
      operator(suite.url),
      person(suite.url, { kind: 'enterprise', name: 'Lê Văn Mua', orgName: 'Công ty Nước Sạch Hà Nội' }),
      person(suite.url, { kind: 'institute', name: 'Trần Thị Bán', orgName: 'Viện Công nghệ Môi trường' }),
      person(suite.url, { kind: 'enterprise', name: 'Người Ngoài', orgName: 'Công ty Bên Ngoài' }),
    ]);
    return { admin, requester, invitee, outsider };
  }

  async function joined(p: Person, meetingId: string, afterSeq?: number) {
    const socket = await pool.connect(p);
    const join = await callOk<MeetingJoinResult>(socket, 'meeting:join', {
      meetingId,
      ...(afterSeq === undefined ? {} : { afterSeq }),
    });
    return { socket, join };
  }

  const say = (socket: RoomClient, meetingId: string, body: string, clientId = `c-${Math.random()}`) =>
    callOk<{ message: MeetingChatMessage }>(socket, 'meeting:send', { meetingId, body, clientId });

  const sides = (e: { present: { name: string; side: string }[] }) =>
    e.present.map((p) => `${p.side}:${p.name}`).sort();

  it('when both sides join, then each sees who of either side is present, and messages reach everyone live and are stored once', async () => {
    const { admin, requester, invitee } = await cast();
    const { meetingId } = await meetingAt(admin, requester, invitee);
    const a = await joined(requester, meetingId);
    assert.equal(a.join.role, 'requester');
    assert.deepEqual(sides(a.join), ['requester:Lê Văn Mua']);

    const seesInvitee = next(a.socket, 'meeting:presence', (e) => e.present.length === 2);
    const b = await joined(invitee, meetingId);
    assert.equal(b.join.role, 'invitee');
    assert.deepEqual(sides(b.join), ['invitee:Trần Thị Bán', 'requester:Lê Văn Mua']);
    assert.deepEqual(sides(await seesInvitee), ['invitee:Trần Thị Bán', 'requester:Lê Văn Mua']);

    const heard = next(b.socket, 'meeting:message');
    const sent = await say(a.socket, meetingId, 'Chào anh, bắt đầu nhé?', 'hello-1');
    assert.equal(sent.message.seq, 1);
    assert.equal(sent.message.authorRole, 'requester');
    const live = await heard;
    assert.deepEqual(live.message, sent.message);
    // A retry with the same clientId gets the stored copy back: nothing is stored or said twice.
    const again = await say(a.socket, meetingId, 'Chào anh, bắt đầu nhé?', 'hello-1');
    assert.equal(again.message.id, sent.message.id);
    assert.equal(await MessageModel.countDocuments({ room: 'meeting' }), 1);

    const history = await request(suite.url)
      .get(`/api/meetings/${meetingId}/messages`)
      .set('Cookie', invitee.cookie)
      .expect(200);
    assert.deepEqual(
      history.body.messages.map((m: MeetingChatMessage) => m.body),
      ['Chào anh, bắt đầu nhé?'],
    );

    // An operator may look in; leaving (or closing the tab) is told to those who stay.
    const { join: watching, socket: op } = await joined(admin, meetingId);
    assert.equal(watching.role, 'admin');
    assert.deepEqual(
      watching.messages.map((m) => m.body),
      ['Chào anh, bắt đầu nhé?'],
    );
    const left = next(a.socket, 'meeting:presence', (e: MeetingPresenceEvent) => e.present.length === 2);
    op.close();
    assert.deepEqual(sides(await left), ['invitee:Trần Thị Bán', 'requester:Lê Văn Mua']);
    const bLeft = next(a.socket, 'meeting:presence', (e: MeetingPresenceEvent) => e.present.length === 1);
    await callOk(b.socket, 'meeting:leave', { meetingId });
    assert.deepEqual(sides(await bLeft), ['requester:Lê Văn Mua']);
  });

  it('when a member rejoins with the last seq they hold, then they get what they missed', async () => {
    const { admin, requester, invitee } = await cast();
    const { meetingId } = await meetingAt(admin, requester, invitee);
    const a = await joined(requester, meetingId);
    await say(a.socket, meetingId, 'Một');
    const b = await joined(invitee, meetingId);
    assert.deepEqual(
      b.join.messages.map((m) => m.body),
      ['Một'],
    );
    b.socket.close();
    await say(a.socket, meetingId, 'Hai');
    await say(a.socket, meetingId, 'Ba');
    const back = await joined(invitee, meetingId, 1);
    assert.deepEqual(
      back.join.messages.filter((m) => m.seq > 1).map((m) => m.body),
      ['Hai', 'Ba'],
    );
  });

  it('when an outsider, a meeting not open or a bad payload is tried, then it is refused like a deal room, writing nothing', async () => {
    const { admin, requester, invitee, outsider } = await cast();
    const { meetingId } = await meetingAt(admin, requester, invitee);
    const stranger = await pool.connect(outsider);
    const refused = await call(stranger, 'meeting:join', { meetingId });
    assert.equal(refused.ok, false);
    assert.equal(!refused.ok && refused.error.code, 'not_found');
    const sneaked = await call(stranger, 'meeting:send', { meetingId, body: 'Xin chào', clientId: 'x-1' });
    assert.equal(!sneaked.ok && sneaked.error.code, 'not_found');

    const mine = await pool.connect(requester);
    const bad = await call(mine, 'meeting:send', { meetingId, body: '   ', clientId: 'bad id!' });
    assert.equal(!bad.ok && bad.error.code, 'validation_failed');
    assert.deepEqual(!bad.ok && bad.error.details?.map((d) => d.field).sort(), ['body', 'clientId']);
    const badJoin = await call(mine, 'meeting:join', { meetingId: 'nope' });
    assert.deepEqual(!badJoin.ok && [...new Set(badJoin.error.details?.map((d) => d.field))], ['meetingId']);

    const asked = await meetingAt(admin, requester, outsider, { accept: false });
    const early = await call(mine, 'meeting:join', { meetingId: asked.meetingId });
    assert.equal(!early.ok && early.error.code, 'conflict');
    const onSite = await meetingAt(admin, requester, invitee, { online: false });
    const table = await call(mine, 'meeting:send', {
      meetingId: onSite.meetingId,
      body: 'Chào',
      clientId: 'x-2',
    });
    assert.equal(!table.ok && table.error.code, 'conflict');

    // Cancelled while in the room: the next message is refused.
    const { socket } = await joined(requester, meetingId);
    await request(suite.url)
      .post(`/api/meetings/${meetingId}/cancel`)
      .set('Cookie', invitee.cookie)
      .send({})
      .expect(200);
    const late = await call(socket, 'meeting:send', { meetingId, body: 'Còn đó không?', clientId: 'x-3' });
    assert.equal(!late.ok && late.error.code, 'conflict');
    assert.equal(await MessageModel.countDocuments(), 0);
  });
});
