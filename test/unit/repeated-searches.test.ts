import assert from 'node:assert/strict';
import { repeatedSearches } from '../../server/search-api/repeated-searches';
import { SerializedJson } from '../../server/common/response-cache';
import type { SearchQuery } from '../../search';

describe('repeated public searches, before the API’s middleware', () => {
  function setup() {
    const asked: unknown[] = [];
    let limited = 0;
    const repeated = repeatedSearches({
      answer: async (query: SearchQuery) => {
        asked.push(query);
        return new SerializedJson(JSON.stringify({ hits: [], total: 0 }));
      },
      sessionCookie: 'tx.sid',
      rateLimit: (_req, _res, next) => {
        limited++;
        next();
      },
    });
    const run = (req: { originalUrl: string; headers: Record<string, string> }) =>
      new Promise<{ next: boolean; body?: string }>((resolve) => {
        const res = {
          status: () => res,
          type: () => res,
          send: (body: string) => resolve({ next: false, body }),
        };
        repeated.handler(req as never, res as never, () => resolve({ next: true }));
      });
    return { repeated, run, asked, limited: () => limited };
  }

  it('when a URL was not answered by the route before, then it goes the usual way', async () => {
    const s = setup();
    assert.deepEqual(await s.run({ originalUrl: '/api/search?q=a', headers: {} }), { next: true });
    assert.equal(s.limited(), 0);
  });

  it('when the route answered the URL for an anonymous client, then a repeat is answered here, rate-limited, from the engine', async () => {
    const s = setup();
    s.repeated.remember({ originalUrl: '/api/search?q=a', headers: {} }, { q: 'a' });
    const answer = await s.run({ originalUrl: '/api/search?q=a', headers: {} });
    assert.equal(answer.next, false);
    assert.deepEqual(JSON.parse(answer.body!).total, 0);
    assert.equal(s.limited(), 1);
    assert.deepEqual(s.asked, [{ q: 'a' }]);
  });

  it('when a request carries an API key or a session cookie, then it goes the usual way', async () => {
    const s = setup();
    s.repeated.remember({ originalUrl: '/api/search?q=a', headers: {} }, { q: 'a' });
    assert.equal(
      (await s.run({ originalUrl: '/api/search?q=a', headers: { authorization: 'Bearer k' } })).next,
      true,
    );
    assert.equal(
      (await s.run({ originalUrl: '/api/search?q=a', headers: { cookie: 'x=1; tx.sid=s%3Aabc' } })).next,
      true,
    );
    assert.equal(s.limited(), 0);
  });

  it('when the route answered a signed-in client, then the URL is not remembered', async () => {
    const s = setup();
    s.repeated.remember(
      { originalUrl: '/api/search?q=b', headers: { cookie: 'tx.sid=s%3Aabc' } },
      { q: 'b' },
    );
    assert.equal((await s.run({ originalUrl: '/api/search?q=b', headers: {} })).next, true);
  });
});
