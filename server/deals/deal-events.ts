/**
 * The domain events of deals (see the deal contracts): every change is published as
 * `deal.event`, which the realtime layer turns into room messages and socket events.
 */
import type { EventBus } from '../common/events';
import type { DealState } from './deal-machine';

export interface DealEventPayloads {
  'deal:created': Record<string, never>;
  'terms:proposed': { termSheet: unknown };
  'terms:accepted': { version: number; role: 'seller' | 'buyer'; userId: string; agreed: boolean };
  /** `byUserId`: who took the step (none for the system's own steps). */
  'deal:status': { status: DealState; from: DealState; reason?: string; byUserId?: string };
  'broker:assigned': { brokerUserId: string };
  'broker:removed': { brokerUserId: string };
  'nda:accepted': { userId: string };
  'payment:received': { paymentId: string; amount: number; currency: string; payer: string };
}
export type DealEventName = keyof DealEventPayloads;

let defaultBus: EventBus | undefined;

/**
 * The bus used when a caller (the payments service calling transitionDeal) passes none: the
 * bus of the exchange whose routes were registered last, which in a server process is its only one.
 */
export function setDefaultDealBus(bus: EventBus): void {
  defaultBus = bus;
}

export function publishDealEvent<E extends DealEventName>(
  bus: EventBus | undefined,
  dealId: string,
  event: E,
  payload: DealEventPayloads[E],
): void {
  (bus ?? defaultBus)?.publish('deal.event', { dealId, event, payload });
}
