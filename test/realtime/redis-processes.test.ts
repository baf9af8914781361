/**
 * Two exchange processes (server/main.ts spawned twice) sharing one Redis (the streams adapter): people connected to different server
 * processes share a room, a REST change in one process reaches sockets of the other once, and
 * delivery survives a Redis restart.
 */
import assert from 'node:assert/strict';
import request from 'supertest';
import { startRedis, type RunningService } from '../../scripts/services/services';
import { spawnExchangeProcess, type ExchangeProcess } from '../helpers/exchange-process';
import { connectTestDatabase, resetDatabase } from '../helpers/test-app';
import type { ChatMessage, JoinResult } from '../../server/api-contract/socket-events';
import {
  call,
  callOk,
  collectMessages,
  connected,
  dealBetween,
  next,
  openSocket,
  person,
  send,
  type Person,
  type RoomClient,
} from './room-fixtures';

describe('negotiation room across two server processes with Redis', function () {
  this.timeout(60000);
  let redis: RunningService;
  let a: ExchangeProcess;
  let b: ExchangeProcess;
  const sockets: RoomClient[] = [];

  before(async () => {
    await connectTestDatabase();
    redis = await startRedis();
    [a, b] = await Promise.all([
      spawnExchangeProcess({ REDIS_URL: redis.url }),
      spawnExchangeProcess({ REDIS_URL: redis.url }),
    ]);
  });
  after(async () => {
    await a?.stop();
    await b?.stop();
    await redis?.stop();
  });
  beforeEach(resetDatabase);
  afterEach(() => {
    for (const s of sockets.splice(0)) s.close();
  });

  async function joinedOn(
    exchange: ExchangeProcess,
    p: Person,
    dealId: string,
  ): Promise<{ socket: RoomClient; join: JoinResult }> {
    const socket = openSocket(exchange.url, p.cookie);
    sockets.push(socket);
    await connected(socket);
    return { socket, join: await callOk<JoinResult>(socket, 'deal:join', { dealId }) };
  }

  async function cast() {
    const [seller, buyer, broker] = await Promise.all([
      person(a.url, { kind: 'university', name: 'Đỗ Thị Bán', orgName: 'Đại học Bách khoa' }),
      person(b.url, { kind: 'enterprise', name: 'Vũ Văn Mua', orgName: 'Công ty Cơ khí Việt' }),
      person(a.url, { kind: 'broker_firm', role: 'broker', name: 'Hoàng Môi Giới', orgName: 'Sàn Môi giới' }),
    ]);
    return { seller, buyer, broker, dealId: await dealBetween(seller, buyer, broker.user.id) };
  }

  it('when the parties are connected to different processes, then messages, typing, presence and REST changes reach across, once', async () => {
    const { seller, buyer, broker, dealId } = await cast();
    const s = await joinedOn(a, seller, dealId);
    const sellerSeesBuyer = next(s.socket, 'presence', (e) => e.online.includes(buyer.user.id));
    const byr = await joinedOn(b, buyer, dealId);
    assert.deepEqual(byr.join.online, [seller.user.id, buyer.user.id].sort());
    await sellerSeesBuyer;

    const buyerInbox = collectMessages(byr.socket);
    const arrival = next(byr.socket, 'message:new');
    const { message } = await send(s.socket, dealId, 'Gửi từ máy chủ A');
    assert.equal((await arrival).message.id, message.id);

    const typing = next(s.socket, 'typing');
    await callOk(byr.socket, 'typing', { dealId });
    assert.equal((await typing).userId, buyer.user.id);

    const proposed = next(s.socket, 'terms:proposed');
    const sellerInbox = collectMessages(s.socket);
    const termsMessage = next(s.socket, 'message:new', (e) => e.message.kind === 'terms');
    // Each side is waited for: which process's socket hears it first is not part of the promise.
    const buyerTermsMessage = next(byr.socket, 'message:new', (e) => e.message.kind === 'terms');
    await request(b.url)
      .post(`/api/deals/${dealId}/terms`)
      .set('Cookie', buyer.cookie)
      .send({ price: 120_000_00, currency: 'USD', exclusivity: false })
      .expect(201);
    await proposed;
    await termsMessage;
    await buyerTermsMessage;
    await call(s.socket, 'typing', { dealId });
    await call(byr.socket, 'typing', { dealId });
    assert.equal(sellerInbox.filter((m) => m.kind === 'terms').length, 1);
    assert.equal(buyerInbox.filter((m) => m.kind === 'terms').length, 1);
    const history = await request(a.url)
      .get(`/api/deals/${dealId}/messages`)
      .set('Cookie', seller.cookie)
      .expect(200);
    assert.deepEqual(
      history.body.messages.map((m: ChatMessage) => m.kind),
      ['text', 'terms'],
    );

    const k = await joinedOn(b, broker, dealId);
    const left = next(k.socket, 'deal:left');
    await request(a.url).delete(`/api/deals/${dealId}/broker`).set('Cookie', seller.cookie).expect(200);
    assert.deepEqual(await left, { dealId, reason: 'access_lost' });
  });

  it('when Redis restarts, then delivery across processes resumes, including what was sent while it was down', async () => {
    const { seller, buyer, dealId } = await cast();
    const s = await joinedOn(a, seller, dealId);
    const byr = await joinedOn(b, buyer, dealId);
    const received = collectMessages(byr.socket);
    const first = next(byr.socket, 'message:new');
    await send(s.socket, dealId, 'trước khi Redis khởi động lại');
    await first;

    await redis.stop();
    const during = await send(s.socket, dealId, 'trong lúc Redis dừng');
    await redis.start();
    const afterRestart = next(byr.socket, 'message:new', (e) => e.message.body === 'sau khi Redis chạy lại');
    await send(s.socket, dealId, 'sau khi Redis chạy lại');
    await afterRestart;
    assert.deepEqual(
      received.map((m) => m.body),
      ['trước khi Redis khởi động lại', 'trong lúc Redis dừng', 'sau khi Redis chạy lại'],
    );
    assert.equal(received[1].id, during.message.id);

    const back = next(s.socket, 'message:new', (e) => e.message.body === 'từ máy chủ B');
    await send(byr.socket, dealId, 'từ máy chủ B');
    await back;
  });
});
