/** Which owner lists a record belongs to, and its entry there: pure rules, one per record type. */
import type { OwnerListEntry } from './owner-list.model';

type Doc = Record<string, any>;
const ms = (d: unknown) => (d ? new Date(d as string).getTime() : 0);

export const listingListKey = (kind: 'offer' | 'demand', orgId: string) => `${kind}:org:${orgId}`;
export const dealOrgListKey = (orgId: string) => `deal:org:${orgId}`;
export const dealBrokerListKey = (userId: string) => `deal:user:${userId}`;
/** Deals on which a party proposed this broker and the other party has not yet agreed. */
export const dealProposalListKey = (userId: string) => `deal:proposed:${userId}`;
export const notificationListKey = (userId: string) => `notification:user:${userId}`;
export const paymentDealListKey = (dealId: string) => `payment:deal:${dealId}`;
export const paymentAppraisalListKey = (appraisalId: string) => `payment:appraisal:${appraisalId}`;
/** The bid deposits paid (or being paid) on an auction or a call for proposals (by the listing's id). */
export const paymentDepositListKey = (listingId: string) => `payment:deposit:${listingId}`;
/** The listing fee payments of an offer or a demand. */
export const paymentListingListKey = (listingId: string) => `payment:listing:${listingId}`;
export const organizationMembersKey = (orgId: string) => `user:org:${orgId}`;
export const notificationGroupKey = (groupKey: string) => `notification:group:${groupKey}`;

export function listingListEntries(kind: 'offer' | 'demand', doc: Doc): [string, OwnerListEntry][] {
  if (!doc.organizationId) return [];
  const entry = { id: String(doc._id), s: String(doc.status), at: ms(doc.updatedAt ?? doc.createdAt) };
  return [[listingListKey(kind, String(doc.organizationId)), entry]];
}

/**
 * Published listings by the time they were published, newest first (one list for both kinds, the
 * entry's status is the kind): the publication catch-up reads the last hour's from it instead of
 * having the database filter every listing each minute.
 */
export const PUBLISHED_LISTINGS = 'listing:published';

export function publishedListingEntries(kind: 'offer' | 'demand', doc: Doc): [string, OwnerListEntry][] {
  if (doc.status !== 'published' || !doc.publishedAt) return [];
  return [[PUBLISHED_LISTINGS, { id: String(doc._id), s: kind, at: ms(doc.publishedAt) }]];
}

/**
 * Published auctions and calls for proposals still open, for the deadline sweep: the entry's
 * status is the kind, its time *minus* the deadline (`listingDeadlineAt` reads it back), so a full
 * list keeps the earliest deadlines. An auction leaves it once closed, a call once its proposals
 * unseal, either once no longer published.
 */
export const OPEN_DEADLINES = 'listing:deadlines';

/** A published auction's close or call's deadline (milliseconds) while it is still open; otherwise undefined. */
export function openDeadlineAt(kind: 'offer' | 'demand', doc: Doc): number | undefined {
  if (doc.status !== 'published') return undefined;
  const deadline =
    kind === 'offer'
      ? doc.pricing?.model === 'auction' && !doc.auction?.closedAt && doc.pricing?.closesAt
      : doc.mode === 'call_for_proposals' && !doc.callClosedAt && doc.deadline;
  return deadline ? ms(deadline) : undefined;
}

export function openDeadlineEntries(kind: 'offer' | 'demand', doc: Doc): [string, OwnerListEntry][] {
  const deadline = openDeadlineAt(kind, doc);
  return deadline === undefined ? [] : [[OPEN_DEADLINES, { id: String(doc._id), s: kind, at: -deadline }]];
}

/** The deadline (milliseconds) a `listing:deadlines` entry holds. */
export const listingDeadlineAt = (entry: OwnerListEntry) => -entry.at;

/**
 * Published listings with a pending revision, for the operators' review queue: one list for both
 * kinds (the entry's status is the kind), ordered by the revision's submission.
 */
export const LISTING_REVISIONS = 'listing:revisions';

export function listingRevisionEntries(kind: 'offer' | 'demand', doc: Doc): [string, OwnerListEntry][] {
  if (!doc.revision || doc.status !== 'published') return [];
  return [[LISTING_REVISIONS, { id: String(doc._id), s: kind, at: ms(doc.revision.submittedAt) }]];
}

