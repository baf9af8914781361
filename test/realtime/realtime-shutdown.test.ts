/**
 * A process that is shutting down closes its Socket.IO transports and then takes no new
 * connection, though its HTTP server still listens while its other work stops: a client cut off
 * reconnects to another process (the proxy retries a 503 there), never to this one, where it
 * would miss what the other processes announce once this one stops hearing them.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestHandler } from 'express';
import { io as connectClient } from 'socket.io-client';
import { EventBus } from '../../server/common/events';
import type { SessionUser } from '../../server/common/session-user';
import { createRealtimeServer, type RealtimeServer } from '../../server/realtime/realtime-server';
import { connected, openSocket, type RoomClient } from './room-fixtures';

const member: SessionUser = {
  id: '65f0c0ffee0000000000cafe',
  email: 'lan@nuocsach.example.vn',
  name: 'Lê Thị Lan',
  role: 'member',
  locale: 'vi',
  membershipStatus: 'active',
  organization: {
    id: '65f0c0ffee0000000000d00d',
    name: 'Công ty Nước Sạch',
    kind: 'enterprise',
    verified: true,
  },
};

const signedIn: RequestHandler = (req, _res, next) => {
  (req as unknown as { user: SessionUser }).user = member;
  next();
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('realtime: a process shutting down takes no new connection', () => {
  const httpServer = http.createServer();
  let realtime: RealtimeServer;
  let url: string;
  const clients: RoomClient[] = [];

  before(async () => {
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
    realtime = await createRealtimeServer(httpServer, {
      bus: new EventBus(),
      sessionMiddlewares: [signedIn],
      publicUrl: url,
    });
  });
  after(async () => {
    for (const c of clients) c.close();
    await new Promise((resolve) => httpServer.close(resolve));
  });

  it('when its realtime server has closed while HTTP still listens, then a client cut off cannot come back and a new one is answered 503', async () => {
    const before = openSocket(url, undefined, { reconnection: true });
    clients.push(before);
    await connected(before);
    const cutOff = new Promise<string>((resolve) => before.once('disconnect', resolve));

    await realtime.close();

    assert.equal(await cutOff, 'transport close', 'the client is cut off, not told to stay away');
    let cameBack = false;
    before.on('connect', () => (cameBack = true));
    await sleep(1500);
    assert.equal(cameBack, false, 'its reconnection attempts are refused');

    const handshake = await fetch(`${url}/socket.io/?EIO=4&transport=polling`);
    assert.equal(handshake.status, 503);
    assert.equal(((await handshake.json()) as { error: { code: string } }).error.code, 'unavailable');

    const polling = connectClient(`${url}/deals`, {
      forceNew: true,
      reconnection: false,
      transports: ['polling'],
    });
    const webSocket = openSocket(url);
    clients.push(polling as RoomClient, webSocket);
    const refused = await Promise.allSettled([polling as RoomClient, webSocket].map(connected));
    assert.deepEqual(
      refused.map((r) => r.status),
      ['rejected', 'rejected'],
      'a new client, polling or WebSocket, gets connect_error',
    );
    assert.equal(realtime.deals.sockets.size, 0, 'no socket is open on the closing process');
  });
});
