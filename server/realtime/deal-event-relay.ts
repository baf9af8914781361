/**
 * Turns the deals service's `deal.event`s into the room's system messages and socket events.
 * It listens to this process's bus, so an event is relayed once, by the process where the
 * change happened; the adapter carries the emission to sockets in other processes.
 */
import type { EventBus, DomainEvents } from '../common/events';
import { logger } from '../common/logger';
import { userNames } from '../deals';
import { postSystemMessage, systemMessageFor, userIdsNamedBy } from '../negotiation';
import type { TermsAcceptedEvent } from '../api-contract/socket-events';
import { announceMessage } from './room-emitter';
import { recheckRoom } from './room-access-recheck';
import { dealRoom } from './rooms';
import type { DealsNamespace } from './socket-types';

type DealEvent = DomainEvents['deal.event'];

function emitDedicatedEvent(nsp: DealsNamespace, { dealId, event, payload }: DealEvent): void {
  const p = (payload ?? {}) as Record<string, unknown>;
  const room = nsp.to(dealRoom(dealId));
  if (event === 'terms:proposed') room.emit('terms:proposed', { dealId, termSheet: p.termSheet });
  if (event === 'terms:accepted')
    room.emit('terms:accepted', { dealId, ...(p as Omit<TermsAcceptedEvent, 'dealId'>) });
  if (event === 'deal:status') {
    room.emit('deal:status', {
      dealId,
      status: String(p.status),
      ...(p.from ? { from: String(p.from) } : {}),
      ...(p.reason ? { reason: String(p.reason) } : {}),
    });
  }
}

function changesWhoMayStay(event: string, payload: Record<string, unknown>): boolean {
  return (
    event === 'broker:removed' ||
    event === 'broker:assigned' ||
    (event === 'deal:status' && payload.status === 'cancelled')
  );
}

async function relay(nsp: DealsNamespace, dealEvent: DealEvent): Promise<void> {
  const { dealId, event } = dealEvent;
  const payload = (dealEvent.payload ?? {}) as Record<string, unknown>;
  emitDedicatedEvent(nsp, dealEvent);
  const names = await userNames(userIdsNamedBy(payload));
  const system = systemMessageFor(event, payload, names);
  if (system) announceMessage(nsp, await postSystemMessage(dealId, system));
  if (changesWhoMayStay(event, payload)) await recheckRoom(nsp, dealId);
}

/** Subscribes; events of one deal are relayed one after another so their messages keep their order. */
export function relayDealEvents(bus: EventBus, nsp: DealsNamespace): () => void {
  const queues = new Map<string, Promise<void>>();
  return bus.subscribe('deal.event', (dealEvent) => {
    const { dealId } = dealEvent;
    const previous = queues.get(dealId) ?? Promise.resolve();
    const next = previous
      .then(() => relay(nsp, dealEvent))
      .catch((err: unknown) =>
        logger.error({ err, dealId, event: dealEvent.event }, 'deal event not relayed to the room'),
      )
      .finally(() => {
        if (queues.get(dealId) === next) queues.delete(dealId);
      });
    queues.set(dealId, next);
  });
}
