/**
 * The Socket.IO server of the exchange, on the same HTTP server and session as the API:
 * namespace `/deals` for negotiation rooms, online meeting rooms and each user's own notifications.
 */
import type http from 'node:http';
import type { RequestHandler } from 'express';
import { Server } from 'socket.io';
import type { EventBus } from '../common/events';
import {
  DEALS_NAMESPACE,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '../api-contract/socket-events';
import { InFlight } from './in-flight';
import { closingGate } from './closing-gate';
import { registerDealRoomHandlers } from './deal-room.handlers';
import { registerMeetingRoomHandlers } from './meeting-room.handlers';
import { relayDealEvents } from './deal-event-relay';
import { relayNotifications } from './notification-relay';
import { connectRedisAdapter, untilListening } from './redis-adapter';
import { sessionRoom, userRoom } from './rooms';
import { relaySessionEnds } from './session-end-relay';
import { requireSignedIn, sameOriginOnly, shareWebSession } from './session-handshake';
import { TokenBuckets } from './token-bucket';
import type { DealsNamespace, InterServerEvents, SocketData } from './socket-types';
import { countSocketsWith } from '../metrics';
import { withRequestId } from '../common/request-context';

export interface RealtimeOptions {
  bus: EventBus;
  /** The web session and passport middlewares, reused on the socket handshake. */
  sessionMiddlewares: RequestHandler[];
  publicUrl: string;
  redisUrl?: string;
  /** Messages a sender may post in one room at once, and how many more per second. */
  sendRate?: { burst: number; perSecond: number };
  /** Rooms a user may join at once, and how many more per second (each join reads the history). */
  joinRate?: { burst: number; perSecond: number };
  /** Typing signals a user may send into one room at once, and how many more per second. */
  typingRate?: { burst: number; perSecond: number };
}

export interface RealtimeServer {
  io: Server;
  deals: DealsNamespace;
  close(): Promise<void>;
}

/** How long a shutdown waits for the socket events under way. */
const SHUTDOWN_DRAIN_MS = 10_000;

export const DEFAULT_SEND_RATE = { burst: 10, perSecond: 2 };
export const DEFAULT_JOIN_RATE = { burst: 20, perSecond: 2 };
export const DEFAULT_TYPING_RATE = { burst: 5, perSecond: 1 };

export async function createRealtimeServer(
  httpServer: http.Server,
  opts: RealtimeOptions,
): Promise<RealtimeServer> {
  const redis = opts.redisUrl ? await connectRedisAdapter(opts.redisUrl) : undefined;
  const io = new Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>(
    httpServer,
    {
      serveClient: false,
      maxHttpBufferSize: 64 * 1024,
      allowRequest: sameOriginOnly(opts.publicUrl),
      ...(redis ? { adapter: redis.adapter } : {}),
    },
  );
  const gate = closingGate();
  io.engine.use(gate.middleware);
  shareWebSession(io as unknown as Server, opts.sessionMiddlewares);
  const deals = io.of(DEALS_NAMESPACE);
  requireSignedIn(deals);
  const rate = opts.sendRate ?? DEFAULT_SEND_RATE;
  const sendLimiter = new TokenBuckets(rate.burst, rate.perSecond);
  const join = opts.joinRate ?? DEFAULT_JOIN_RATE;
  const joinLimiter = new TokenBuckets(join.burst, join.perSecond);
  const typing = opts.typingRate ?? DEFAULT_TYPING_RATE;
  const typingLimiter = new TokenBuckets(typing.burst, typing.perSecond);
  const inFlight = new InFlight();
  deals.on('connection', (socket) => {
    // Each event's logs carry the id of the request that opened the connection (nginx's, or ours).
    const header = socket.request.headers['x-request-id'];
    const requestId =
      typeof header === 'string' && /^[\w-]{8,64}$/.test(header) ? header : `socket-${socket.id}`;
    socket.use((_packet, next) => withRequestId(requestId, next));
    void socket.join(userRoom(socket.data.user.id));
    if (socket.data.sessionId) void socket.join(sessionRoom(socket.data.sessionId));
    registerDealRoomHandlers(deals, socket, {
      sendLimiter,
      joinLimiter,
      typingLimiter,
      bus: opts.bus,
      inFlight,
    });
    registerMeetingRoomHandlers(deals, socket, { sendLimiter, joinLimiter, inFlight });
  });
  const unsubscribe = [
    relayDealEvents(opts.bus, deals),
    relayNotifications(opts.bus, deals),
    relaySessionEnds(opts.bus, deals),
  ];
  if (redis) await untilListening(deals.adapter);
  const uncount = countSocketsWith(() => deals.sockets.size);

  return {
    io: io as unknown as Server,
    deals,
    async close() {
      // Like io.close(), but leaves the HTTP server to its owner (exchange.ts closes it). The
      // transports are closed rather than the sockets disconnected: a client told "server
      // disconnect" would not come back, one whose transport closed reconnects by itself, to
      // another process behind the proxy during a rolling restart (the gate keeps it from
      // coming back here).
      gate.close();
      io.engine.close();
      // Sends under way still store and announce their messages, across processes too.
      await inFlight.settled(SHUTDOWN_DRAIN_MS);
      for (const off of unsubscribe) off();
      uncount();
      for (const nsp of [io.of('/'), deals]) await nsp.adapter.close();
      await redis?.close();
    },
  };
}
