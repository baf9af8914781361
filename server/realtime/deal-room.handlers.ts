/**
 * The negotiation room's socket events: join (with catch-up), send, typing, read receipts,
 * leave, and presence on every arrival and departure.
 */
import { AppError } from '../common/errors';
import {
  HISTORY_PAGE_SIZE,
  type JoinRequest,
  type RoomRole,
  type SendMessageRequest,
  type ChatMessage,
} from '../api-contract/socket-events';
import {
  assertMayAddress,
  roomRoleFor,
  catchUpMessages,
  listMessages,
  postMessage,
  markRead,
  readMarkersOf,
  dealRefSchema,
  joinSchema,
  readSchema,
  sendMessageSchema,
} from '../negotiation';
import { announcePresence, presenceIn } from './presence';
import { announceMessage } from './room-emitter';
import { allRoomsOf, dealIdsIn, dealRoom, roomsFor } from './rooms';
import { CATCH_UP_LIMIT, refreshUser, roomEventHandler, spend } from './room-handler-kit';
import type { InFlight } from './in-flight';
import type { TokenBuckets } from './token-bucket';
import type { DealsNamespace, DealsSocket } from './socket-types';
import type { EventBus } from '../common/events';
import { logger } from '../common/logger';

export interface RoomHandlerDeps {
  /** Messages a sender may post per deal room. */
  sendLimiter: TokenBuckets;
  /** Room joins per user (each reads the room's history). */
  joinLimiter: TokenBuckets;
  /** Typing signals per user and deal room (each is relayed to the whole room). */
  typingLimiter: TokenBuckets;
  /** Told of each stored message, with who was in the room (notifications for those away). */
  bus?: EventBus;
  /** The events under way, which a shutdown lets finish. */
  inFlight?: InFlight;
}

/** The socket's role in a deal: remembered while it is in the room, else checked afresh. */
async function roleFor(socket: DealsSocket, dealId: string): Promise<RoomRole> {
  const remembered = socket.data.roles[dealId];
  if (remembered && socket.rooms.has(dealRoom(dealId))) return remembered;
  return roomRoleFor(await refreshUser(socket), dealId);
}

export function registerDealRoomHandlers(
  nsp: DealsNamespace,
  socket: DealsSocket,
  deps: RoomHandlerDeps,
): void {
  const handle = roomEventHandler(deps.inFlight);
  socket.on(
    'deal:join',
    handle('deal:join', joinSchema, async ({ dealId, afterSeq }: JoinRequest) => {
      spend(deps.joinLimiter, socket.data.user.id, 'joining rooms');
      const role = await roomRoleFor(await refreshUser(socket), dealId);
      const wanted = roomsFor(dealId, role);
      for (const room of allRoomsOf(dealId)) if (!wanted.includes(room)) await socket.leave(room);
      // In the room before reading history: whatever is stored after this read reaches the socket live.
      await socket.join(wanted);
      socket.data.roles[dealId] = role;
      const page =
        afterSeq === undefined
          ? await listMessages(dealId, role, { limit: HISTORY_PAGE_SIZE })
          : await catchUpMessages(dealId, role, afterSeq, CATCH_UP_LIMIT);
      const [reads, { online, names }] = await Promise.all([
        readMarkersOf(dealId),
        announcePresence(nsp, dealId),
      ]);
      return { role, ...page, online, names, reads };
    }),
  );

  socket.on(
    'deal:leave',
    handle('deal:leave', dealRefSchema, async ({ dealId }: { dealId: string }) => {
      for (const room of allRoomsOf(dealId)) await socket.leave(room);
      delete socket.data.roles[dealId];
      await announcePresence(nsp, dealId);
      return {};
    }),
  );

  socket.on(
    'message:send',
    handle('message:send', sendMessageSchema, async (input: Required<SendMessageRequest>) => {
      const role = await roleFor(socket, input.dealId);
      assertMayAddress(role, input.audience);
      const { id: userId, name } = socket.data.user;
      spend(deps.sendLimiter, `${userId}:${input.dealId}`, 'sending messages');
      const { message, created } = await postMessage(input.dealId, { userId, name, role }, input);
      if (created) {
        announceMessage(nsp, message);
        if (deps.bus) void tellAway(nsp, deps.bus, message);
      }
      return { message };
    }),
  );

  socket.on(
    'typing',
    handle('typing', dealRefSchema, ({ dealId }: { dealId: string }) => {
      if (!socket.rooms.has(dealRoom(dealId))) throw AppError.forbidden('Join the deal room first');
      const { id: userId, name } = socket.data.user;
      spend(deps.typingLimiter, `${userId}:${dealId}`, 'typing');
      socket.to(dealRoom(dealId)).emit('typing', { dealId, userId, name });
      return {};
    }),
  );

  socket.on(
    'message:read',
    handle('message:read', readSchema, async ({ dealId, seq }: { dealId: string; seq: number }) => {
      await roleFor(socket, dealId);
      const userId = socket.data.user.id;
      const stored = await markRead(dealId, userId, seq);
      nsp.to(dealRoom(dealId)).emit('read', { dealId, userId, seq: stored });
      return { seq: stored };
    }),
  );

  socket.on('disconnecting', () => {
    const dealIds = dealIdsIn(socket.rooms);
    socket.once('disconnect', () => {
      for (const dealId of dealIds) void announcePresence(nsp, dealId);
    });
  });
}

/** Publishes the stored message with who was in its room, for the notices of those who were not. */
async function tellAway(nsp: DealsNamespace, bus: EventBus, message: ChatMessage): Promise<void> {
  try {
    const { online } = await presenceIn(nsp, message.dealId);
    bus.publish('deal.message', {
      dealId: message.dealId,
      authorId: message.authorId ?? '',
      authorName: message.authorName ?? '',
      audience: message.audience,
      body: message.body,
      seq: message.seq,
      online,
    });
  } catch (err) {
    logger.warn(
      { err, dealId: message.dealId },
      'who was away from the room is not known; no message notices',
    );
  }
}
