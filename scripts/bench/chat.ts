/**
 * Negotiation-room benchmark (`npm run bench:chat`): N Socket.IO clients in M deal rooms, each
 * room sending a message as soon as the previous one is acknowledged, at most `rate` per second.
 * Four runs, each against server child processes on loopback:
 *   - bare Socket.IO broadcast (no session, no persistence), one process: the baseline;
 *   - the exchange (session handshake, access checks, messages stored before delivery), one process;
 *   - the same two, with two processes sharing one Redis (streams adapter), each room's clients
 *     spread over both processes.
 * Prints messages stored and deliveries per second, delivery latency percentiles (send → every
 * member's `message:new`, clients and clock in this process) and server memory per connection.
 *
 *   npm run bench:chat -- [--clients 1000] [--rooms 200] [--seconds 8] [--rate 1] [--only exchange] [--no-redis]
 *
 * About three minutes with the defaults, most of it signing 2 × 1,000 sockets in (session and
 * user lookups on the embedded FerretDB); it stops itself after four.
 * Users, deals and sessions are written straight into a throw-away FerretDB: signing 1,000 people
 * in through argon2 would take longer than the benchmark itself.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { Server } from 'socket.io';
import { io as connectClient, type Socket } from 'socket.io-client';
import { createClient } from 'redis';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { startFerretDb, startRedis, type RunningService } from '../services/services';
import { loadConfig } from '../../server/config';
import { startExchange } from '../../server/exchange';
import type { Ack } from '../../server/api-contract/socket-events';

const SESSION_SECRET = 'bench-session-secret-0123456789';
const HARD_LIMIT_MS = 240_000;

interface Options {
  clients: number;
  rooms: number;
  seconds: number;
  warmup: number;
  rate: number;
  only?: 'bare' | 'exchange';
  noRedis: boolean;
}

function parseOptions(argv: string[]): Options {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    if (i !== -1) return argv[i + 1];
    return argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  };
  const num = (name: string, fallback: number) => {
    const raw = get(name);
    const value = raw === undefined ? fallback : Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
    return value;
  };
  const only = get('only');
  const opts: Options = {
    clients: num('clients', 1000),
    rooms: num('rooms', 200),
    seconds: num('seconds', 8),
    warmup: num('warmup', 2),
    rate: num('rate', 1),
    only: only === 'bare' || only === 'exchange' ? only : undefined,
    noRedis: argv.includes('--no-redis'),
  };
  if (opts.clients % opts.rooms !== 0 || opts.clients / opts.rooms < 2) {
    throw new Error('--clients must be a multiple of --rooms, with at least 2 clients per room');
  }
  return opts;
}

// ---- Server child processes ----------------------------------------------------------------

type ServerKind = 'bare' | 'exchange';

interface ServerHandle {
  url: string;
  memory(): Promise<NodeJS.MemoryUsage>;
  stop(): Promise<void>;
  kill(): void;
}

function startServerChild(kind: ServerKind, env: Record<string, string>): Promise<ServerHandle> {
  const child: ChildProcess = fork(__filename, [`--serve=${kind}`], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const request = <T>(type: string) =>
    new Promise<T>((resolve) => {
      const onMessage = (m: { type: string; value: T }) => {
        if (m.type !== type) return;
        child.off('message', onMessage);
        resolve(m.value);
      };
      child.on('message', onMessage);
      child.send({ type });
    });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${kind} server exited (${code})`)));
    child.once('message', (m: { type: string; url: string }) => {
      if (m.type !== 'ready') return reject(new Error(`unexpected message ${m.type}`));
      resolve({
        url: m.url,
        memory: () => request<NodeJS.MemoryUsage>('memory'),
        kill: () => child.kill('SIGKILL'),
        stop: () =>
          new Promise<void>((done) => {
            const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
            child.removeAllListeners('exit');
            child.once('exit', () => {
              clearTimeout(timer);
              done();
            });
            child.send({ type: 'stop' });
          }),
      });
    });
  });
}

async function serve(kind: ServerKind): Promise<void> {
  let stop: () => Promise<void>;
  let url: string;
  if (kind === 'exchange') {
    const exchange = await startExchange(loadConfig(process.env));
    url = exchange.url;
    stop = () => exchange.stop();
  } else {
    const bare = await startBareServer(process.env.REDIS_URL);
    url = bare.url;
    stop = bare.stop;
  }
  process.on('message', (m: { type: string }) => {
    if (m.type === 'memory') {
      global.gc?.();
      process.send?.({ type: 'memory', value: process.memoryUsage() });
    }
    if (m.type === 'stop') void stop().finally(() => process.exit(0));
  });
  process.send?.({ type: 'ready', url });
}

/** The baseline: join a room, broadcast to it. No session, no checks, nothing stored. */
async function startBareServer(redisUrl?: string) {
  const httpServer = http.createServer();
  let closeRedis = async () => {};
  let adapter: ReturnType<typeof createAdapter> | undefined;
  if (redisUrl) {
    const client = createClient({ url: redisUrl });
    client.on('error', () => undefined);
    await client.connect();
    adapter = createAdapter(client);
    closeRedis = async () => {
      await client.close();
    };
  }
  const io = new Server(httpServer, { serveClient: false, ...(adapter ? { adapter } : {}) });
  const deals = io.of('/deals');
  let seq = 0;
  deals.on('connection', (socket) => {
    socket.on('deal:join', ({ dealId }: { dealId: string }, ack: (r: unknown) => void) => {
      void socket.join(`deal:${dealId}`);
      ack({ ok: true, messages: [] });
    });
    socket.on(
      'message:send',
      (req: { dealId: string; body: string; clientId: string }, ack: (r: unknown) => void) => {
        const message = {
          id: String(++seq),
          seq,
          dealId: req.dealId,
          body: req.body,
          clientId: req.clientId,
        };
        deals.to(`deal:${req.dealId}`).emit('message:new', { message });
        ack({ ok: true, message });
      },
    );
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      deals.local.disconnectSockets(true);
      await deals.adapter.close();
      io.engine.close();
      httpServer.close();
      await closeRedis();
    },
  };
}

