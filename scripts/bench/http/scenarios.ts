/**
 * What the bench asks of the exchange: the read routes (one URL each, public or signed in) and
 * the writes (each writer on its own records), and how each is replayed against the bare server.
 */
import http from 'node:http';
import { io as connectSocket, type Socket } from 'socket.io-client';
import type { BareRoute, CapturedResponse } from './bare-server';
import { capture } from './bare-server';
import type { Fixture, Writer } from './seed';
import type { SearchQuery } from '../../../search/types';
import { searchQueryMix } from '../search-queries';

export interface ReadRoute {
  name: string;
  path: string;
  /** Several URLs that each connection asks in turn (`path` is the first). */
  paths?: string[];
  cookie?: string;
  /** Reads the database (the ratio target applies). */
  db: boolean;
  /** A page with a latency target at 10,000 and 100,000 listings. */
  page: boolean;
}

/**
 * Lookups by id and search first: a list route that cannot keep up leaves work behind in the
 * database, which would slow whatever is measured after it.
 */
export function readRoutes(fixture: Fixture, readerCookie: string, searchQuery: string): ReadRoute[] {
  const searchMix = [...new Set(searchQueryMix().map(searchPath))];
  const signedIn = { cookie: readerCookie, db: true, page: true };
  return [
    { name: 'GET /healthz', path: '/healthz', db: false, page: false },
    { name: 'GET /api/offers/:id', path: `/api/offers/${fixture.offerId}`, db: true, page: true },
    { name: 'GET /api/deals/:id', path: `/api/deals/${fixture.dealId}`, ...signedIn },
    {
      name: 'GET /api/search?q=…',
      path: `/api/search?q=${encodeURIComponent(searchQuery)}`,
      db: false,
      page: false,
    },
    {
      name: `GET /api/search (mix of ${searchMix.length} queries)`,
      path: searchMix[0],
      paths: searchMix,
      db: false,
      page: false,
    },
    { name: 'GET /api/offers?limit=20', path: '/api/offers?limit=20', db: true, page: true },
    { name: 'GET /api/offers?mine=true', path: '/api/offers?mine=true', ...signedIn },
    { name: 'GET /api/deals', path: '/api/deals', ...signedIn },
    { name: 'GET /api/notifications', path: '/api/notifications', ...signedIn },
  ];
}

export async function fetchAndCapture(
  url: string,
  init: RequestInit = {},
): Promise<{ res: Response; body: Buffer; captured: CapturedResponse }> {
  const res = await fetch(url, init);
  const body = Buffer.from(await res.arrayBuffer());
  return { res, body, captured: capture(res, body) };
}

/** Captures the exchange's answer to each URL of a read and the bare routes that replay them. */
export async function captureRead(exchangeUrl: string, route: ReadRoute): Promise<BareRoute[]> {
  const routes: BareRoute[] = [];
  for (const url of route.paths ?? [route.path]) {
    const { res, body, captured } = await fetchAndCapture(`${exchangeUrl}${url}`, {
      headers: route.cookie ? { cookie: route.cookie } : {},
    });
    if (!res.ok) throw new Error(`${route.name} answered ${res.status}: ${body.toString().slice(0, 300)}`);
    const [pathname, query] = url.split('?');
    routes.push({ method: 'get', pattern: pathname, query, response: captured });
  }
  return routes;
}

function searchPath(q: SearchQuery): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(q)) if (value !== undefined) params.set(name, String(value));
  return `/api/search?${params.toString()}`;
}

