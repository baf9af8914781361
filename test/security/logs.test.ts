import assert from 'node:assert/strict';
import pino from 'pino';
import request from 'supertest';
import { createTestApp, resetDatabase } from '../helpers/test-app';
import { PASSWORD, signUp } from '../helpers/factories';
import { logger, setLogLevel } from '../../server/common/logger';

/** Collects what the process-wide logger writes while `fn` runs. */
async function captureLogs(fn: () => Promise<void>): Promise<string[]> {
  const stream = (logger as unknown as Record<symbol, { write(line: string): boolean }>)[
    pino.symbols.streamSym
  ];
  const lines: string[] = [];
  const write = stream.write;
  const level = logger.level;
  stream.write = (line: string) => (lines.push(line), true);
  setLogLevel('info');
  try {
    await fn();
  } finally {
    stream.write = write;
    setLogLevel(level);
  }
  return lines;
}

describe('security: logs', () => {
  beforeEach(resetDatabase);

  it('when someone signs in, then no log line carries their session id or cookie', async () => {
    const t = await createTestApp();
    const member = await signUp(t.app);
    let sessionId = '';
    const lines = await captureLogs(async () => {
      const login = await request(t.app)
        .post('/api/auth/login')
        .send({ email: member.user.email, password: PASSWORD })
        .expect(200);
      sessionId = /tx\.sid=([^;]+)/.exec(String(login.headers['set-cookie']))![1];
      await request(t.app).get('/api/auth/me').set('Cookie', `tx.sid=${sessionId}`).expect(200);
    });
    const requestLines = lines.filter((l) => l.includes('/api/auth/'));
    assert.equal(requestLines.length, 2, lines.join('\n'));
    const raw = decodeURIComponent(sessionId).replace(/^s:/, '').split('.')[0];
    for (const line of requestLines) {
      assert.doesNotMatch(line, /tx\.sid/);
      assert.ok(!line.includes(raw), line);
      assert.ok(!line.includes(PASSWORD), line);
    }
  });

  it('when a request ends, then one line names it by id, method and url, with its status and time, and health checks write none', async () => {
    const t = await createTestApp();
    let requestId = '';
    const lines = await captureLogs(async () => {
      const res = await request(t.app)
        .get('/api/no-such-route')
        .set('X-Request-Id', 'probe-request-0001')
        .expect(404);
      requestId = String(res.headers['x-request-id']);
      await request(t.app).get('/healthz');
    });
    assert.equal(requestId, 'probe-request-0001');
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, any>);
    const ours = parsed.filter((l) => l.req?.url === '/api/no-such-route');
    assert.equal(ours.length, 1, lines.join('\n'));
    const [line] = ours;
    assert.equal(line.msg, 'request completed');
    assert.equal(line.requestId, 'probe-request-0001');
    assert.deepEqual(
      { id: line.req.id, method: line.req.method },
      { id: 'probe-request-0001', method: 'GET' },
    );
    assert.equal(line.res.statusCode, 404);
    assert.equal(typeof line.responseTime, 'number');
    assert.equal(
      parsed.filter((l) => l.req?.url === '/healthz').length,
      0,
      'health checks are not logged line by line',
    );
  });
});
