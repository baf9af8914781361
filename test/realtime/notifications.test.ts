/** A user's sockets receive that user's new notifications live, and nobody else's. */
import assert from 'node:assert/strict';
import { startTestExchange } from '../helpers/running-exchange';
import { resetDatabase } from '../helpers/test-app';
import type { Exchange } from '../../server/exchange';
import { createNotification } from '../../server/notifications/notification.service';
import { connect, person, type Person, type RoomClient } from './room-fixtures';

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
});