// ---- Data: organizations, people, deals, sessions ------------------------------------------

interface Member {
  userId: string;
  cookie: string;
}

interface Room {
  dealId: string;
  members: Member[];
}

function signedCookie(sid: string): string {
  const signature = createHmac('sha256', SESSION_SECRET).update(sid).digest('base64').replace(/=+$/, '');
  return `tx.sid=${encodeURIComponent(`s:${sid}.${signature}`)}`;
}

async function seed(opts: Options): Promise<Room[]> {
  const db = mongoose.connection.db!;
  const now = new Date();
  const perRoom = opts.clients / opts.rooms;
  const orgs: Record<string, unknown>[] = [];
  const users: Record<string, unknown>[] = [];
  const deals: Record<string, unknown>[] = [];
  const sessions: Record<string, unknown>[] = [];
  const rooms: Room[] = [];
  const expires = new Date(Date.now() + 24 * 3600_000);
  for (let r = 0; r < opts.rooms; r++) {
    const seller = new mongoose.Types.ObjectId();
    const buyer = new mongoose.Types.ObjectId();
    orgs.push(
      {
        _id: seller,
        name: `Viện nghiên cứu ${r}`,
        kind: 'institute',
        verified: true,
        createdAt: now,
        updatedAt: now,
      },
      {
        _id: buyer,
        name: `Doanh nghiệp ${r}`,
        kind: 'enterprise',
        verified: true,
        createdAt: now,
        updatedAt: now,
      },
    );
    const dealId = new mongoose.Types.ObjectId();
    const members: Member[] = [];
    let broker: mongoose.Types.ObjectId | undefined;
    for (let i = 0; i < perRoom; i++) {
      const id = new mongoose.Types.ObjectId();
      const isBroker = perRoom >= 3 && i === perRoom - 1;
      if (isBroker) broker = id;
      users.push({
        _id: id,
        email: `bench-${r}-${i}@example.vn`,
        passwordHash: 'not-used-by-the-benchmark',
        name: `Người ${r}-${i}`,
        role: isBroker ? 'broker' : 'member',
        locale: 'vi',
        ...(isBroker ? {} : { organizationId: i % 2 === 0 ? seller : buyer }),
        membershipStatus: isBroker ? 'none' : 'active',
        createdAt: now,
        updatedAt: now,
      });
      const sid = randomBytes(18).toString('base64url');
      sessions.push({
        _id: sid,
        expires,
        session: {
          cookie: { originalMaxAge: 24 * 3600_000, expires, httpOnly: true, path: '/', sameSite: 'lax' },
          passport: { user: String(id) },
        },
      });
      members.push({ userId: String(id), cookie: signedCookie(sid) });
    }
    deals.push({
      _id: dealId,
      listingKind: 'offer',
      offerId: new mongoose.Types.ObjectId(),
      listingTitle: `Công nghệ thử nghiệm ${r}`,
      sellerOrgId: seller,
      buyerOrgId: buyer,
      ...(broker ? { brokerUserId: broker } : {}),
      status: 'negotiating',
      createdBy: members[0].userId,
      termSheets: [],
      latestVersion: 0,
      timeline: [],
      ndaAcceptances: [],
      messageSeq: 0,
      createdMonth: now.toISOString().slice(0, 7),
      createdAt: now,
      updatedAt: now,
    });
    rooms.push({ dealId: String(dealId), members });
  }
  await db.collection('organizations').insertMany(orgs);
  await db.collection('users').insertMany(users);
  await db.collection('deals').insertMany(deals);
  await db.collection('sessions').insertMany(sessions as never[]);
  return rooms;
}

