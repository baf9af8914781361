/**
 * People, deals and Socket.IO clients for the negotiation-room tests, against a whole running
 * exchange: members sign in over HTTP and their session cookie opens the socket.
 */
import type { Express } from 'express';
import request from 'supertest';
import { io as connectClient, type Socket } from 'socket.io-client';
import { signUp, signInAdmin, PASSWORD, type Member } from '../helpers/factories';
import { createDealDoc } from '../../server/deals/deal.store';
import type {
  Ack,
  ChatMessage,
  ClientToServerEvents,
  ServerToClientEvents,
} from '../../server/api-contract/socket-events';

export type RoomClient = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface Person extends Member {
  cookie: string;
}

async function cookieOf(baseUrl: string, email: string): Promise<string> {
  const res = await request(baseUrl).post('/api/auth/login').send({ email, password: PASSWORD }).expect(200);
  const setCookie = res.headers['set-cookie'] as unknown as string[];
  return setCookie.map((c) => c.split(';')[0]).join('; ');
}

export async function person(baseUrl: string, opts: Parameters<typeof signUp>[1] = {}): Promise<Person> {
  const member = await signUp(baseUrl as unknown as Express, opts);
  return { ...member, cookie: await cookieOf(baseUrl, member.user.email) };
}

export async function operator(baseUrl: string): Promise<Person> {
  const member = await signInAdmin(baseUrl as unknown as Express);
  return { ...member, cookie: await cookieOf(baseUrl, member.user.email) };
}

/** A deal in negotiation between two organizations, written straight through the deal store. */
export async function dealBetween(
  seller: Member,
  buyer: Member,
  brokerUserId?: string,
  offerId: string = seller.user.id,
): Promise<string> {
  const deal = await createDealDoc({
    listingKind: 'offer',
    offerId,
    listingTitle: 'Công nghệ xử lý nước thải bằng màng sinh học',
    sellerOrgId: seller.orgId,
    buyerOrgId: buyer.orgId,
    ...(brokerUserId ? { brokerUserId } : {}),
    status: 'negotiating',
    createdBy: buyer.user.id,
  });
  return String(deal._id);
}

export function openSocket(
  baseUrl: string,
  cookie?: string,
  opts: { reconnection?: boolean } = {},
): RoomClient {
  return connectClient(`${baseUrl}/deals`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: opts.reconnection ?? false,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    ...(cookie ? { extraHeaders: { cookie } } : {}),
  }) as RoomClient;
}

export function connected(socket: RoomClient): Promise<RoomClient> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve(socket);
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

export async function connect(
  baseUrl: string,
  p: Person,
  opts: { reconnection?: boolean } = {},
): Promise<RoomClient> {
  return connected(openSocket(baseUrl, p.cookie, opts));
}

/** Emits and waits for the acknowledgement. */
export function call<T extends object>(
  socket: RoomClient,
  event: keyof ClientToServerEvents,
  payload: unknown,
): Promise<Ack<T>> {
  return new Promise((resolve) => {
    (socket.emit as (e: string, p: unknown, ack: (r: Ack<T>) => void) => void)(event, payload, resolve);
  });
}

export async function callOk<T extends object>(
  socket: RoomClient,
  event: keyof ClientToServerEvents,
  payload: unknown,
) {
  const res = await call<T>(socket, event, payload);
  if (!res.ok)
    throw new Error(
      `${event} refused: ${res.error.code} ${res.error.message} ${JSON.stringify(res.error.details)}`,
    );
  return res;
}

/** The next `event` the socket receives that satisfies `match`. */
export function next<E extends keyof ServerToClientEvents>(
  socket: RoomClient,
  event: E,
  match: (payload: Parameters<ServerToClientEvents[E]>[0]) => boolean = () => true,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve) => {
    const listener = (payload: Parameters<ServerToClientEvents[E]>[0]) => {
      if (!match(payload)) return;
      (socket.off as (e: string, l: unknown) => void)(event, listener);
      resolve(payload);
    };
    (socket.on as (e: string, l: unknown) => void)(event, listener);
  });
}

/** Every message:new the socket receives from now on. */
export function collectMessages(socket: RoomClient): ChatMessage[] {
  const got: ChatMessage[] = [];
  socket.on('message:new', ({ message }) => got.push(message));
  return got;
}

export function send(socket: RoomClient, dealId: string, body: string, extra: Record<string, unknown> = {}) {
  return callOk<{ message: ChatMessage }>(socket, 'message:send', {
    dealId,
    body,
    clientId: `c-${Math.random().toString(36).slice(2)}`,
    ...extra,
  });
}

/** Sockets opened by a test, closed after it. */
export class SocketPool {
  private readonly sockets: RoomClient[] = [];
  constructor(private readonly baseUrl: () => string) {}

  async connect(p: Person, opts: { reconnection?: boolean } = {}): Promise<RoomClient> {
    const socket = openSocket(this.baseUrl(), p.cookie, opts);
    this.sockets.push(socket);
    return connected(socket);
  }

  open(cookie?: string): RoomClient {
    const socket = openSocket(this.baseUrl(), cookie);
    this.sockets.push(socket);
    return socket;
  }

  closeAll(): void {
    for (const s of this.sockets.splice(0)) s.close();
  }
}
