/**
 * The production topology without Docker: two exchange processes sharing the database, Redis
 * and the shared Meilisearch (when its binary is beside the repository), behind Debian's nginx with deploy/nginx/nginx.conf (TLS, WebSockets, Socket.IO hashed by
 * session cookie). A negotiation runs through the proxy while each process in turn is stopped
 * and started again (a rolling restart): sessions survive, no message is lost or doubled, and
 * the proxy keeps answering from the process that is up.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import request from 'supertest';
import { freePort } from '../../scripts/services/ports';
import { startNginx, startRedis, type RunningService } from '../../scripts/services/services';
import { spawnExchangeProcess, type ExchangeProcess } from '../helpers/exchange-process';
import { meiliAvailable, meiliForTests } from '../helpers/search-engine';
import { skipBecause } from '../helpers/skip';
import { publishedOffer } from '../api/deals-helpers';
import { connectTestDatabase, resetDatabase } from '../helpers/test-app';
import { eventually } from '../helpers/eventually';
import { RoomMember } from '../helpers/room-member';
import type { ChatMessage } from '../../server/api-contract/socket-events';

/**
 * nginx (open source) learns that a process is back only when it tries it again, `fail_timeout`
 * after it failed: a rolling restart waits that long before stopping the next process.
 */
const FAIL_TIMEOUT_MS =
  1000 *
  Number(
    /fail_timeout=(\d+)s/.exec(
      fs.readFileSync(path.resolve(__dirname, '../../deploy/nginx/nginx.conf'), 'utf8'),
    )![1],
  );
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
import {
  connected,
  dealBetween,
  openSocket,
  next,
  person,
  callOk,
  type Person,
  type RoomClient,
} from '../realtime/room-fixtures';

