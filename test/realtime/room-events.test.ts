/**
 * The negotiation room reacting to the rest of the exchange: deal changes made over REST (term
 * sheets, status, broker) appear live and as system messages; a removed broker loses the room;
 * read receipts feed unread counts; notifications reach their user.
 */
import assert from 'node:assert/strict';
import request from 'supertest';
import type { ChatMessage, JoinResult } from '../../server/api-contract/socket-events';
import {
  call,
  callOk,
  collectMessages,
  dealBetween,
  next,
  person,
  send,
  type Person,
  type RoomClient,
} from './room-fixtures';
import { roomSuite } from './room-suite';

describe('negotiation room: deal events, receipts and notifications', function () {
  this.timeout(30000);
  const suite = roomSuite();
  const { pool } = suite;

  async function cast(withBroker = true) {
    const [seller, buyer, broker] = await Promise.all([
      person(suite.url, { kind: 'institute', name: 'Trần Thị Bán', orgName: 'Viện Công nghệ Sinh học' }),
      person(suite.url, { kind: 'enterprise', name: 'Lê Văn Mua', orgName: 'Công ty Thực phẩm Sạch' }),
      person(suite.url, {
        kind: 'broker_firm',
        role: 'broker',
        name: 'Phạm Môi Giới',
        orgName: 'Trung tâm Môi giới',
      }),
    ]);
    const dealId = await dealBetween(seller, buyer, withBroker ? broker.user.id : undefined);
    return { seller, buyer, broker, dealId };
  }

  async function joined(p: Person, dealId: string): Promise<RoomClient> {
    const socket = await pool.connect(p);
    await callOk<JoinResult>(socket, 'deal:join', { dealId });
    return socket;
  }

  const api = (p: Person) => ({
    get: (path: string) => request(suite.url).get(path).set('Cookie', p.cookie),
    post: (path: string, body?: object) => request(suite.url).post(path).set('Cookie', p.cookie).send(body),
    delete: (path: string) => request(suite.url).delete(path).set('Cookie', p.cookie),
  });

  /** Everything already sent to `socket` has arrived once an acknowledgement it asks for comes back. */
  const flush = (socket: RoomClient, dealId: string) => call(socket, 'typing', { dealId });

  it('when a party proposes terms over REST and both accept, then the room sees each step live, once, with its system message', async () => {
    const { seller, buyer, dealId } = await cast(false);
    const s = await joined(seller, dealId);
    const b = await joined(buyer, dealId);
    const buyerInbox = collectMessages(b);

    const proposed = next(b, 'terms:proposed');
    const termsMessage = next(b, 'message:new', (e) => e.message.kind === 'terms');
    await api(seller)
      .post(`/api/deals/${dealId}/terms`, {
        price: 450_000_000,
        currency: 'VND',
        exclusivity: true,
        durationMonths: 24,
      })
      .expect(201);
    const { termSheet } = await proposed;
    assert.equal((termSheet as { version: number }).version, 1);
    const { message } = await termsMessage;
    assert.equal(message.authorRole, 'system');
    assert.deepEqual(
      { name: message.event?.name, version: message.event?.data.version, price: message.event?.data.price },
      { name: 'terms:proposed', version: 1, price: 450_000_000 },
    );
    assert.match(message.body, /Trần Thị Bán proposed term sheet version 1/);

    const buyerAccepted = next(s, 'terms:accepted');
    await api(buyer).post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
    assert.deepEqual(await buyerAccepted, {
      dealId,
      version: 1,
      role: 'buyer',
      userId: buyer.user.id,
      agreed: false,
    });

    const agreed = next(b, 'terms:accepted', (e) => e.agreed);
    const statusAgreed = next(b, 'deal:status', (e) => e.status === 'agreed');
    const statusAfter = next(b, 'deal:status', (e) => e.status !== 'agreed');
    const lastMessage = next(
      b,
      'message:new',
      (e) => e.message.event?.name === 'deal:status' && e.message.event.data.status !== 'agreed',
    );
    await api(seller).post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
    await agreed;
    assert.equal((await statusAgreed).from, 'negotiating');
    const after = await statusAfter;
    assert.ok(['awaiting_payment', 'closed_won'].includes(after.status));
    assert.equal((await lastMessage).message.event?.data.status, after.status);
    await flush(b, dealId);

    const events = buyerInbox.map(
      (m) => `${m.event?.name}:${m.event?.data.status ?? m.event?.data.role ?? ''}`,
    );
    assert.deepEqual(events, [
      'terms:proposed:',
      'terms:accepted:buyer',
      'terms:accepted:seller',
      'deal:status:agreed',
      `deal:status:${after.status}`,
    ]);
    assert.deepEqual(
      buyerInbox.map((m) => m.seq),
      [1, 2, 3, 4, 5],
    );
  });

  it('when the broker is removed, then their sockets leave the room and stop receiving it, while the parties stay', async () => {
    const { seller, buyer, broker, dealId } = await cast(true);
    const s = await joined(seller, dealId);
    const b = await joined(buyer, dealId);
    const k = await joined(broker, dealId);
    const brokerInbox = collectMessages(k);

    const left = next(k, 'deal:left');
    const presence = next(s, 'presence', (e) => !e.online.includes(broker.user.id));
    const systemMessage = next(s, 'message:new', (e) => e.message.event?.name === 'broker:removed');
    await api(seller).delete(`/api/deals/${dealId}/broker`).expect(200);
    assert.deepEqual(await left, { dealId, reason: 'access_lost' });
    assert.deepEqual((await presence).online, [seller.user.id, buyer.user.id].sort());
    assert.match((await systemMessage).message.body, /Phạm Môi Giới is no longer the broker/);

    const buyerGets = next(b, 'message:new', (e) => e.message.body === 'sau khi môi giới rời đi');
    await send(s, dealId, 'sau khi môi giới rời đi');
    await buyerGets;
    const typing = await flush(k, dealId);
    assert.equal(!typing.ok && typing.error.code, 'forbidden');
    assert.ok(!brokerInbox.some((m) => m.body === 'sau khi môi giới rời đi'));

    const sendAgain = await call(k, 'message:send', { dealId, body: 'tôi vẫn ở đây?', clientId: 'late' });
    assert.equal(!sendAgain.ok && sendAgain.error.code, 'not_found');
    const rejoin = await call(k, 'deal:join', { dealId });
    assert.equal(!rejoin.ok && rejoin.error.code, 'not_found');
    await api(broker).get(`/api/deals/${dealId}/messages`).expect(404);
  });

  it('when a broker is proposed by one party, then they may not join until the other names them too; a cancelled deal keeps its parties and broker in the room', async () => {
    const { seller, buyer, broker, dealId } = await cast(false);
    const k = await pool.connect(broker);
    const before = await call(k, 'deal:join', { dealId });
    assert.equal(!before.ok && before.error.code, 'not_found');

    const s = await joined(seller, dealId);
    const assigned = next(s, 'message:new', (e) => e.message.event?.name === 'broker:assigned');
    const proposed = next(s, 'message:new', (e) => e.message.event?.name === 'broker:proposed');
    await api(buyer).post(`/api/deals/${dealId}/broker`, { userId: broker.user.id }).expect(200);
    assert.match((await proposed).message.body, /The buyer proposed Phạm Môi Giới as the broker/);
    const stillOut = await call(k, 'deal:join', { dealId });
    assert.equal(!stillOut.ok && stillOut.error.code, 'not_found');
    await api(seller).post(`/api/deals/${dealId}/broker`, { userId: broker.user.id }).expect(200);
    assert.match((await assigned).message.body, /Phạm Môi Giới is now the broker/);
    const join = await callOk<JoinResult>(k, 'deal:join', { dealId });
    assert.equal(join.role, 'broker');

    const brokerSeesCancel = next(k, 'deal:status', (e) => e.status === 'cancelled');
    const cancelMessage = next(k, 'message:new', (e) => e.message.event?.name === 'deal:status');
    let brokerLeft = false;
    k.on('deal:left', () => (brokerLeft = true));
    await api(seller)
      .post(`/api/deals/${dealId}/cancel`, { reason: 'Không thống nhất được giá' })
      .expect(200);
    assert.equal((await brokerSeesCancel).reason, 'Không thống nhất được giá');
    assert.match((await cancelMessage).message.body, /cancelled\. Reason: Không thống nhất được giá/);
    const stillIn = await callOk(k, 'typing', { dealId });
    assert.equal(stillIn.ok, true);
    assert.equal(brokerLeft, false);
  });

  it('when a participant reads up to a message, then the others see the receipt and unread counts follow, notes only for their side', async () => {
    const { seller, buyer, broker, dealId } = await cast(true);
    const s = await joined(seller, dealId);
    const b = await joined(buyer, dealId);
    const k = await joined(broker, dealId);
    for (const body of ['một', 'hai', 'ba']) await send(b, dealId, body);
    await callOk(k, 'message:send', {
      dealId,
      body: 'ghi chú cho bên mua',
      clientId: 'note',
      audience: 'buyer',
    });

    const unread = async (p: Person, query = '') =>
      (await api(p).get(`/api/messages/unread${query}`).expect(200)).body.unread;
    assert.deepEqual(await unread(seller), { [dealId]: 3 });
    assert.deepEqual(await unread(buyer), { [dealId]: 1 });
    assert.deepEqual(await unread(broker), { [dealId]: 3 });

    const receipt = next(b, 'read', (e) => e.userId === seller.user.id);
    const ack = await callOk<{ seq: number }>(s, 'message:read', { dealId, seq: 2 });
    assert.equal(ack.seq, 2);
    assert.deepEqual(await receipt, { dealId, userId: seller.user.id, seq: 2 });
    assert.deepEqual(await unread(seller), { [dealId]: 1 });

    const backwards = await callOk<{ seq: number }>(s, 'message:read', { dealId, seq: 1 });
    assert.equal(backwards.seq, 2);
    const beyond = await callOk<{ seq: number }>(s, 'message:read', { dealId, seq: 99 });
    assert.equal(beyond.seq, 4);
    assert.deepEqual(await unread(seller, `?dealIds=${dealId}`), { [dealId]: 0 });

    const rejoin = await callOk<JoinResult>(await pool.connect(buyer), 'deal:join', { dealId });
    assert.deepEqual(rejoin.reads, [{ userId: seller.user.id, seq: 4 }]);

    const stranger = await dealBetween(broker, broker);
    assert.deepEqual(await unread(seller, `?dealIds=${dealId},${stranger}`), { [dealId]: 0 });
    const bad = await api(seller).get('/api/messages/unread?dealIds=abc').expect(400);
    assert.equal(bad.body.error.details[0].field, 'dealIds');
    await request(suite.url).get('/api/messages/unread').expect(401);
    const badRead = await call(s, 'message:read', { dealId, seq: -1 });
    assert.equal(!badRead.ok && badRead.error.details?.[0].field, 'seq');
  });

  it('when a notification is created for a user, then only that user’s sockets receive it', async () => {
    const { seller, buyer, dealId } = await cast(false);
    const sellerTabs = [await pool.connect(seller), await pool.connect(seller)];
    const b = await joined(buyer, dealId);
    let buyerGot = 0;
    b.on('notification', () => buyerGot++);
    const arrivals = sellerTabs.map((tab) => next(tab, 'notification'));
    const notification = { id: 'n1', kind: 'bid.received', title: 'Có đề nghị mới' };
    suite.exchange.ctx.bus.publish('notification.created', { userId: seller.user.id, notification });
    for (const got of await Promise.all(arrivals)) assert.deepEqual(got, { notification });
    await flush(b, dealId);
    assert.equal(buyerGot, 0);
  });

  it('when history is read by a party, a broker note for the other side is left out but its own side’s note is kept', async () => {
    const { seller, buyer, broker, dealId } = await cast(true);
    const k = await joined(broker, dealId);
    await callOk(k, 'message:send', { dealId, body: 'cho bên bán', clientId: 'n-s', audience: 'seller' });
    await callOk(k, 'message:send', { dealId, body: 'cho bên mua', clientId: 'n-b', audience: 'buyer' });
    await send(k, dealId, 'cho cả hai bên');
    const bodies = async (p: Person) =>
      (await api(p).get(`/api/deals/${dealId}/messages`).expect(200)).body.messages.map(
        (m: ChatMessage) => m.body,
      );
    assert.deepEqual(await bodies(seller), ['cho bên bán', 'cho cả hai bên']);
    assert.deepEqual(await bodies(buyer), ['cho bên mua', 'cho cả hai bên']);
    assert.deepEqual(await bodies(broker), ['cho bên bán', 'cho bên mua', 'cho cả hai bên']);
  });
});
