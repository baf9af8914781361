import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { signUp } from '../helpers/factories';
import { testDatabaseProcess } from '../fixtures/global';
import mongoose from 'mongoose';
import { eventually } from '../helpers/eventually';
import { pingDatabase } from '../../server/common/db';
import { skipBecause } from '../helpers/skip';

describe('security: a database outage', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  beforeEach(resetDatabase);

  it('when the database stops, then API calls answer 503 unavailable in the contract body, and work again when it is back', async function () {
    this.timeout(90000);
    const db = testDatabaseProcess();
    if (!db) skipBecause(this, 'MONGODB_URI points at a database the tests did not start');
    const member = await signUp(t.app);
    await db!.stop();
    try {
      const calls = [
        () => member.agent.get('/api/notifications'),
        () => member.agent.post('/api/alerts').send({ q: 'nước thải' }),
        () => request(t.app).post('/api/auth/login').send({ email: 'a@example.vn', password: 'whatever-1' }),
      ];
      for (const call of calls) {
        const res = await call();
        assert.equal(res.status, 503, JSON.stringify(res.body));
        assert.equal(res.body.error.code, 'unavailable');
        assert.deepEqual(res.body.error.details, [
          { field: 'database', message: 'database is not answering' },
        ]);
      }
      await eventually(
        async () => mongoose.connection.readyState !== 1,
        'mongoose to see the database gone',
        {
          attempts: 300,
          intervalMs: 100,
        },
      );
      for (const call of calls.slice(1)) {
        const res = await call();
        assert.equal(res.status, 503, JSON.stringify(res.body));
        assert.equal(res.body.error.code, 'unavailable');
      }
      await request(t.app).get('/api/openapi.json').expect(200);
    } finally {
      await db!.start();
    }
    for (let i = 0; i < 100 && !(await pingDatabase()); i++) await new Promise((r) => setTimeout(r, 200));
    await member.agent.get('/api/auth/me').expect(200);
  });
});
