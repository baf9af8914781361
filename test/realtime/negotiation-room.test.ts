/**
 * The negotiation room over real Socket.IO clients against a whole running exchange: who may
 * connect and join, delivery, idempotent sends, catch-up after a disconnect, one-sided broker
 * notes, typing and presence.
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
  operator,
  person,
  send,
  type Person,
  type RoomClient,
} from './room-fixtures';
import { roomSuite } from './room-suite';

describe('negotiation room (Socket.IO /deals)', function () {
  this.timeout(30000);
  const suite = roomSuite();
  const { pool } = suite;

  async function cast() {
    const [seller, buyer, broker, outsider] = await Promise.all([
      person(suite.url, { kind: 'institute', name: 'Trần Thị Bán', orgName: 'Viện Công nghệ Môi trường' }),
      person(suite.url, { kind: 'enterprise', name: 'Lê Văn Mua', orgName: 'Công ty Nước Sạch Hà Nội' }),
      person(suite.url, {
        kind: 'broker_firm',
        role: 'broker',
        name: 'Phạm Môi Giới',
        orgName: 'Trung tâm Môi giới',
      }),
      person(suite.url, { kind: 'enterprise', name: 'Người Ngoài', orgName: 'Công ty Bên Ngoài' }),
    ]);
    const dealId = await dealBetween(seller, buyer, broker.user.id);
    return { seller, buyer, broker, outsider, dealId };
  }

  async function joined(
    p: Person,
    dealId: string,
    afterSeq?: number,
  ): Promise<{ socket: RoomClient; join: JoinResult }> {
    const socket = await pool.connect(p);
    const join = await callOk<JoinResult>(socket, 'deal:join', {
      dealId,
      ...(afterSeq === undefined ? {} : { afterSeq }),
    });
    return { socket, join };
  }

  describe('connecting', () => {
    it('when a socket has no session, then the handshake is refused with connect_error "unauthenticated"', async () => {
      const socket = pool.open();
      const err = await new Promise<Error & { data?: { code: string } }>((resolve) =>
        socket.once('connect_error', resolve),
      );
      assert.equal(err.message, 'unauthenticated');
      assert.equal(err.data?.code, 'unauthenticated');
      assert.equal(socket.connected, false);
    });

    it('when the session cookie is forged or signed out, then the handshake is refused too', async () => {
      const { seller } = await cast();
      const forged = pool.open('tx.sid=s%3Anot-a-session.abcdef');
      const forgedErr = await new Promise<Error>((resolve) => forged.once('connect_error', resolve));
      assert.equal(forgedErr.message, 'unauthenticated');

      await request(suite.url).post('/api/auth/logout').set('Cookie', seller.cookie).expect(204);
      const signedOut = pool.open(seller.cookie);
      const signedOutErr = await new Promise<Error>((resolve) => signedOut.once('connect_error', resolve));
      assert.equal(signedOutErr.message, 'unauthenticated');
    });
  });

  describe('joining', () => {
    it('when someone outside the deal joins, then they are refused as if the deal did not exist', async () => {
      const { outsider, dealId } = await cast();
      const socket = await pool.connect(outsider);
      const res = await call(socket, 'deal:join', { dealId });
      assert.equal(res.ok, false);
      assert.equal(!res.ok && res.error.code, 'not_found');
    });

    it('when the deal id is malformed or unknown, then the join names the problem', async () => {
      const { seller } = await cast();
      const socket = await pool.connect(seller);
      const bad = await call(socket, 'deal:join', { dealId: 'nope' });
      assert.equal(!bad.ok && bad.error.code, 'validation_failed');
      assert.equal(!bad.ok && bad.error.details?.[0].field, 'dealId');
      const unknown = await call(socket, 'deal:join', { dealId: '0123456789abcdef01234567' });
      assert.equal(!unknown.ok && unknown.error.code, 'not_found');
    });

    it('when the parties, the broker and an operator join, then each learns their role and the latest messages', async () => {
      const { seller, buyer, broker, dealId } = await cast();
      const admin = await operator(suite.url);
      const s = await joined(seller, dealId);
      await send(s.socket, dealId, 'Chào anh chị, chúng tôi sẵn sàng trao đổi.');
      const roles = await Promise.all(
        [buyer, broker, admin].map(async (p) => (await joined(p, dealId)).join),
      );
      assert.deepEqual(
        roles.map((j) => j.role),
        ['buyer', 'broker', 'admin'],
      );
      for (const j of roles)
        assert.deepEqual(
          j.messages.map((m) => m.body),
          ['Chào anh chị, chúng tôi sẵn sàng trao đổi.'],
        );
    });
  });

  describe('messages', () => {
    it('when a party sends a message, then both parties, the broker and the sender’s other tab receive it once', async () => {
      const { seller, buyer, broker, dealId } = await cast();
      const s = await joined(seller, dealId);
      const s2 = await joined(seller, dealId);
      const b = await joined(buyer, dealId);
      const k = await joined(broker, dealId);
      const inboxes = [s.socket, s2.socket, b.socket, k.socket].map(collectMessages);
      const arrivals = [s.socket, s2.socket, b.socket, k.socket].map((sock) => next(sock, 'message:new'));

      const { message } = await send(s.socket, dealId, '  Giá đề xuất 450 triệu đồng  ');
      assert.equal(message.body, 'Giá đề xuất 450 triệu đồng');
      assert.equal(message.authorRole, 'seller');
      assert.equal(message.seq, 1);
      const received = await Promise.all(arrivals);
      for (const r of received) assert.equal(r.message.id, message.id);
      const second = [s.socket, s2.socket, b.socket, k.socket].map((sock) =>
        next(sock, 'message:new', (e) => e.message.seq === 2),
      );
      await send(b.socket, dealId, 'Chúng tôi cần thêm thời gian');
      await Promise.all(second);
      for (const inbox of inboxes)
        assert.deepEqual(
          inbox.map((m) => m.seq),
          [1, 2],
        );
    });

    it('when the same clientId is sent again, even concurrently, then one message is stored and the same one is answered', async () => {
      const { seller, buyer, dealId } = await cast();
      const s = await joined(seller, dealId);
      const b = await joined(buyer, dealId);
      const inbox = collectMessages(b.socket);
      const payload = { dealId, body: 'Đề nghị ký NDA trước', clientId: 'retry-1' };
      const first = await callOk<{ message: ChatMessage }>(s.socket, 'message:send', payload);
      const again = await callOk<{ message: ChatMessage }>(s.socket, 'message:send', payload);
      assert.equal(again.message.id, first.message.id);

      const burst = await Promise.all(
        [1, 2, 3, 4].map(() =>
          callOk<{ message: ChatMessage }>(s.socket, 'message:send', { ...payload, clientId: 'retry-2' }),
        ),
      );
      assert.equal(new Set(burst.map((r) => r.message.id)).size, 1);

      const history = await request(suite.url)
        .get(`/api/deals/${dealId}/messages`)
        .set('Cookie', buyer.cookie)
        .expect(200);
      assert.deepEqual(
        history.body.messages.map((m: ChatMessage) => m.clientId),
        ['retry-1', 'retry-2'],
      );
      const marker = next(b.socket, 'message:new', (e) => e.message.body === 'marker');
      await send(s.socket, dealId, 'marker');
      await marker;
      assert.deepEqual(inbox.map((m) => m.clientId).slice(0, 2), ['retry-1', 'retry-2']);
      assert.equal(inbox.length, 3);
    });

    it('when a body is empty, too long or missing its clientId, then the ack names the field and nothing is stored', async () => {
      const { seller, dealId } = await cast();
      const s = await joined(seller, dealId);
      const empty = await call(s.socket, 'message:send', { dealId, body: '   ', clientId: 'a' });
      assert.equal(!empty.ok && empty.error.code, 'validation_failed');
      assert.equal(!empty.ok && empty.error.details?.[0].field, 'body');
      const long = await call(s.socket, 'message:send', { dealId, body: 'x'.repeat(4001), clientId: 'b' });
      assert.equal(!long.ok && long.error.details?.[0].field, 'body');
      const noClientId = await call(s.socket, 'message:send', { dealId, body: 'hello' });
      assert.equal(!noClientId.ok && noClientId.error.details?.[0].field, 'clientId');
      const history = await request(suite.url)
        .get(`/api/deals/${dealId}/messages`)
        .set('Cookie', seller.cookie)
        .expect(200);
      assert.deepEqual(history.body.messages, []);
    });

    it('when a message contains markup, then it is stored and delivered as the plain text that was typed', async () => {
      const { seller, buyer, dealId } = await cast();
      const s = await joined(seller, dealId);
      const b = await joined(buyer, dealId);
      const arrival = next(b.socket, 'message:new');
      await send(s.socket, dealId, '<img src=x onerror=alert(1)> https://example.com');
      assert.equal((await arrival).message.body, '<img src=x onerror=alert(1)> https://example.com');
    });

    it('when someone sends faster than a person types, then later sends are refused with rate_limited', async () => {
      const { seller, dealId } = await cast();
      const s = await joined(seller, dealId);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          call(s.socket, 'message:send', { dealId, body: `tin ${i}`, clientId: `burst-${i}` }),
        ),
      );
      const refused = results.filter((r) => !r.ok);
      assert.ok(refused.length > 0, 'some sends are refused');
      assert.ok(
        results.some((r) => r.ok),
        'the first sends pass',
      );
      for (const r of refused) assert.equal(!r.ok && r.error.code, 'rate_limited');
    });

    it('when a client pages back through history over REST, then it gets pages newest last without gaps or repeats', async () => {
      const { seller, buyer, outsider, dealId } = await cast();
      const s = await joined(seller, dealId);
      for (let i = 1; i <= 7; i++) await send(s.socket, dealId, `tin nhắn ${i}`);
      const get = (query: string, p: Person = buyer) =>
        request(suite.url).get(`/api/deals/${dealId}/messages${query}`).set('Cookie', p.cookie);
      const latest = await get('?limit=3').expect(200);
      assert.deepEqual(
        latest.body.messages.map((m: ChatMessage) => m.seq),
        [5, 6, 7],
      );
      assert.equal(latest.body.hasMore, true);
      const older = await get('?limit=3&before=5').expect(200);
      assert.deepEqual(
        older.body.messages.map((m: ChatMessage) => m.seq),
        [2, 3, 4],
      );
      const oldest = await get('?limit=3&before=2').expect(200);
      assert.deepEqual(
        oldest.body.messages.map((m: ChatMessage) => m.seq),
        [1],
      );
      assert.equal(oldest.body.hasMore, false);
      const newer = await get('?after=5').expect(200);
      assert.deepEqual(
        newer.body.messages.map((m: ChatMessage) => m.seq),
        [6, 7],
      );

      await get('', outsider).expect(404);
      const bad = await get('?limit=500&before=abc').expect(400);
      assert.deepEqual(bad.body.error.details.map((d: { field: string }) => d.field).sort(), [
        'before',
        'limit',
      ]);
      await request(suite.url).get(`/api/deals/${dealId}/messages`).expect(401);
    });
  });

  describe('catching up', () => {
    it('when a member’s connection drops while others keep talking, then on rejoining from their last seq they get exactly what they missed', async () => {
      const { seller, buyer, broker, dealId } = await cast();
      const s = await joined(seller, dealId);
      const k = await joined(broker, dealId);
      const buyerSocket = await pool.connect(buyer, { reconnection: true });
      const first = await callOk<JoinResult>(buyerSocket, 'deal:join', { dealId });
      const held = new Map<number, ChatMessage>(first.messages.map((m) => [m.seq, m]));
      let liveDuplicates = 0;
      buyerSocket.on('message:new', ({ message }) => {
        if (held.has(message.seq)) liveDuplicates++;
        held.set(message.seq, message);
      });
      const before = next(buyerSocket, 'message:new');
      await send(s.socket, dealId, 'trước khi mất kết nối');
      await before;

      const dropped = new Promise((resolve) => buyerSocket.once('disconnect', resolve));
      buyerSocket.io.engine.close(); // the transport dies; the client reconnects by itself
      await dropped;
      const reconnected = new Promise<void>((resolve) => buyerSocket.once('connect', () => resolve()));
      const sent: number[] = [];
      for (let i = 1; i <= 5; i++) {
        sent.push(
          (await send(i % 2 ? s.socket : k.socket, dealId, `trong lúc mất kết nối ${i}`)).message.seq,
        );
      }
      await reconnected;
      const lastHeld = Math.max(...held.keys());
      const catchUp = await callOk<JoinResult>(buyerSocket, 'deal:join', { dealId, afterSeq: lastHeld });
      for (const m of catchUp.messages) if (!held.has(m.seq)) held.set(m.seq, m);
      const last = next(buyerSocket, 'message:new', (e) => e.message.body === 'sau khi kết nối lại');
      await send(s.socket, dealId, 'sau khi kết nối lại');
      await last;

      assert.deepEqual(
        [...held.keys()].sort((a, b) => a - b),
        [1, 2, 3, 4, 5, 6, 7],
      );
      assert.equal(liveDuplicates, 0);
      assert.ok(catchUp.messages.every((m) => m.seq > lastHeld || held.has(m.seq)));
      const after = await request(suite.url)
        .get(`/api/deals/${dealId}/messages?after=${lastHeld}`)
        .set('Cookie', buyer.cookie)
        .expect(200);
      assert.deepEqual(
        after.body.messages.map((m: ChatMessage) => m.seq),
        [...sent.filter((seq) => seq > lastHeld), 7],
      );
    });
  });

  describe('broker notes', () => {
    it('when the broker writes a note to the seller, then only the seller side and the staff get it, live and in history', async () => {
      const { seller, buyer, broker, dealId } = await cast();
      const admin = await operator(suite.url);
      const s = await joined(seller, dealId);
      const b = await joined(buyer, dealId);
      const k = await joined(broker, dealId);
      const a = await joined(admin, dealId);
      const buyerInbox = collectMessages(b.socket);
      const sellerGets = next(s.socket, 'message:new');
      const adminGets = next(a.socket, 'message:new');

      const note = await callOk<{ message: ChatMessage }>(k.socket, 'message:send', {
        dealId,
        body: 'Bên mua có thể chấp nhận 420 triệu',
        clientId: 'note-1',
        audience: 'seller',
      });
      assert.equal(note.message.kind, 'note');
      assert.equal(note.message.audience, 'seller');
      assert.equal((await sellerGets).message.id, note.message.id);
      assert.equal((await adminGets).message.id, note.message.id);

      const buyerGetsAll = next(
        b.socket,
        'message:new',
        (e) => e.message.body === 'Xin mời hai bên tiếp tục',
      );
      await send(k.socket, dealId, 'Xin mời hai bên tiếp tục');
      await buyerGetsAll;
      assert.deepEqual(
        buyerInbox.map((m) => m.body),
        ['Xin mời hai bên tiếp tục'],
      );

      const history = (p: Person) =>
        request(suite.url).get(`/api/deals/${dealId}/messages`).set('Cookie', p.cookie).expect(200);
      assert.deepEqual(
        (await history(buyer)).body.messages.map((m: ChatMessage) => m.seq),
        [2],
      );
      assert.deepEqual(
        (await history(seller)).body.messages.map((m: ChatMessage) => m.seq),
        [1, 2],
      );
      assert.deepEqual(
        (await history(broker)).body.messages.map((m: ChatMessage) => m.seq),
        [1, 2],
      );
      const rejoin = await joined(buyer, dealId);
      assert.deepEqual(
        rejoin.join.messages.map((m) => m.seq),
        [2],
      );
      const catchUp = await callOk<JoinResult>(rejoin.socket, 'deal:join', { dealId, afterSeq: 0 });
      assert.deepEqual(
        catchUp.messages.map((m) => m.seq),
        [2],
      );
    });

    it('when a party tries to address one side only, then it is forbidden', async () => {
      const { seller, dealId } = await cast();
      const s = await joined(seller, dealId);
      const res = await call(s.socket, 'message:send', {
        dealId,
        body: 'bí mật',
        clientId: 'x',
        audience: 'buyer',
      });
      assert.equal(!res.ok && res.error.code, 'forbidden');
    });
  });

  describe('typing and presence', () => {
    it('when people join, type and leave, then the others see who is online and who is typing', async () => {
      const { seller, buyer, dealId } = await cast();
      const s = await joined(seller, dealId);
      assert.deepEqual(s.join.online, [seller.user.id]);

      const sellerSeesBuyer = next(s.socket, 'presence', (e) => e.online.length === 2);
      const b = await joined(buyer, dealId);
      assert.deepEqual(b.join.online, [seller.user.id, buyer.user.id].sort());
      assert.deepEqual((await sellerSeesBuyer).online, [seller.user.id, buyer.user.id].sort());

      const typing = next(b.socket, 'typing');
      await callOk(s.socket, 'typing', { dealId });
      assert.deepEqual(await typing, { dealId, userId: seller.user.id, name: 'Trần Thị Bán' });

      const buyerGone = next(s.socket, 'presence', (e) => e.online.length === 1);
      b.socket.disconnect();
      assert.deepEqual((await buyerGone).online, [seller.user.id]);
    });

    it('when a socket that has not joined says it is typing, then it is refused', async () => {
      const { seller, dealId } = await cast();
      const socket = await pool.connect(seller);
      const res = await call(socket, 'typing', { dealId });
      assert.equal(!res.ok && res.error.code, 'forbidden');
    });
  });
});