/**
 * Offers and demands awaiting review, for the operators' review queue: one list for both kinds
 * (the entry's status is the kind), ordered by submission.
 */
export const LISTINGS_AWAITING_REVIEW = 'listing:awaiting-review';

export function listingReviewEntries(kind: 'offer' | 'demand', doc: Doc): [string, OwnerListEntry][] {
  if (doc.status !== 'pending_review') return [];
  return [
    [LISTINGS_AWAITING_REVIEW, { id: String(doc._id), s: kind, at: ms(doc.submittedAt ?? doc.updatedAt) }],
  ];
}

export function dealListEntries(doc: Doc): [string, OwnerListEntry][] {
  const entry = { id: String(doc._id), s: String(doc.status), at: ms(doc.updatedAt ?? doc.createdAt) };
  const keys = [doc.sellerOrgId, doc.buyerOrgId].filter(Boolean).map((org) => dealOrgListKey(String(org)));
  if (doc.brokerUserId) keys.push(dealBrokerListKey(String(doc.brokerUserId)));
  // Written where the proposal is (the deal store); a seated or withdrawn proposal leaves the list.
  if (doc.brokerProposal?.userId) keys.push(dealProposalListKey(String(doc.brokerProposal.userId)));
  return [...new Set(keys)].map((key) => [key, entry]);
}

/** A notification is in its user's list and, when grouped, in its group's (to find the group's unread one). */
export function notificationListEntries(doc: Doc): [string, OwnerListEntry][] {
  if (!doc.userId) return [];
  const entry = {
    id: String(doc._id),
    s: doc.readAt ? 'read' : 'unread',
    at: ms(doc.bumpedAt ?? doc.createdAt),
  };
  const lists: [string, OwnerListEntry][] = [[notificationListKey(String(doc.userId)), entry]];
  if (doc.groupKey) lists.push([notificationGroupKey(String(doc.groupKey)), entry]);
  return lists;
}

/** The list that names the user with this (lower-cased) email: sign-in reads it by `_id`. */
export const userEmailKey = (email: string) => `user:email:${email}`;

/**
 * A user is in the member list of their organisation, with their membership status, and is the
 * one entry of their email's list.
 */
export function userListEntries(doc: Doc): [string, OwnerListEntry][] {
  const lists: [string, OwnerListEntry][] = [];
  if (doc.email) lists.push([userEmailKey(String(doc.email)), { id: String(doc._id), s: 'user', at: 0 }]);
  if (doc.organizationId) {
    const entry = { id: String(doc._id), s: String(doc.membershipStatus ?? 'none'), at: ms(doc.createdAt) };
    lists.push([organizationMembersKey(String(doc.organizationId)), entry]);
  }
  return lists;
}

/** Who has a read marker in a deal's room: their markers are then read by their stable `_id`. */
export const readMarkerListKey = (dealId: string) => `read-marker:deal:${dealId}`;

export function readMarkerEntries(doc: Doc): [string, OwnerListEntry][] {
  if (!doc.dealId || !doc.userId) return [];
  return [[readMarkerListKey(String(doc.dealId)), { id: String(doc.userId), s: 'marker', at: 0 }]];
}

export function paymentListEntries(doc: Doc): [string, OwnerListEntry][] {
  const entry = { id: String(doc._id), s: String(doc.status), at: ms(doc.updatedAt ?? doc.createdAt) };
  if (doc.appraisalId) return [[paymentAppraisalListKey(String(doc.appraisalId)), entry]];
  if (doc.offerId) return [[paymentDepositListKey(String(doc.offerId)), entry]];
  if (doc.demandId) return [[paymentDepositListKey(String(doc.demandId)), entry]];
  if (doc.listingId) return [[paymentListingListKey(String(doc.listingId)), entry]];
  if (!doc.dealId) return [];
  return [[paymentDealListKey(String(doc.dealId)), entry]];
}

/**
 * Deals a flow may have left half done, for the sweeper (server/deal-upkeep/deal-sweep.ts): agreed
 * or awaiting payment, negotiating with both parties' acceptance of the latest version, or ended
 * (cancelled, lost) with payments still to close. The sweeper takes out the ones it finds settled.
 */
export const UNSETTLED_DEALS = 'deal:unsettled';

