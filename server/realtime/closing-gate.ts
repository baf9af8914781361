/**
 * Once a process starts shutting down, its Socket.IO server takes no new connection. The HTTP
 * server still listens while the process's other work stops, and a client whose transport was
 * closed reconnects within a fraction of a second: without the gate it would join its rooms on
 * this process just before the process stops hearing the other processes' broadcasts, and miss
 * what they announce until it reconnects again. A refused handshake is answered 503, which the
 * proxy (deploy/nginx/nginx.conf, `proxy_next_upstream http_503`) retries on another process.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError, toErrorBody } from '../common/errors';

type EngineMiddleware = (req: IncomingMessage, res: ServerResponse, next: (err?: Error) => void) => void;

export interface ClosingGate {
  /** The engine middleware that refuses requests once `close` was called (register it first). */
  middleware: EngineMiddleware;
  close(): void;
}

export function closingGate(): ClosingGate {
  let closing = false;
  return {
    middleware(req, res, next) {
      if (!closing) return next();
      // A WebSocket upgrade has no response to write: the engine refuses it (400) on an error.
      if (req.headers.upgrade) return next(new Error('shutting down'));
      const body = JSON.stringify(
        toErrorBody(AppError.unavailable('This server is shutting down; connect again')),
      );
      res.writeHead(503, { 'Content-Type': 'application/json', Connection: 'close', 'Retry-After': '1' });
      res.end(body);
    },
    close() {
      closing = true;
    },
  };
}
