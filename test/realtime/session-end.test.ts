/** Sockets do not outlive the session that opened them, nor the role they were opened with. */
import assert from 'node:assert/strict';
import request from 'supertest';
import { startTestExchange } from '../helpers/running-exchange';
import { resetDatabase } from '../helpers/test-app';
import { PASSWORD, signInAdmin } from '../helpers/factories';
import type { Exchange } from '../../server/exchange';
import { connect, operator, person, type RoomClient } from './room-fixtures';

function disconnection(socket: RoomClient, ms = 3000): Promise<string | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

async function secondSession(baseUrl: string, email: string): Promise<string> {
  const res = await request(baseUrl).post('/api/auth/login').send({ email, password: PASSWORD }).expect(200);
  return (res.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
}

describe('realtime: sockets end with their session and role', () => {
  let exchange: Exchange;
  const sockets: RoomClient[] = [];

  before(async () => {
    exchange = await startTestExchange();
  });
  after(async () => {
    await exchange?.stop();
  });
  beforeEach(resetDatabase);
  afterEach(() => {
    for (const s of sockets.splice(0)) s.disconnect();
  });

  it('when someone signs out, then that session’s sockets are disconnected and their other session’s stay', async () => {
    const alice = await person(exchange.url, { kind: 'enterprise' });
    const otherCookie = await secondSession(exchange.url, alice.user.email);
    const signedOutTab = await connect(exchange.url, alice);
    const otherTab = await connect(exchange.url, { ...alice, cookie: otherCookie });
    sockets.push(signedOutTab, otherTab);

    const ended = disconnection(signedOutTab);
    const stayed = disconnection(otherTab, 1000);
    await request(exchange.url).post('/api/auth/logout').set('Cookie', alice.cookie).expect(204);
    assert.equal(await ended, 'io server disconnect');
    assert.equal(await stayed, null);
    assert.ok(otherTab.connected);
  });

  it('when an operator is demoted, then their sockets are disconnected (they reconnect with the new role)', async () => {
    const demoted = await operator(exchange.url);
    const boss = await signInAdmin(exchange.url);
    const socket = await connect(exchange.url, demoted);
    sockets.push(socket);
    const ended = disconnection(socket);
    await boss.agent.post(`/api/admin/users/${demoted.user.id}/role`).send({ role: 'member' }).expect(200);
    assert.equal(await ended, 'io server disconnect');
  });

  it('when an operator suspends a user, then their sockets are disconnected and cannot reconnect', async () => {
    const suspended = await person(exchange.url, { kind: 'enterprise' });
    const boss = await signInAdmin(exchange.url);
    const socket = await connect(exchange.url, suspended);
    sockets.push(socket);
    const ended = disconnection(socket);
    await boss.agent
      .post(`/api/admin/users/${suspended.user.id}/suspend`)
      .send({ reason: 'Tài khoản bị chiếm' })
      .expect(200);
    assert.equal(await ended, 'io server disconnect');
    await assert.rejects(connect(exchange.url, suspended));
  });
});
