/**
 * The bell's count after live signals (a `notification` event, the socket joining the user's
 * room), on TanStack Query as the page runs it: an answer the server gave before a signal is
 * never what the bell is left showing.
 */
import assert from 'node:assert/strict';
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { createQueryClient, queryKeys } from '../../../client/src/api/queryClient';
import { unreadCountQuery } from '../../../client/src/features/notifications/unreadCountQuery';
import { notificationsChanged } from '../../../client/src/features/notifications/notificationSignals';

/** A server's notifications endpoint: it counts when asked, and its answers may be held back. */
function fakeServer() {
  const server = {
    unread: 0,
    asked: 0,
    /** Answers to hold back until released, in the order asked. */
    holdNext: 0,
    held: [] as (() => void)[],
  };
  globalThis.fetch = (async (input: string | URL | Request) => {
    assert.match(String(input), /^\/api\/notifications\?limit=1$/);
    server.asked += 1;
    const unread = server.unread; // counted now: a notice stored later is not in this answer
    if (server.holdNext > 0) {
      server.holdNext -= 1;
      await new Promise<void>((resolve) => server.held.push(resolve));
    }
    return new Response(JSON.stringify({ notifications: [], unread, total: unread, page: 1, limit: 1 }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof fetch;
  return server;
}

type BellObserver = QueryObserver<number, Error, number, number, typeof queryKeys.unreadNotifications>;

/** The count once no request is under way. */
function settledCount(observer: BellObserver) {
  return new Promise<number | undefined>((resolve, reject) => {
    const check = () => {
      const result = observer.getCurrentResult();
      if (result.error) reject(result.error);
      else if (result.fetchStatus === 'idle' && result.status !== 'pending') resolve(result.data);
      else return false;
      return true;
    };
    if (check()) return;
    const stop = observer.subscribe(() => {
      if (check()) stop();
    });
  });
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('the bell’s count after live signals', () => {
  const realFetch = globalThis.fetch;
  let queryClient: QueryClient;
  let observer: BellObserver;
  let unsubscribe: () => void;

  function showBell() {
    observer = new QueryObserver(queryClient, unreadCountQuery(queryClient, true));
    unsubscribe = observer.subscribe(() => {});
  }

  beforeEach(() => {
    queryClient = createQueryClient();
  });
  afterEach(() => {
    unsubscribe?.();
    queryClient.clear();
    globalThis.fetch = realFetch;
  });

  it('when a notice comes live while the first count is on its way, then the bell shows it, not the older count', async () => {
    const server = fakeServer();
    server.holdNext = 1;
    showBell();
    await tick();
    assert.equal(server.asked, 1, 'the first count is asked for');

    // A bid is stored for the seller and pushed live while that first answer (0) is on its way.
    server.unread = 1;
    void notificationsChanged(queryClient);
    server.held.shift()!();

    assert.equal(await settledCount(observer), 1);
    assert.equal(server.asked, 2, 'asked once more, after the live notice');
  });

  it('when the socket joins the user’s room while the first count is on its way, then a notice it missed is counted', async () => {
    const server = fakeServer();
    server.holdNext = 1;
    showBell();
    await tick();
    // Stored while the socket was not yet in the room: only the connect's count can tell it.
    server.unread = 2;
    void notificationsChanged(queryClient); // 'connect'
    server.held.shift()!();
    assert.equal(await settledCount(observer), 2);
  });

  it('when a notice comes live while a later count is on its way, then the newer count stands', async () => {
    const server = fakeServer();
    showBell();
    assert.equal(await settledCount(observer), 0);

    server.holdNext = 1;
    void notificationsChanged(queryClient); // the socket connects
    await tick();
    server.unread = 1;
    void notificationsChanged(queryClient); // a bid, live
    server.held.shift()?.();
    assert.equal(await settledCount(observer), 1);
  });

  it('when no signal comes while the count is asked, then it is asked once', async () => {
    const server = fakeServer();
    server.unread = 3;
    showBell();
    assert.equal(await settledCount(observer), 3);
    assert.equal(server.asked, 1);
  });
});