export async function signIn(exchangeUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${exchangeUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`signing in as ${email} answered ${res.status}: ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('tx.sid='));
  if (!cookie) throw new Error(`signing in as ${email} set no session cookie`);
  return cookie.split(';')[0];
}

// ---- writes ---------------------------------------------------------------------------------

export interface HttpWrite {
  name: string;
  /** The bare route's Express pattern. */
  pattern: string;
  /** Expected status. */
  status: number;
  /** The i-th request of writer w; undefined when the writer's records are used up. */
  request(w: number, i: number): { path: string; body: unknown; cookie: string } | undefined;
  /** A one-shot write's records of a writer, each written once (the i-th request takes the i-th). */
  pool?: (writer: Writer) => string[];
}

export function postJson(baseUrl: string, path: string, body: unknown, cookie: string): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(body),
  });
}

function termsBody(i: number) {
  return { price: 450_000_000 + i * 1000, currency: 'VND', exclusivity: false, durationMonths: 24 };
}

/**
 * The HTTP writes. Proposing goes round each writer's deals (a deal holds at most 50 versions, so
 * one deal would soon refuse every proposal). Accepting and confirming are one-shot: each accept
 * takes the writer's next deal whose latest version the seller proposed, each confirm the writer's
 * next pending transfer.
 */
export function httpWrites(fixture: Fixture, operatorCookie: string): HttpWrite[] {
  const { writers } = fixture;
  const dealOf = (w: number, i: number) => writers[w].dealIds[i % writers[w].dealIds.length];
  return [
    {
      name: 'POST /api/offers/:id/bids',
      pattern: '/api/offers/:id/bids',
      status: 201,
      request: (w, i) => ({
        path: `/api/offers/${writers[w].offerId}/bids`,
        body: { amount: 480_000_000 + i, currency: 'VND', transferMode: 'license_non_exclusive', terms: '' },
        cookie: writers[w].cookie,
      }),
    },
    {
      name: 'POST /api/deals/:id/terms',
      pattern: '/api/deals/:id/terms',
      status: 201,
      request: (w, i) => ({
        path: `/api/deals/${dealOf(w, i)}/terms`,
        body: termsBody(i),
        cookie: writers[w].cookie,
      }),
    },
    {
      name: 'POST /api/deals/:id/terms/:v/accept',
      pattern: '/api/deals/:id/terms/:version/accept',
      status: 200,
      pool: (writer) => writer.acceptDealIds,
      request: (w, i) => {
        const dealId = writers[w].acceptDealIds[i];
        if (!dealId) return undefined;
        return { path: `/api/deals/${dealId}/terms/1/accept`, body: {}, cookie: writers[w].cookie };
      },
    },
    {
      name: 'POST /api/admin/payments/:id/confirm',
      pattern: '/api/admin/payments/:id/confirm',
      status: 200,
      pool: (writer) => writer.paymentIds,
      request: (w, i) => {
        const paymentId = writers[w].paymentIds[i];
        if (!paymentId) return undefined;
        return {
          path: `/api/admin/payments/${paymentId}/confirm`,
          body: { note: 'Bench' },
          cookie: operatorCookie,
        };
      },
    },
  ];
}

/**
 * Sends one write in a timed run and resolves to whether it got the expected status. Through
 * node:http on kept-alive connections, not fetch: on two cores the load generator shares the
 * machine with what it measures, and fetch costs it 1–2.5 ms of CPU a request against 0.35–0.8.
 */
export function sendTimedWrite(
  baseUrl: string,
  agent: http.Agent,
  write: HttpWrite,
  w: number,
  i: number,
): Promise<boolean | undefined> {
  const req = write.request(w, i);
  if (!req) return Promise.resolve(undefined);
  const data = JSON.stringify(req.body);
  return new Promise((resolve, reject) => {
    const sent = http.request(
      `${baseUrl}${req.path}`,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(data),
          cookie: req.cookie,
        },
      },
      (res) => {
        res.on('error', reject);
        res.on('end', () => resolve(res.statusCode === write.status));
        res.resume();
      },
    );
    sent.on('error', reject);
    sent.end(data);
  });
}

/** Sends one write; resolves to whether it got the expected status, and the answer. */
export async function sendWrite(
  baseUrl: string,
  write: HttpWrite,
  w: number,
  i: number,
): Promise<{ ok: boolean; res: Response; body: Buffer } | undefined> {
  const req = write.request(w, i);
  if (!req) return undefined;
  const res = await postJson(baseUrl, req.path, req.body, req.cookie);
  const body = Buffer.from(await res.arrayBuffer());
  return { ok: res.status === write.status, res, body };
}

// ---- messages over Socket.IO ------------------------------------------------------------------

export interface MessageWriters {
  send(w: number, i: number): Promise<boolean>;
  /** The last acknowledgement, for the bare server to replay. */
  lastAck(): unknown;
  close(): void;
}

interface Ack {
  ok: boolean;
  error?: unknown;
}

function emitWithAck(socket: Socket, event: string, payload: unknown): Promise<Ack> {
  return new Promise((resolve) => {
    socket.timeout(120_000).emit(event, payload, (err: Error | null, res: Ack) => {
      resolve(err ? { ok: false, error: err.message } : res);
    });
  });
}

function connect(url: string, cookie: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connectSocket(`${url}/deals`, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      extraHeaders: { cookie },
    });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => reject(err));
  });
}

/**
 * One socket per writer, in every room of the writer's deals; message i goes to room i mod rooms
 * (the exchange lets one person send only a few messages a second into one room).
 */
export async function messageWriters(url: string, fixture: Fixture, join: boolean): Promise<MessageWriters> {
  const sockets = await Promise.all(fixture.writers.map((w) => connect(url, w.cookie)));
  if (join) {
    await Promise.all(
      sockets.map(async (socket, w) => {
        for (const dealId of fixture.writers[w].dealIds) {
          const res = await emitWithAck(socket, 'deal:join', { dealId });
          if (!res.ok) throw new Error(`joining deal ${dealId} was refused: ${JSON.stringify(res)}`);
        }
      }),
    );
  }
  let ack: unknown;
  return {
    async send(w, i) {
      const dealIds = fixture.writers[w].dealIds;
      const res = await emitWithAck(sockets[w], 'message:send', {
        dealId: dealIds[i % dealIds.length],
        body: `Tin nhắn đo tải ${w}-${i}: chúng tôi đồng ý với lịch bàn giao.`,
        clientId: `bench-${w}-${i}-${Date.now()}`,
      });
      if (res.ok) ack = res;
      return res.ok;
    },
    lastAck: () => ack,
    close: () => sockets.forEach((s) => s.close()),
  };
}
