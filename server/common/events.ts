/**
 * In-process domain events. Services publish what happened; the realtime layer, notifications
 * and search indexing listen. Durable work (indexing, mail) keeps its own record in the database
 * and uses these events only to start promptly.
 */
import { EventEmitter } from 'node:events';
import { outsideHeldLocks } from './store';

export interface DomainEvents {
  'listing.changed': { kind: 'offer' | 'demand'; id: string };
  'listing.published': { kind: 'offer' | 'demand'; id: string };
  'notification.created': { userId: string; notification: unknown };
  'deal.event': { dealId: string; event: string; payload: unknown };
  /**
   * A participant's message was stored in a deal's room (realtime layer); `online` are the users
   * in the room when it was sent, who saw it live.
   */
  'deal.message': {
    dealId: string;
    authorId: string;
    authorName: string;
    audience: string;
    body: string;
    seq: number;
    online: string[];
  };
  /**
   * A session was signed out, or a user's role, membership or standing changed: their open
   * sockets carry a stale identity and are disconnected (one session's sockets, or all of the user's).
   */
  'user.sessions_ended': {
    userId: string;
    sessionId?: string;
    reason: 'signed_out' | 'role_changed' | 'membership_changed' | 'suspended' | 'password_changed';
  };
  /** A payment of a fee other than a deal's (an appraisal's) was paid, refunded or failed. */
  'payment.settled': { paymentId: string; appraisalId: string; status: string };
  /** A bid or proposal was placed or changed status (bids component). */
  'bid.changed': {
    bidId: string;
    listingKind: 'offer' | 'demand';
    listingId: string;
    status: string;
    bidderOrgId: string;
    listingOwnerOrgId: string;
    /** The listing's title as the bid recorded it when placed. */
    listingTitle?: string;
  };
  /**
   * An auction or a call for proposals reached its deadline and was closed by the scheduler
   * (exactly once): its owner should be told. `outcome` is the auction's, or 'unsealed' for a call.
   */
  'listing.deadline_closed': {
    kind: 'offer' | 'demand';
    id: string;
    ownerOrgId: string;
    outcome: 'sold' | 'reserve_not_met' | 'no_bids' | 'unsealed';
    dealId?: string;
  };
}

export class EventBus {
  private readonly emitter = new EventEmitter();
  constructor() {
    this.emitter.setMaxListeners(50);
  }
  publish<K extends keyof DomainEvents>(name: K, payload: DomainEvents[K]): void {
    // Listeners run after the current request finishes; their failures never reach the caller,
    // and they hold none of the publisher's locks (they take their own).
    outsideHeldLocks(() => setImmediate(() => this.emitter.emit(name, payload)));
  }
  subscribe<K extends keyof DomainEvents>(name: K, listener: (payload: DomainEvents[K]) => void): () => void {
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }
}
