/**
 * `npm run soak [-- --minutes 10]`: the multi-process topology under steady load for a bounded
 * time. Two exchange processes, Redis, FerretDB and nginx (deploy/nginx/nginx.conf, TLS) run on
 * loopback; browsing clients search and open listings through the proxy, and Socket.IO clients
 * (long-polling, then WebSocket, through the proxy) talk in negotiation rooms. Every interval it
 * prints requests, errors and p50/p99 latencies, messages and their delivery p99, open sockets,
 * and each process's memory (read from its /metrics); at the end, a summary. Exits non-zero on
 * any error or undelivered message.
 *
 *   npm run soak -- [--minutes 10] [--browsers 500] [--sockets 1000] [--rooms 200]
 *                   [--think 10] [--room-interval 10] [--report 60]
 */
import fs from 'node:fs';
import https from 'node:https';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { startTopology, SOAK_METRICS_TOKEN, SOAK_SESSION_SECRET } from './soak/topology';
import { seedRooms, type SoakRoom } from './soak/seed-rooms';
import type { Ack, ChatMessage } from '../server/api-contract/socket-events';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    browsers: { type: 'string', default: '500' },
    sockets: { type: 'string', default: '1000' },
    rooms: { type: 'string', default: '200' },
    think: { type: 'string', default: '10' },
    'room-interval': { type: 'string', default: '10' },
    report: { type: 'string' },
  },
});
const num = (name: keyof typeof values) => {
  const v = Number(values[name]);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return v;
};
const opts = {
  minutes: num('minutes'),
  browsers: Math.round(num('browsers')),
  sockets: Math.round(num('sockets')),
  rooms: Math.round(num('rooms')),
  thinkMs: num('think') * 1000,
  roomIntervalMs: num('room-interval') * 1000,
  reportMs: (values.report ? num('report') : Math.max(30, (num('minutes') * 60) / 10)) * 1000,
};
const perRoom = Math.floor(opts.sockets / opts.rooms);
if (perRoom < 2) throw new Error('--sockets must be at least twice --rooms');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const jitter = (ms: number) => ms * (0.5 + Math.random());
const tlsAgent = new https.Agent({ keepAlive: true, rejectUnauthorized: false, maxSockets: 256 });
const plainAgent = new http.Agent({ keepAlive: true });

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const secure = url.startsWith('https:');
  return new Promise((resolve, reject) => {
    const req = (secure ? https : http).get(
      url,
      { agent: secure ? tlsAgent : plainAgent, headers, timeout: 30_000 },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const fmt = (ms: number) => (Number.isNaN(ms) ? '-' : ms < 10 ? ms.toFixed(1) : ms.toFixed(0));

class Window {
  http: number[] = [];
  delivery: number[] = [];
  errors = 0;
  sent = 0;
  acked = 0;
  delivered = 0;
}

let window = new Window();
const total = new Window();
const errorKinds = new Map<string, number>();
function error(kind: string) {
  window.errors++;
  total.errors++;
  errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
}

let stopping = false;

async function browser(base: string, offerIds: string[], terms: string[]): Promise<void> {
  await sleep(Math.random() * opts.thinkMs);
  while (!stopping) {
    const pick = Math.random();
    const url =
      pick < 0.5
        ? `${base}/api/search?q=${encodeURIComponent(terms[Math.floor(Math.random() * terms.length)])}`
        : pick < 0.8
          ? `${base}/api/offers/${offerIds[Math.floor(Math.random() * offerIds.length)]}`
          : `${base}/api/search?kind=demand`;
    const started = performance.now();
    try {
      const res = await get(url);
      const ms = performance.now() - started;
      window.http.push(ms);
      total.http.push(ms);
      if (res.status !== 200) error(`HTTP ${res.status}`);
    } catch (err) {
      error(`HTTP ${(err as Error).message}`);
    }
    await sleep(jitter(opts.thinkMs));
  }
}

interface Sent {
  at: number;
  expected: number;
  got: number;
  /** Only an acknowledged (stored) message must reach every member. */
  acked: boolean;
}
const sentMessages = new Map<string, Sent>();

function roomClient(base: string, room: SoakRoom, cookie: string): Promise<Socket> {
  const socket = io(`${base}/deals`, {
    forceNew: true,
    extraHeaders: { cookie },
    rejectUnauthorized: false,
    reconnectionDelay: 200,
    reconnectionDelayMax: 2000,
  });
  socket.on('message:new', ({ message }: { message: ChatMessage }) => {
    const record = sentMessages.get(message.clientId ?? '');
    if (!record) return;
    record.got++;
    const ms = Date.now() - record.at;
    window.delivery.push(ms);
    total.delivery.push(ms);
    window.delivered++;
    total.delivered++;
  });
  socket.on('disconnect', (reason) => {
    if (!stopping) error(`socket disconnect: ${reason}`);
  });
  return new Promise((resolve, reject) => {
    socket.once('connect_error', reject);
    socket.once('connect', () => {
      socket.emit('deal:join', { dealId: room.dealId }, (res: Ack<object>) => {
        if (!res.ok) return reject(new Error(`join refused: ${res.error.code}`));
        resolve(socket);
      });
    });
  });
}

async function talker(room: SoakRoom, sockets: Socket[]): Promise<void> {
  await sleep(Math.random() * opts.roomIntervalMs);
  let turn = 0;
  while (!stopping) {
    const socket = sockets[turn++ % sockets.length];
    const clientId = randomUUID();
    const record: Sent = { at: Date.now(), expected: sockets.length, got: 0, acked: false };
    sentMessages.set(clientId, record);
    window.sent++;
    total.sent++;
    socket.emit(
      'message:send',
      { dealId: room.dealId, body: `Tin nhắn thử tải ${turn}`, clientId },
      (res: Ack<object>) => {
        if (res.ok) {
          record.acked = true;
          window.acked++;
          total.acked++;
        } else error(`send refused: ${res.error.code}`);
      },
    );
    await sleep(jitter(opts.roomIntervalMs));
  }
}

async function memoryOf(urls: string[]): Promise<string> {
  const parts: string[] = [];
  for (const [i, url] of urls.entries()) {
    try {
      const res = await get(`${url}/metrics`, { authorization: `Bearer ${SOAK_METRICS_TOKEN}` });
      const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(res.body)?.[1] ?? NaN);
      parts.push(
        `p${i + 1} rss ${(value('process_resident_memory_bytes') / 1e6).toFixed(0)} MB heap ${(value('nodejs_heap_size_used_bytes') / 1e6).toFixed(0)} MB sockets ${value('tx_socket_connections')}`,
      );
      rssSeries[i].push(value('process_resident_memory_bytes'));
    } catch {
      parts.push(`p${i + 1} unreachable`);
      error('metrics unreachable');
    }
  }
  return parts.join(' | ');
}
const rssSeries: number[][] = [[], []];

function line(label: string, w: Window, seconds: number, memory: string): string {
  const httpSorted = [...w.http].sort((a, b) => a - b);
  const delSorted = [...w.delivery].sort((a, b) => a - b);
  return (
    `${label} http ${(w.http.length / seconds).toFixed(0)}/s p50 ${fmt(percentile(httpSorted, 50))} p99 ${fmt(percentile(httpSorted, 99))} ms` +
    ` | msgs ${(w.sent / seconds).toFixed(1)}/s acked ${w.acked} deliv p50 ${fmt(percentile(delSorted, 50))} p99 ${fmt(percentile(delSorted, 99))} ms` +
    ` | errors ${w.errors} | ${memory}`
  );
}

async function main() {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-soak-'));
  const hardStop = setTimeout(
    () => {
      process.stderr.write('soak: hard time limit reached; stopping\n');
      process.exit(2);
    },
    (opts.minutes + 5) * 60_000,
  );
  hardStop.unref();
  process.stdout.write(
    `soak: ${opts.minutes} min, ${opts.browsers} browsing clients (think ${opts.thinkMs / 1000} s), ` +
      `${perRoom * opts.rooms} sockets in ${opts.rooms} rooms (a message per room every ${opts.roomIntervalMs / 1000} s); logs in ${workDir}\n`,
  );
  const topology = await startTopology(workDir);
  const clients: Socket[] = [];
  try {
    const rooms = await seedRooms(topology.mongodbUri, opts.rooms, perRoom, SOAK_SESSION_SECRET);
    const listing = JSON.parse((await get(`${topology.proxyUrl}/api/search?kind=offer&limit=50`)).body) as {
      hits: { id: string; title: string }[];
    };
    const offerIds = listing.hits.map((h) => h.id);
    if (offerIds.length === 0) throw new Error('no listings to browse (demo data not loaded?)');
    const terms = [
      'xu ly nuoc thai',
      'năng lượng mặt trời',
      'chế biến',
      'cảm biến IoT',
      'vaccine',
      'phân bón',
    ];

    const connectStarted = Date.now();
    const roomSockets: Socket[][] = [];
    for (let i = 0; i < rooms.length; i += 20) {
      const batch = rooms.slice(i, i + 20);
      const connected = await Promise.all(
        batch.map((room) => Promise.all(room.cookies.map((c) => roomClient(topology.proxyUrl, room, c)))),
      );
      for (const sockets of connected) clients.push(...sockets);
      roomSockets.push(...connected);
    }
    process.stdout.write(
      `soak: ${clients.length} sockets joined in ${((Date.now() - connectStarted) / 1000).toFixed(0)} s\n`,
    );

    const started = Date.now();
    const load = [
      ...Array.from({ length: opts.browsers }, () => browser(topology.proxyUrl, offerIds, terms)),
      ...rooms.map((room, i) => talker(room, roomSockets[i])),
    ];
    const endAt = started + opts.minutes * 60_000;
    let last = started;
    while (Date.now() < endAt) {
      await sleep(Math.min(opts.reportMs, endAt - Date.now()));
      const now = Date.now();
      const elapsed = Math.round((now - started) / 1000);
      const label = `${String(Math.floor(elapsed / 60)).padStart(2, '0')}:${String(elapsed % 60).padStart(2, '0')}`;
      process.stdout.write(
        `${line(label, window, (now - last) / 1000, await memoryOf(topology.processUrls))}\n`,
      );
      window = new Window();
      last = now;
    }
    stopping = true;
    await Promise.all(load);
    await sleep(5000); // deliveries still in flight
    let missing = 0;
    for (const record of sentMessages.values()) {
      if (record.acked) missing += Math.max(0, record.expected - record.got);
    }
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(`\n${line('total', total, seconds, await memoryOf(topology.processUrls))}\n`);
    const growth = rssSeries.map((s) =>
      s.length > 1 ? `${(((s[s.length - 1] - s[0]) / s[0]) * 100).toFixed(0)} %` : '-',
    );
    process.stdout.write(
      `requests ${total.http.length}, messages ${total.sent} (acked ${total.acked}), deliveries ${total.delivered}, ` +
        `acknowledged but not delivered ${missing}, errors ${total.errors}; RSS change first→last report: ${growth.join(', ')}\n`,
    );
    for (const [kind, n] of errorKinds) process.stdout.write(`  ${n} × ${kind}\n`);
    process.exitCode = total.errors === 0 && missing === 0 ? 0 : 1;
  } finally {
    stopping = true;
    for (const s of clients) s.close();
    await topology.stop();
    // A failed soak keeps the processes' logs for whoever looks into it.
    if (process.exitCode) process.stderr.write(`soak: logs kept in ${workDir}\n`);
    else fs.rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`soak failed: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