describe('production topology: two processes, Redis and nginx (rolling restart)', function () {
  this.timeout(180_000);
  let workDir: string;
  let redis: RunningService;
  let proxy: RunningService & { httpPort: number };
  const ports: [number, number] = [0, 0];
  const processes: (ExchangeProcess | undefined)[] = [undefined, undefined];
  const members: RoomMember[] = [];
  const direct: RoomClient[] = [];
  let tlsCheck: string | undefined;

  /** The one search index both processes share, as in production; none when Meilisearch is absent. */
  let meili: { host: string; apiKey?: string } | undefined;
  const startProcess = async (i: 0 | 1) => {
    processes[i] = await spawnExchangeProcess({
      PORT: String(ports[i]),
      REDIS_URL: redis.url,
      PUBLIC_URL: proxy.url,
      TRUST_PROXY: 'true',
      ...(meili ? { MEILI_HOST: meili.host, ...(meili.apiKey ? { MEILI_KEY: meili.apiKey } : {}) } : {}),
    });
  };
  const stopProcess = async (i: 0 | 1) => {
    await processes[i]?.stop();
    processes[i] = undefined;
  };

  before(async () => {
    // The helpers below speak to the proxy's throw-away certificate.
    tlsCheck = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
    workDir = path.join(process.env.TEST_TMP_DIR ?? '/tmp', 'topology');
    await connectTestDatabase();
    await resetDatabase();
    const certDir = path.join(workDir, 'certs');
    fs.mkdirSync(certDir, { recursive: true });
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-keyout',
        path.join(certDir, 'privkey.pem'),
        '-out',
        path.join(certDir, 'fullchain.pem'),
      ],
      { stdio: 'ignore' },
    );
    // Set by the global fixture, which runs after the suites are declared.
    meili = meiliAvailable() ? meiliForTests() : undefined;
    redis = await startRedis();
    ports[0] = await freePort();
    ports[1] = await freePort();
    proxy = await startNginx({ exchangePorts: ports, certDir, workDir });
    await Promise.all([startProcess(0), startProcess(1)]);
  });
  after(async () => {
    for (const m of members) m.close();
    for (const s of direct) s.close();
    await stopProcess(0);
    await stopProcess(1);
    await proxy?.stop();
    await redis?.stop();
    if (tlsCheck === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    else process.env.NODE_TLS_REJECT_UNAUTHORIZED = tlsCheck;
  });

  /** Requests through the proxy while a process is down: every one is answered by the other. */
  async function proxyAnswersEvery(times: number, cookie: string): Promise<void> {
    for (let i = 0; i < times; i++) {
      await request(proxy.url).get('/readyz').expect(200);
      await request(proxy.url).get('/api/auth/me').set('Cookie', cookie).expect(200);
    }
  }

  async function talk(
    seller: RoomMember,
    buyer: RoomMember,
    round: string,
    count: number,
  ): Promise<string[]> {
    const bodies: string[] = [];
    for (let i = 0; i < count; i++) {
      for (const [who, member] of [
        ['bên bán', seller],
        ['bên mua', buyer],
      ] as const) {
        const body = `${round}: ${who} ${i + 1}`;
        await member.send(body);
        bodies.push(body);
      }
    }
    return bodies;
  }

  it('when each process is restarted in turn mid-negotiation, then sessions survive and every message arrives once', async () => {
    const [seller, buyer, broker]: Person[] = await Promise.all([
      person(proxy.url, { kind: 'institute', name: 'Trần Thị Bán', orgName: 'Viện Công nghệ Môi trường' }),
      person(proxy.url, { kind: 'enterprise', name: 'Lê Văn Mua', orgName: 'Công ty Nước Sạch' }),
      person(proxy.url, {
        kind: 'broker_firm',
        role: 'broker',
        name: 'Phạm Môi Giới',
        orgName: 'Kết nối CN',
      }),
    ]);
    assert.match(seller.cookie, /tx\.sid=/);
    const dealId = await dealBetween(seller, buyer, broker.user.id);
    const sellerSide = new RoomMember(proxy.url, seller.cookie, dealId);
    const buyerSide = new RoomMember(proxy.url, buyer.cookie, dealId);
    members.push(sellerSide, buyerSide);
    await Promise.all([sellerSide.ready(), buyerSide.ready()]);

    // The room spans both processes: the broker watches from each one directly.
    for (const i of [0, 1] as const) {
      const socket = openSocket(`http://127.0.0.1:${ports[i]}`, broker.cookie);
      direct.push(socket);
      await connected(socket);
      await callOk(socket, 'deal:join', { dealId });
    }
    const seenOnBoth = direct.map((s) =>
      next(s, 'message:new', (e) => e.message.body === 'mở đầu: bên bán 1'),
    );
    const sent = await talk(sellerSide, buyerSide, 'mở đầu', 2);
    await Promise.all(seenOnBoth);
    for (const s of direct.splice(0)) s.close();

    // Rolling restart: the first process goes, the second carries everything, the first comes back.
    // The first process is stopped while messages are being sent.
    const [during] = await Promise.all([
      talk(sellerSide, buyerSide, 'trong lúc máy 1 dừng', 3),
      stopProcess(0),
    ]);
    sent.push(...during);
    await proxyAnswersEvery(10, seller.cookie);
    sent.push(...(await talk(sellerSide, buyerSide, 'khi máy 1 dừng', 3)));
    await startProcess(0);
    await sleep(FAIL_TIMEOUT_MS);
    await stopProcess(1);
    await proxyAnswersEvery(10, buyer.cookie);
    sent.push(...(await talk(sellerSide, buyerSide, 'khi máy 2 dừng', 3)));
    await startProcess(1);
    await sleep(FAIL_TIMEOUT_MS);
    await proxyAnswersEvery(5, seller.cookie);
    sent.push(...(await talk(sellerSide, buyerSide, 'sau khi khởi động lại', 2)));

    const history = await request(proxy.url)
      .get(`/api/deals/${dealId}/messages`)
      .set('Cookie', seller.cookie)
      .expect(200);
    const stored: ChatMessage[] = history.body.messages;
    assert.deepEqual(stored.map((m) => m.body).sort(), [...sent].sort(), 'each message stored once');
    for (const [side, member] of [
      ['the seller', sellerSide],
      ['the buyer', buyerSide],
    ] as const) {
      // A client cut off by the restart reconnects with back-off and then catches up: give it time.
      await eventually(async () => member.bySeq.size >= stored.length, 'every message to reach each side', {
        attempts: 600,
        intervalMs: 50,
      }).catch((err: Error) => {
        const missing = stored.filter((m) => !member.bySeq.has(m.seq)).map((m) => `${m.seq} "${m.body}"`);
        throw new Error(
          `${err.message}: ${side} lacks ${missing.join(', ')}; what it saw:\n${member.history.join('\n')}`,
        );
      });
      assert.deepEqual(
        [...member.bySeq.values()].map((m) => m.id).sort(),
        stored.map((m) => m.id).sort(),
        'nothing lost',
      );
      assert.deepEqual(member.doubled, [], 'nothing delivered twice on one connection');
      assert.ok(member.connections >= 2, 'the member was moved to the other process at least once');
    }
  });
  it('when a listing is published, then both processes find it in the one shared Meilisearch index', async function () {
    if (!meili)
      skipBecause(
        this,
        'Meilisearch absent (../shared/tools/meilisearch): each process searches its own embedded index',
      );
    const seller = await person(proxy.url, {
      kind: 'institute',
      name: 'Đỗ Văn Sấy',
      orgName: 'Viện Cơ điện Nông nghiệp',
    });
    const offerId = await publishedOffer(seller, {
      title: 'Máy sấy nông sản dùng năng lượng mặt trời',
      summary: 'Máy sấy cà phê và hồ tiêu bằng nhiệt mặt trời, tiết kiệm điện',
    });
    for (const port of ports) {
      await eventually(
        async () => {
          const found = await request(`http://127.0.0.1:${port}`)
            .get('/api/search')
            .query({ q: 'máy sấy nông sản' });
          return found.status === 200 && found.body.hits.some((h: { id: string }) => h.id === offerId);
        },
        `process on port ${port} to find the listing`,
        { attempts: 300, intervalMs: 100 },
      );
    }
    const stored = await fetch(`${meili!.host}/indexes/listings/documents/${offerId}`, {
      headers: meili!.apiKey ? { authorization: `Bearer ${meili!.apiKey}` } : {},
    });
    assert.equal(stored.status, 200, 'the listing is a document of the shared index');
  });
});
