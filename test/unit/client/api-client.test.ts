import assert from 'node:assert/strict';
import { api, ApiError } from '../../../client/src/api';

describe('client api wrapper', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  function answer(status: number, body: unknown) {
    globalThis.fetch = async () =>
      new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      });
  }

  it("when the server refuses with details, then the form sees each field's message", async () => {
    answer(400, {
      error: {
        code: 'validation_failed',
        message: 'The request is not valid',
        details: [
          { field: 'organization.name', message: 'name is required' },
          { path: ['pricing', 'amount'], message: 'amount must be an integer' },
        ],
      },
    });
    const err = await api('/api/x', { method: 'POST', body: {} }).catch((e: unknown) => e);
    assert.ok(err instanceof ApiError);
    assert.equal(err.status, 400);
    assert.equal(err.code, 'validation_failed');
    assert.deepEqual(err.fieldErrors, {
      'organization.name': 'name is required',
      'pricing.amount': 'amount must be an integer',
    });
  });

  it('when the answer is not the contract error body, then the status still names the error', async () => {
    globalThis.fetch = async () => new Response('<html>Bad gateway</html>', { status: 502 });
    const err = await api('/api/x').catch((e: unknown) => e);
    assert.ok(err instanceof ApiError);
    assert.equal(err.code, 'unavailable');
  });

  it('when the server cannot be reached, then the error says so', async () => {
    globalThis.fetch = async () => {
      throw new TypeError('fetch failed');
    };
    const err = await api('/api/x').catch((e: unknown) => e);
    assert.ok(err instanceof ApiError);
    assert.equal(err.code, 'network_error');
  });

  it('when the answer is 204, then there is no body to read', async () => {
    answer(204, undefined);
    assert.equal(await api('/api/auth/logout', { method: 'POST' }), undefined);
  });

  it('sends JSON with the session cookie and leaves empty query values out', async () => {
    let seen: { url: string; init: RequestInit } | undefined;
    globalThis.fetch = async (url, init) => {
      seen = { url: String(url), init: init ?? {} };
      return new Response(JSON.stringify({ ok: true }), { status: 200 });
    };
    await api('/api/offers', { method: 'PATCH', body: { a: 1 }, query: { mine: 'true', status: undefined } });
    assert.equal(seen?.url, '/api/offers?mine=true');
    assert.equal(seen?.init.credentials, 'same-origin');
    assert.equal(seen?.init.body, '{"a":1}');
    assert.equal((seen?.init.headers as Record<string, string>)['Content-Type'], 'application/json');
  });
});
