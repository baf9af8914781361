/**
 * The baseline: a bare Express app (and a bare Socket.IO namespace) that answers each route with
 * the bytes the exchange answered to it, captured once: same status, headers and body, no
 * database, no session. Write routes parse the JSON body as the exchange does. Runs as a child
 * process of the bench so that it does not share a CPU with the load generator's event loop.
 */
import { fork } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Server } from 'socket.io';

export interface CapturedResponse {
  status: number;
  headers: Record<string, string | string[]>;
  /** base64 */
  body: string;
}

export interface BareRoute {
  method: 'get' | 'post';
  /** An Express path pattern, e.g. /api/deals/:id/terms */
  pattern: string;
  /** The exact query string (without ?) this answer is for, when several share a path. */
  query?: string;
  response: CapturedResponse;
}

export interface BareSetup {
  routes: BareRoute[];
}

/** Headers the HTTP server sets itself for each answer. */
const OWN_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);

export function capture(res: Response, body: Buffer): CapturedResponse {
  const headers: Record<string, string | string[]> = {};
  res.headers.forEach((value, name) => {
    if (!OWN_HEADERS.has(name) && name !== 'set-cookie') headers[name] = value;
  });
  const cookies = res.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  return { status: res.status, headers, body: body.toString('base64') };
}

/** What the exchange acknowledged to a `message:send` on the /deals namespace (set later, over IPC). */
let messageAck: unknown = { ok: true };

function createBareApp(setup: BareSetup): http.Server {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  const byPattern = new Map<string, BareRoute[]>();
  for (const route of setup.routes) {
    const key = `${route.method} ${route.pattern}`;
    byPattern.set(key, [...(byPattern.get(key) ?? []), route]);
  }
  for (const [key, routes] of byPattern) {
    const [method, pattern] = key.split(' ') as ['get' | 'post', string];
    const answers = routes.map((r) => ({
      query: r.query,
      status: r.response.status,
      headers: r.response.headers,
      body: Buffer.from(r.response.body, 'base64'),
    }));
    const handlers: express.RequestHandler[] = method === 'post' ? [express.json({ limit: '1mb' })] : [];
    handlers.push((req, res) => {
      const query = req.originalUrl.split('?')[1];
      const answer = answers.find((a) => a.query === query) ?? answers[0];
      res.status(answer.status).set(answer.headers).end(answer.body);
    });
    app[method](pattern, ...handlers);
  }
  const server = http.createServer(app);
  const io = new Server(server, { serveClient: false });
  io.of('/deals').on('connection', (socket) => {
    socket.on('message:send', (_req: unknown, ack: (r: unknown) => void) => ack(messageAck));
  });
  return server;
}

export interface BareChild {
  url: string;
  /** The bare server's process, for its CPU per answer. */
  pid: number | undefined;
  /** Sets the acknowledgement the bare Socket.IO answers each message with. */
  setMessageAck(ack: unknown): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the bare server in a child process. */
export function startBareChild(setup: BareSetup): Promise<BareChild> {
  const child = fork(__filename, ['--serve'], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const onExit = () => child.kill('SIGKILL');
  process.once('exit', onExit);
  const stop = () =>
    new Promise<void>((resolve) => {
      process.off('exit', onExit);
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the bare server exited (${code})`)));
    const setMessageAck = (ack: unknown) =>
      new Promise<void>((done) => {
        child.once('message', () => done());
        child.send({ messageAck: ack });
      });
    child.once('message', (m: { url: string }) =>
      resolve({ url: m.url, pid: child.pid, setMessageAck, stop }),
    );
    child.send(setup);
  });
}

if (process.argv.includes('--serve')) {
  process.once('message', (setup: BareSetup) => {
    const server = createBareApp(setup);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      process.send?.({ url: `http://127.0.0.1:${port}` });
    });
    process.on('message', (m: { messageAck: unknown }) => {
      messageAck = m.messageAck;
      process.send?.({ set: true });
    });
  });
  process.once('SIGTERM', () => process.exit(0));
  process.once('disconnect', () => process.exit(0));
}
