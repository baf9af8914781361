/**
 * A background worker that listens on the event bus: each event it subscribes to starts some
 * async work, whose failure is handed to that subscription's `failed` (the work is never left
 * rejected), and stopping it unsubscribes and waits for the work still in flight.
 */
import type { DomainEvents, EventBus } from './events';

/** What one event starts (`run`), and what is done when that work fails (`failed`: log it). */
export interface BusSubscription<K extends keyof DomainEvents> {
  run(payload: DomainEvents[K]): Promise<unknown>;
  failed(err: unknown, payload: DomainEvents[K]): void;
}

/** The events listened to, each with its subscription; subscribed in the order written. */
export type BusSubscriptions = { [K in keyof DomainEvents]?: BusSubscription<K> };

export interface BusListener {
  name: string;
  /** Tracks work started outside a subscription (a timer's), so that `stop` waits for it too. */
  track(work: Promise<unknown>, failed: (err: unknown) => void): void;
  /** Unsubscribes, then waits for the work in flight. */
  stop(): Promise<void>;
}

export function startBusListener(name: string, bus: EventBus, subscriptions: BusSubscriptions): BusListener {
  const inFlight = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>, failed: (err: unknown) => void) => {
    const tracked = work.catch(failed);
    inFlight.add(tracked);
    void tracked.finally(() => inFlight.delete(tracked));
  };
  const listen = <K extends keyof DomainEvents>(event: K, subscription: BusSubscription<K>) =>
    bus.subscribe(event, (payload) =>
      track(subscription.run(payload), (err) => subscription.failed(err, payload)),
    );
  const unsubscribe = (Object.keys(subscriptions) as (keyof DomainEvents)[]).map((event) =>
    listen(event, subscriptions[event]!),
  );
  return {
    name,
    track,
    async stop() {
      for (const off of unsubscribe) off();
      await Promise.all(inFlight);
    },
  };
}
