/**
 * A socket is in its user's room from the moment the server accepts it, in the same tick, before
 * anything else can happen: so a client that asks for its count when it hears `connect` (the
 * bell) finds each notice either in that answer or pushed to it live, never neither. The bell's
 * half of the rule is test/unit/client/notification-bell-count.test.ts.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestHandler } from 'express';
import { EventBus } from '../../server/common/events';
import type { SessionUser } from '../../server/common/session-user';
import { createRealtimeServer, type RealtimeServer } from '../../server/realtime/realtime-server';
import { userRoom } from '../../server/realtime/rooms';
import { openSocket, type RoomClient } from './room-fixtures';

const seller: SessionUser = {
  id: '65f0c0ffee0000000000beef',
  email: 'hung@vcnmt.example.vn',
  name: 'Nguyễn Văn Hùng',
  role: 'member',
  locale: 'vi',
  membershipStatus: 'active',
  organization: {
    id: '65f0c0ffee0000000000f00d',
    name: 'Viện Công nghệ Môi trường',
    kind: 'institute',
    verified: true,
  },
};

/** The session middleware as the socket's handshake sees it: this user is signed in. */
const signedIn: RequestHandler = (req, _res, next) => {
  (req as unknown as { user: SessionUser }).user = seller;
  next();
};

describe('realtime: a socket hears its user’s notices from the moment it is accepted', () => {
  const bus = new EventBus();
  const httpServer = http.createServer();
  let realtime: RealtimeServer;
  let url: string;
  let client: RoomClient | undefined;

  before(async () => {
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
    realtime = await createRealtimeServer(httpServer, {
      bus,
      sessionMiddlewares: [signedIn],
      publicUrl: url,
    });
  });
  after(async () => {
    client?.disconnect();
    await realtime?.close();
    await new Promise((resolve) => httpServer.close(resolve));
  });

  it('when a notice is published in the tick the server accepts the socket, then the socket gets it live', async () => {
    let inRoomWhenAccepted: boolean | undefined;
    // Registered after the exchange's own handler: runs right after it, in the same tick.
    realtime.deals.once('connection', (socket) => {
      inRoomWhenAccepted = socket.rooms.has(userRoom(seller.id));
      bus.publish('notification.created', { userId: seller.id, notification: { id: 'bid-notice' } });
    });
    client = openSocket(url);
    const told = await new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the notice never reached the socket')), 5000);
      client!.once('notification', (event) => {
        clearTimeout(timer);
        resolve(event);
      });
    });
    assert.equal(inRoomWhenAccepted, true, 'the socket is in its user’s room when it is accepted');
    assert.deepEqual(told, { notification: { id: 'bid-notice' } });
  });
});
