/**
 * The domain events of deals (see the deal contracts): every change is published as
 * `deal.event`, which the realtime layer turns into room messages and socket events.
 */
import type { EventBus } from '../common/events';
import type { DealStatus } from '../api-contract/enums';

export interface DealEventPayloads {
  'deal:created': Record<string, never>;
  'terms:proposed': { termSheet: unknown };
  'terms:accepted': { version: number; role: 'seller' | 'buyer'; userId: string; agreed: boolean };
  /** `byUserId`: who took the step (none for the system's own steps). */
  'deal:status': { status: DealStatus; from: DealStatus; reason?: string; byUserId?: string };
  'broker:assigned': { brokerUserId: string };
  'broker:removed': { brokerUserId: string };
  /** A party named a broker the other party has not agreed to yet. */
  'broker:proposed': { brokerUserId: string; role: 'seller' | 'buyer' };
  'nda:accepted': { userId: string };
  'payment:received': { paymentId: string; amount: number; currency: string; payer: string };
  /** A delivery milestone moved (milestone-machine.ts). */
  'milestone:changed': { n: number; title: string; status: string; action: string; byUserId?: string };
}
export type DealEventName = keyof DealEventPayloads;

export function publishDealEvent<E extends DealEventName>(
  bus: EventBus,
  dealId: string,
  event: E,
  payload: DealEventPayloads[E],
): void {
  bus.publish('deal.event', { dealId, event, payload });
}
