/**
 * After a deal's participants change (broker removed or replaced, deal cancelled), every socket
 * in its room — in any process — is checked again; those that lost the right leave the room
 * and are told so with `deal:left`.
 */
import { findDealDoc } from '../deals';
import { currentRoomRole } from '../negotiation';
import { announcePresence } from './presence';
import { allRoomsOf, dealRoom } from './rooms';
import type { DealsNamespace } from './socket-types';

export async function recheckRoom(nsp: DealsNamespace, dealId: string): Promise<number> {
  const [deal, sockets] = await Promise.all([findDealDoc(dealId), nsp.in(dealRoom(dealId)).fetchSockets()]);
  const evicted = sockets.filter((s) => !deal || !s.data.user || currentRoomRole(deal, s.data.user) === null);
  for (const socket of evicted) {
    for (const room of allRoomsOf(dealId)) socket.leave(room);
    socket.emit('deal:left', { dealId, reason: 'access_lost' });
  }
  if (evicted.length > 0) await announcePresence(nsp, dealId);
  return evicted.length;
}
