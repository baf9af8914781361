/**
 * Who is in a deal's room right now, computed from the sockets in it (through the adapter, so
 * it is right across processes), and told to the room.
 */
import { logger } from '../common/logger';
import type { PresenceEvent } from '../api-contract/socket-events';
import { dealRoom } from './rooms';
import type { DealsNamespace } from './socket-types';

/** The sockets in a room, in every process. */
export const socketsIn = (nsp: DealsNamespace, room: string) => nsp.in(room).fetchSockets();

export async function presenceIn(nsp: DealsNamespace, dealId: string): Promise<PresenceEvent> {
  const sockets = await socketsIn(nsp, dealRoom(dealId));
  const names: Record<string, string> = {};
  for (const s of sockets) if (s.data.user) names[s.data.user.id] = s.data.user.name;
  return { dealId, online: Object.keys(names).sort(), names };
}

export async function announcePresence(nsp: DealsNamespace, dealId: string): Promise<PresenceEvent> {
  try {
    const presence = await presenceIn(nsp, dealId);
    nsp.to(dealRoom(dealId)).emit('presence', presence);
    return presence;
  } catch (err) {
    // Another process did not answer in time (Redis down): presence catches up on the next change.
    logger.warn({ err, dealId }, 'presence not computed');
    return { dealId, online: [], names: {} };
  }
}
