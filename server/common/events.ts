/**
 * In-process domain events. Services publish what happened; the realtime layer, notifications
 * and search indexing listen. Durable work (indexing, mail) keeps its own record in the database
 * and uses these events only to start promptly.
 */
import { EventEmitter } from 'node:events';

export interface DomainEvents {
  'listing.changed': { kind: 'offer' | 'demand'; id: string };
  'listing.published': { kind: 'offer' | 'demand'; id: string };
  'notification.created': { userId: string; notification: unknown };
  'deal.event': { dealId: string; event: string; payload: unknown };
}

export class EventBus {
  private readonly emitter = new EventEmitter();
  constructor() {
    this.emitter.setMaxListeners(50);
  }
  publish<K extends keyof DomainEvents>(name: K, payload: DomainEvents[K]): void {
    // Listeners run after the current request finishes; their failures never reach the caller.
    setImmediate(() => this.emitter.emit(name, payload));
  }
  subscribe<K extends keyof DomainEvents>(name: K, listener: (payload: DomainEvents[K]) => void): () => void {
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }
}
