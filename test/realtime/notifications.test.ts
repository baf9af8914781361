/** A user's sockets receive that user's new notifications live, and nobody else's. */
import assert from 'node:assert/strict';
import { startTestExchange } from '../helpers/running-exchange';
import { resetDatabase } from '../helpers/test-app';
import type { Exchange } from '../../server/exchange';
import { createNotification } from '../../server/notifications/notification.service';
import { NotificationModel } from '../../server/notifications/notification.model';
import { callOk, connect, dealBetween, person, send, type Person, type RoomClient } from './room-fixtures';

function nextNotification(socket: RoomClient, ms = 3000): Promise<{ notification: any } | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    socket.once('notification', (event) => {
      clearTimeout(timer);
      resolve(event as { notification: any });
    });
  });
}

describe('realtime notifications', () => {
  let exchange: Exchange;
  let alice: Person;
  let bob: Person;
  const sockets: RoomClient[] = [];

  before(async () => {
    exchange = await startTestExchange();
  });

  after(async () => {
    await exchange?.stop();
  });

  beforeEach(async () => {
    await resetDatabase();
    alice = await person(exchange.url, { kind: 'enterprise' });
    bob = await person(exchange.url, { kind: 'institute' });
  });

  afterEach(() => {
    for (const s of sockets.splice(0)) s.disconnect();
  });

  it('when a notification is created for a user, then each of their sockets gets it and no one else’s does', async () => {
    const aliceTab1 = await connect(exchange.url, alice);
    const aliceTab2 = await connect(exchange.url, alice);
    const bobSocket = await connect(exchange.url, bob);
    sockets.push(aliceTab1, aliceTab2, bobSocket);

    const forAlice1 = nextNotification(aliceTab1);
    const forAlice2 = nextNotification(aliceTab2);
    const forBob = nextNotification(bobSocket, 1000);
    await createNotification(exchange.ctx, {
      userId: alice.user.id,
      type: 'test',
      title: { vi: 'Có nhu cầu mới phù hợp', en: 'A new matching demand' },
      link: '/demands/1',
    });

    const [one, two, none] = await Promise.all([forAlice1, forAlice2, forBob]);
    assert.equal(one?.notification.title, 'Có nhu cầu mới phù hợp');
    assert.equal(one?.notification.link, '/demands/1');
    assert.equal(one?.notification.read, false);
    assert.equal(two?.notification.id, one?.notification.id);
    assert.equal(none, null);
  });

  it('when a message is sent while its recipient is away from the room, then they are told live once until they read the room', async () => {
    const dealId = await dealBetween(bob, alice);
    const aliceSocket = await connect(exchange.url, alice);
    const bobSocket = await connect(exchange.url, bob);
    sockets.push(aliceSocket, bobSocket);
    await callOk(bobSocket, 'deal:join', { dealId });

    const live = nextNotification(aliceSocket);
    await send(bobSocket, dealId, 'Chào chị, bên em gửi bản điều khoản mới nhé');
    const told = await live;
    assert.equal(told?.notification.type, 'deal.message');
    assert.equal(told?.notification.link, `/deals/${dealId}`);
    assert.match(told?.notification.title, /^Tin nhắn mới từ /);
    assert.equal(told?.notification.body, 'Chào chị, bên em gửi bản điều khoản mới nhé');

    // A second message while the first notice is unread adds nothing; the sender hears nothing.
    const quiet = nextNotification(aliceSocket, 1000);
    await send(bobSocket, dealId, 'Chị xem giúp em nhé');
    assert.equal(await quiet, null);
    assert.equal(await NotificationModel.countDocuments({ userId: alice.user.id, type: 'deal.message' }), 1);
    assert.equal(await NotificationModel.countDocuments({ userId: bob.user.id }), 0);

    // In the room, she reads it live: no notice.
    const joined = await callOk<{ messages: { seq: number }[] }>(aliceSocket, 'deal:join', { dealId });
    const lastSeq = joined.messages[joined.messages.length - 1].seq;
    await callOk(aliceSocket, 'message:read', { dealId, seq: lastSeq });
    const inRoom = nextNotification(aliceSocket, 1000);
    await send(bobSocket, dealId, 'Em chờ phản hồi');
    assert.equal(await inRoom, null);

    // Away again after reading the room: the next message is told again.
    await callOk(aliceSocket, 'deal:leave', { dealId });
    const again = nextNotification(aliceSocket);
    await send(bobSocket, dealId, 'Chị ơi?');
    assert.equal((await again)?.notification.body, 'Chị ơi?');
  });
});