export function unsettledDealEntries(doc: Doc): [string, OwnerListEntry][] {
  const status = String(doc.status);
  const latest = (doc.termSheets ?? [])[Number(doc.latestVersion ?? 0) - 1];
  const roles = ((latest?.acceptedBy ?? []) as { role?: string }[]).map((a) => a.role);
  const bothAccepted = roles.includes('seller') && roles.includes('buyer');
  // A delivering deal whose every milestone is answered owes only its settlement: the sweeper checks it.
  const delivered =
    status === 'delivering' &&
    ((doc.delivery ?? []) as { status?: string }[]).every(
      (m) => m.status === 'accepted' || m.status === 'cancelled',
    );
  const unsettled =
    ['agreed', 'awaiting_payment', 'cancelled', 'closed_lost'].includes(status) ||
    (status === 'negotiating' && bothAccepted) ||
    delivered;
  if (!unsettled) return [];
  return [[UNSETTLED_DEALS, { id: String(doc._id), s: status, at: ms(doc.updatedAt ?? doc.createdAt) }]];
}

/**
 * Deals delivering their plan with a milestone still open that has a due date, for the operators'
 * list of overdue milestones (one list: a deal enters it when it starts delivering and leaves when
 * it closes or its last dated milestone is settled). The entry's time is *minus* the earliest due
 * date of those milestones (`deliveringDueAt` reads it back): a list keeps its highest times, so a
 * full list would drop the deals due last, never the overdue ones. A deal's entry changes only when
 * one of its milestones is settled.
 */
export const DELIVERING_DEALS = 'deal:delivering';

export function deliveringDealEntries(doc: Doc): [string, OwnerListEntry][] {
  if (doc.status !== 'delivering') return [];
  const open = ((doc.delivery ?? []) as Doc[])
    .filter((m) => m?.dueDate && m.status !== 'accepted' && m.status !== 'cancelled')
    .map((m) => ms(m.dueDate));
  if (open.length === 0) return [];
  return [[DELIVERING_DEALS, { id: String(doc._id), s: 'delivering', at: -Math.min(...open) }]];
}

/** The earliest open due date (milliseconds) a `deal:delivering` entry holds. */
export const deliveringDueAt = (entry: OwnerListEntry) => -entry.at;

/**
 * Technology fairs and brokerage events (server/events): every event (`event:all`, its time the
 * event's start, for the public list), an event's registrations, an event's meetings, and one
 * organization's meetings at one event (its agenda, re-read under the agenda's lock when a meeting
 * is accepted). Deals opened from an event's meetings are in `deal:event:<eventId>`.
 */
export const EVENTS = 'event:all';
export const eventRegistrationListKey = (eventId: string) => `event-registration:event:${eventId}`;
export const meetingEventListKey = (eventId: string) => `meeting:event:${eventId}`;
export const meetingOrgListKey = (eventId: string, orgId: string) => `meeting:event:${eventId}:org:${orgId}`;
export const dealEventListKey = (eventId: string) => `deal:event:${eventId}`;

export function eventListEntries(doc: Doc): [string, OwnerListEntry][] {
  if (!doc.startsAt) return [];
  return [[EVENTS, { id: String(doc._id), s: 'event', at: ms(doc.startsAt) }]];
}

export function eventRegistrationEntries(doc: Doc): [string, OwnerListEntry][] {
  if (!doc.eventId) return [];
  const entry = { id: String(doc._id), s: String(doc.status), at: ms(doc.createdAt) };
  return [[eventRegistrationListKey(String(doc.eventId)), entry]];
}

export function meetingListEntries(doc: Doc): [string, OwnerListEntry][] {
  if (!doc.eventId) return [];
  const eventId = String(doc.eventId);
  const entry = { id: String(doc._id), s: String(doc.status), at: ms(doc.createdAt) };
  const orgs = [...new Set([doc.requesterOrgId, doc.inviteeOrgId].filter(Boolean).map(String))];
  return [
    [meetingEventListKey(eventId), entry],
    ...orgs.map((org): [string, OwnerListEntry] => [meetingOrgListKey(eventId, org), entry]),
  ];
}

/** A deal opened from a meeting at an event is in that event's list (the event's report reads it). */
export function dealEventEntries(doc: Doc): [string, OwnerListEntry][] {
  if (doc.source?.kind !== 'event' || !doc.source.eventId) return [];
  const entry = { id: String(doc._id), s: String(doc.status), at: ms(doc.createdAt) };
  return [[dealEventListKey(String(doc.source.eventId)), entry]];
}
