/**
 * Prometheus metrics at /metrics: served only with METRICS_TOKEN, to whoever presents it, and
 * showing what the operator watches (requests by route template, sockets, messages, backlogs,
 * errors). Also: the request id follows a job from the request that enqueued it to its run.
 */
import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import request from 'supertest';
import { createTestApp, resetDatabase } from '../helpers/test-app';
import { startTestExchange } from '../helpers/running-exchange';
import { eventually } from '../helpers/eventually';
import type { Exchange } from '../../server/exchange';
import { JobModel } from '../../server/scheduler/job.model';
import { enqueueJob } from '../../server/scheduler/job.store';
import { startScheduler } from '../../server/scheduler/scheduler';
import { OfferModel } from '../../server/offers/offer.model';
import { currentRequestId, withRequestId } from '../../server/common/request-context';
import { countSearchErrors } from '../../server/metrics/instrument-search';
import { registry } from '../../server/metrics/registry';
import type { SearchEngine } from '../../search';
import { SocketPool, callOk, dealBetween, person, send } from '../realtime/room-fixtures';

const TOKEN = 'metrics-token-0123456789';

/** The value of one sample in Prometheus's text format, or undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (!Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) continue;
    return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

describe('metrics (/metrics)', function () {
  this.timeout(30000);

  describe('on an app without background work', () => {
    beforeEach(resetDatabase);

    it('when METRICS_TOKEN is not set, then /metrics is not served', async () => {
      const { app } = await createTestApp();
      const res = await request(app).get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(404);
      assert.equal(res.body.error.code, 'not_found');
      assert.doesNotMatch(res.text, /tx_http_request_duration_seconds/);
    });

    it('when no token or a wrong one is presented, then /metrics answers 401 and shows no metrics', async () => {
      const { app } = await createTestApp({ METRICS_TOKEN: TOKEN });
      const none = await request(app).get('/metrics').expect(401);
      assert.equal(none.body.error.code, 'unauthenticated');
      const wrong = await request(app).get('/metrics').set('Authorization', `Bearer ${TOKEN}x`).expect(401);
      assert.doesNotMatch(wrong.text, /tx_http_request_duration_seconds/);
    });

    it('when requests were answered, then their durations are counted by route template and status, not raw path', async () => {
      const { app } = await createTestApp({ METRICS_TOKEN: TOKEN });
      const id = new mongoose.Types.ObjectId().toString();
      await request(app).get(`/api/offers/${id}`).expect(404);
      const res = await request(app).get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200);
      assert.match(res.headers['content-type'], /^text\/plain/);
      const count = sample(res.text, 'tx_http_request_duration_seconds_count', {
        method: 'GET',
        route: '/api/offers/:id',
        status: '404',
      });
      assert.ok(count !== undefined && count >= 1, 'the request is counted under its route template');
      assert.ok(!res.text.includes(id), 'no raw path (with its id) becomes a label');
      assert.ok(sample(res.text, 'process_resident_memory_bytes')! > 0, 'process metrics are there');
    });

    it('when a job is overdue and a listing awaits indexing, then both backlogs show with the age of the oldest', async () => {
      const { app } = await createTestApp({ METRICS_TOKEN: TOKEN });
      const minute = 60_000;
      await JobModel.create({
        type: 'test.unhandled',
        runAt: new Date(Date.now() - 2 * minute),
        status: 'pending',
      });
      await JobModel.create({
        type: 'test.unhandled',
        runAt: new Date(Date.now() + 60 * minute),
        status: 'pending',
      });
      await OfferModel.collection.insertOne({
        searchDirty: true,
        updatedAt: new Date(Date.now() - 3 * minute),
      });
      const res = await request(app).get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200);
      assert.equal(sample(res.text, 'tx_job_queue_due_count'), 1, 'only the job whose time has come');
      assert.ok(sample(res.text, 'tx_job_queue_due_oldest_seconds')! >= 120);
      assert.equal(sample(res.text, 'tx_search_sync_pending_count'), 1);
      assert.ok(sample(res.text, 'tx_search_sync_pending_oldest_seconds')! >= 180);
    });

    it('when the search engine fails, then the failure is counted by operation and still reaches the caller', async () => {
      const before = (await registry.getSingleMetric('tx_search_errors_total')!.get()).values.find(
        (v) => v.labels.operation === 'search',
      )?.value;
      const engine = countSearchErrors({
        name: 'broken',
        search: () => Promise.reject(new Error('engine down')),
      } as unknown as SearchEngine);
      await assert.rejects(() => engine.search({} as never), /engine down/);
      const after = (await registry.getSingleMetric('tx_search_errors_total')!.get()).values.find(
        (v) => v.labels.operation === 'search',
      )?.value;
      assert.equal(after, (before ?? 0) + 1);
    });

    it('when a request enqueues a job, then the job runs under the same request id', async () => {
      const job = await withRequestId('req-0123456789', () =>
        enqueueJob({ type: 'test.request-id', runAt: new Date() }),
      );
      assert.equal(job.requestId, 'req-0123456789');
      let seen: string | undefined;
      const scheduler = startScheduler({
        intervalMs: 50,
        handlers: { 'test.request-id': async () => void (seen = currentRequestId()) },
      });
      try {
        await eventually(async () => seen, 'the job to run');
        assert.equal(seen, 'req-0123456789');
      } finally {
        await scheduler.stop();
      }
    });
  });

  describe('on a running exchange', () => {
    let exchange: Exchange;
    const pool = new SocketPool(() => exchange.url);
    before(async () => {
      exchange = await startTestExchange({ METRICS_TOKEN: TOKEN });
    });
    after(async () => {
      pool.closeAll();
      await exchange?.stop();
    });
    beforeEach(resetDatabase);

    const scrape = async () =>
      (await request(exchange.url).get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200)).text;

    it('when members talk in a room, then open sockets and messages are counted', async () => {
      const seller = await person(exchange.url, { kind: 'institute' });
      const buyer = await person(exchange.url, { kind: 'enterprise' });
      const dealId = await dealBetween(seller, buyer);
      const before = await scrape();
      const a = await pool.connect(seller);
      const b = await pool.connect(buyer);
      await callOk(a, 'deal:join', { dealId });
      await callOk(b, 'deal:join', { dealId });
      await send(a, dealId, 'Xin chào, chúng tôi gửi bản điều khoản.');
      await send(b, dealId, 'Cảm ơn, chúng tôi sẽ xem.');
      const after = await scrape();
      assert.ok(sample(after, 'tx_socket_connections')! >= 2);
      assert.equal(
        sample(after, 'tx_chat_messages_total')! - (sample(before, 'tx_chat_messages_total') ?? 0),
        2,
      );
      const sends = (t: string) =>
        sample(t, 'tx_socket_events_total', { event: 'message:send', outcome: 'ok' }) ?? 0;
      assert.equal(sends(after) - sends(before), 2);
    });

    it('when a database command fails, then it is counted by command', async () => {
      await assert.rejects(() => mongoose.connection.db!.command({ txNoSuchCommand: 1 }));
      const counted = await eventually(
        async () => sample(await scrape(), 'tx_database_errors_total', { command: 'txNoSuchCommand' }),
        'the failed command to be counted',
      );
      assert.equal(counted, 1);
    });
  });
});