async function clearMessages(): Promise<void> {
  const db = mongoose.connection.db!;
  for (const name of ['dealmessages', 'message_slots', 'negotiation_room_counters', 'readmarkers']) {
    await db.collection(name).deleteMany({});
  }
}

// ---- Clients and measurement ---------------------------------------------------------------

type Client = Socket;

interface RunResult {
  name: string;
  connectSeconds: number;
  /** Mean time of one handshake and of one join, 25 rooms connecting at a time. */
  handshakeMs: number;
  joinMs: number;
  stored: number;
  storedPerSecond: number;
  deliveriesPerSecond: number;
  missing: number;
  p50: number;
  p95: number;
  p99: number;
  rssKbPerConnection: number;
  heapKbPerConnection: number;
  refused: number;
}

function emitWithAck<T extends object>(
  socket: Client,
  event: string,
  payload: unknown,
  timeoutMs = 15000,
): Promise<Ack<T>> {
  return new Promise((resolve) => {
    socket.timeout(timeoutMs).emit(event, payload, (err: Error | null, res: Ack<T>) => {
      resolve(err ? { ok: false, error: { code: 'timeout', message: err.message } } : res);
    });
  });
}

function connect(url: string, cookie: string): Promise<Client> {
  return new Promise((resolve, reject) => {
    const socket = connectClient(`${url}/deals`, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      extraHeaders: { cookie },
    });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => reject(err));
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function measure(
  name: string,
  servers: ServerHandle[],
  rooms: Room[],
  opts: Options,
): Promise<RunResult> {
  const before = await Promise.all(servers.map((s) => s.memory()));
  const sockets: Client[][] = [];
  let refused = 0;
  const connectStarted = performance.now();
  let memberIndex = 0;
  let handshakeMs = 0;
  let joinMs = 0;
  for (let i = 0; i < rooms.length; i += 25) {
    const batch = rooms.slice(i, i + 25);
    const joined = await Promise.all(
      batch.map(async (room) =>
        Promise.all(
          room.members.map(async (m) => {
            const t0 = performance.now();
            const socket = await connect(servers[memberIndex++ % servers.length].url, m.cookie);
            const t1 = performance.now();
            const res = await emitWithAck(socket, 'deal:join', { dealId: room.dealId });
            handshakeMs += t1 - t0;
            joinMs += performance.now() - t1;
            if (!res.ok) refused++;
            return socket;
          }),
        ),
      ),
    );
    sockets.push(...joined);
  }
  const connectSeconds = (performance.now() - connectStarted) / 1000;
  await sleep(500);
  const after = await Promise.all(servers.map((s) => s.memory()));

  const windowStart = performance.now() + opts.warmup * 1000;
  const windowEnd = windowStart + opts.seconds * 1000;
  const latencies: number[] = [];
  let deliveries = 0;
  for (const roomSockets of sockets) {
    for (const socket of roomSockets) {
      socket.on('message:new', ({ message }: { message: { body: string } }) => {
        const sentAt = Number(message.body.split(' ')[1]);
        if (sentAt < windowStart || sentAt >= windowEnd) return;
        deliveries++;
        latencies.push(performance.now() - sentAt);
      });
    }
  }

  let stored = 0;
  const interval = 1000 / opts.rate;
  await Promise.all(
    sockets.map(async (roomSockets, r) => {
      await sleep(Math.random() * interval); // rooms start spread over one interval
      for (let k = 0; performance.now() < windowEnd; k++) {
        const started = performance.now();
        const sender = roomSockets[k % roomSockets.length];
        const res = await emitWithAck(sender, 'message:send', {
          dealId: rooms[r].dealId,
          body: `bench ${started} ${k}`,
          clientId: `b-${r}-${k}-${Math.round(started)}`,
        });
        if (res.ok && started >= windowStart && started < windowEnd) stored++;
        const wait = interval - (performance.now() - started);
        if (wait > 0) await sleep(wait);
      }
    }),
  );
  await sleep(2000); // deliveries still in flight
  for (const roomSockets of sockets) for (const s of roomSockets) s.close();

  latencies.sort((a, b) => a - b);
  const connections = opts.clients;
  const sum = (xs: NodeJS.MemoryUsage[], key: 'rss' | 'heapUsed') => xs.reduce((t, m) => t + m[key], 0);
  return {
    name,
    connectSeconds,
    handshakeMs: handshakeMs / opts.clients,
    joinMs: joinMs / opts.clients,
    stored,
    storedPerSecond: stored / opts.seconds,
    deliveriesPerSecond: deliveries / opts.seconds,
    missing: stored * (opts.clients / opts.rooms) - deliveries,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    rssKbPerConnection: (sum(after, 'rss') - sum(before, 'rss')) / 1024 / connections,
    heapKbPerConnection: (sum(after, 'heapUsed') - sum(before, 'heapUsed')) / 1024 / connections,
    refused,
  };
}

function report(results: RunResult[], opts: Options): void {
  const f = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '–');
  console.log(
    `\n${opts.clients} clients in ${opts.rooms} rooms (${opts.clients / opts.rooms} per room), ` +
      `each room sending up to ${opts.rate}/s for ${opts.seconds}s after ${opts.warmup}s warm-up; ${os.cpus().length} CPUs\n`,
  );
  const rows = results.map((r) => ({
    run: r.name,
    'msgs/s': f(r.storedPerSecond),
    'deliveries/s': f(r.deliveriesPerSecond),
    'p50 ms': f(r.p50),
    'p95 ms': f(r.p95),
    'p99 ms': f(r.p99),
    missing: r.missing,
    'RSS KB/conn': f(r.rssKbPerConnection),
    'heap KB/conn': f(r.heapKbPerConnection),
    'connect+join s': f(r.connectSeconds),
    refused: r.refused,
  }));
  console.table(rows);
  for (const processes of ['1 process', '2 processes']) {
    const bare = results.find((r) => r.name === `bare, ${processes}`);
    const real = results.find((r) => r.name === `exchange, ${processes}`);
    if (!bare || !real) continue;
    console.log(
      `${processes}: the exchange delivers ${f((100 * real.deliveriesPerSecond) / bare.deliveriesPerSecond, 0)}% of the bare ` +
        `broadcast's deliveries/s; p50 latency ${f(real.p50 / bare.p50, 1)}× the baseline, p99 ${f(real.p99 / bare.p99, 1)}×`,
    );
  }
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-bench-chat-'));
  const services: RunningService[] = [];
  const servers: ServerHandle[] = [];
  const deadline = setTimeout(() => {
    console.error('bench:chat: time limit reached; stopping');
    for (const s of servers) s.kill();
    process.exit(1); // the managed services (FerretDB, Redis) are killed on exit
  }, HARD_LIMIT_MS);
  deadline.unref();
  try {
    const db = await startFerretDb({ dataDir: path.join(tmp, 'db') });
    services.push(db);
    const mongodbUri = `${db.localUrl}bench_chat`;
    await mongoose.connect(mongodbUri);
    const seedStarted = performance.now();
    const rooms = await seed(opts);
    console.log(
      `seeded ${opts.rooms} deals and ${opts.clients} signed-in people in ${f0(performance.now() - seedStarted)} ms`,
    );
    const redis = opts.noRedis ? undefined : await startRedis({ logFile: path.join(tmp, 'redis.log') });
    if (redis) services.push(redis);

    const env = (redisUrl?: string): Record<string, string> => ({
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      PUBLIC_URL: 'http://127.0.0.1',
      MONGODB_URI: mongodbUri,
      SESSION_SECRET,
      LOG_LEVEL: 'error',
      DATA_DIR: path.join(tmp, 'data'),
      SEARCH_INDEX_PATH: ':memory:',
      CLIENT_DIR: path.join(tmp, 'no-client'),
      ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    });
    const runs: { name: string; kind: ServerKind; processes: number }[] = [
      { name: 'bare, 1 process', kind: 'bare', processes: 1 },
      { name: 'exchange, 1 process', kind: 'exchange', processes: 1 },
      { name: 'bare, 2 processes', kind: 'bare', processes: 2 },
      { name: 'exchange, 2 processes', kind: 'exchange', processes: 2 },
    ];
    const plan = runs.filter((p) => (!opts.only || p.kind === opts.only) && (p.processes === 1 || redis));

    const results: RunResult[] = [];
    for (const run of plan) {
      await clearMessages();
      const redisUrl = run.processes > 1 ? redis?.url : undefined;
      for (let i = 0; i < run.processes; i++) servers.push(await startServerChild(run.kind, env(redisUrl)));
      process.stdout.write(`${run.name}… `);
      const result = await measure(run.name, servers, rooms, opts);
      console.log(
        `connected and joined in ${result.connectSeconds.toFixed(1)} s ` +
          `(handshake ${f0(result.handshakeMs)} ms, join ${f0(result.joinMs)} ms each, 25 rooms at a time); ` +
          `${f0(result.deliveriesPerSecond)} deliveries/s, p99 ${f0(result.p99)} ms`,
      );
      results.push(result);
      for (const s of servers.splice(0)) await s.stop();
    }
    report(results, opts);
  } finally {
    for (const s of servers.splice(0)) await s.stop().catch(() => undefined);
    await mongoose.disconnect().catch(() => undefined);
    for (const s of services.reverse()) await s.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
    clearTimeout(deadline);
  }
}

function f0(n: number): string {
  return Number.isFinite(n) ? n.toFixed(0) : '–';
}

const serveArg = process.argv.find((a) => a.startsWith('--serve='))?.split('=')[1];
if (serveArg === 'bare' || serveArg === 'exchange') {
  serve(serveArg).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
} else {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
