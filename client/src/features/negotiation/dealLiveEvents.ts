/**
 * Deal changes heard in the negotiation room (term sheets proposed or accepted, status changes,
 * delivery milestones moving), for other panels of the deal page: subscribe with
 * `useDealLiveEvents`, or listen to the `deal-live-event` window event (its `detail` is a DealLiveEvent).
 */
import { useEffect, useRef } from 'react';
import type { DealStatusEvent, TermsAcceptedEvent, TermsProposedEvent } from '@contract/socket-events';

export type DealLiveEvent =
  | ({ type: 'terms:proposed' } & TermsProposedEvent)
  | ({ type: 'terms:accepted' } & TermsAcceptedEvent)
  | ({ type: 'deal:status' } & DealStatusEvent)
  /** A delivery milestone moved: heard as the room's system message recording it. */
  | { type: 'milestone:changed'; dealId: string; n: number; status: string; action: string };

export const DEAL_LIVE_EVENT = 'deal-live-event';

const listeners = new Set<(event: DealLiveEvent) => void>();

export function publishDealLiveEvent(event: DealLiveEvent): void {
  for (const listener of listeners) listener(event);
  window.dispatchEvent(new CustomEvent<DealLiveEvent>(DEAL_LIVE_EVENT, { detail: event }));
}

export function subscribeDealLiveEvents(listener: (event: DealLiveEvent) => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Calls `onEvent` for each live change of deal `dealId` while the component is mounted. */
export function useDealLiveEvents(dealId: string, onEvent: (event: DealLiveEvent) => void): void {
  const latest = useRef(onEvent);
  useEffect(() => {
    latest.current = onEvent;
  });
  useEffect(
    () =>
      subscribeDealLiveEvents((event) => {
        if (event.dealId === dealId) latest.current(event);
      }),
    [dealId],
  );
}
