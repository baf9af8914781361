/**
 * Keeps the owner lists (and the rooms' message slots) in step with the records: after each
 * store write (record-changes.ts) the record's entries are put in the lists it belongs to,
 * before the writer answers; at
 * start-up, lists built by an older layout (or never built) are rebuilt from the records.
 */
import mongoose from 'mongoose';
import { LRUCache } from 'lru-cache';
import { logger } from '../common/logger';
import { onRecordWritten, type RecordChange } from '../common/record-changes';
import { listingModel } from '../listings';
import { dealReads } from '../deals';
import { notificationReads } from '../notifications';
import { paymentReads } from '../payments';
import { userReads } from '../auth';
import { messageReads, readMarkerReads, putMessageSlot, rebuildMessageSlots } from '../negotiation';
import { eventReads, meetingReads, registrationReads } from '../events';
import {
  putOwnerListEntries,
  clearOwnerLists,
  dropOwnerList,
  holdOwnerListsRebuild,
  readOwnerList,
  replaceOwnerLists,
  type OwnerListEntry,
  dealEventEntries,
  dealListEntries,
  deliveringDealEntries,
  eventListEntries,
  eventRegistrationEntries,
  listingListEntries,
  publishedListingEntries,
  openDeadlineEntries,
  listingRevisionEntries,
  listingReviewEntries,
  meetingListEntries,
  notificationListEntries,
  paymentListEntries,
  readMarkerEntries,
  unsettledDealEntries,
  userListEntries,
} from '../read-models';

type Doc = Record<string, any>;

const sources = {
  offer: {
    model: listingModel('offer'),
    entries: (d: Doc) => [
      ...listingListEntries('offer', d),
      ...publishedListingEntries('offer', d),
      ...openDeadlineEntries('offer', d),
      ...listingRevisionEntries('offer', d),
      ...listingReviewEntries('offer', d),
    ],
  },
  demand: {
    model: listingModel('demand'),
    entries: (d: Doc) => [
      ...listingListEntries('demand', d),
      ...publishedListingEntries('demand', d),
      ...openDeadlineEntries('demand', d),
      ...listingRevisionEntries('demand', d),
      ...listingReviewEntries('demand', d),
    ],
  },
  deal: {
    model: dealReads,
    entries: (d: Doc) => [
      ...dealListEntries(d),
      ...unsettledDealEntries(d),
      ...deliveringDealEntries(d),
      ...dealEventEntries(d),
    ],
  },
  notification: { model: notificationReads, entries: notificationListEntries },
  payment: { model: paymentReads, entries: paymentListEntries },
  user: { model: userReads, entries: userListEntries },
  'read-marker': { model: readMarkerReads, entries: readMarkerEntries },
  event: { model: eventReads, entries: eventListEntries },
  'event-registration': { model: registrationReads, entries: eventRegistrationEntries },
  meeting: { model: meetingReads, entries: meetingListEntries },
} as const;

type ListedType = keyof typeof sources;
const isListed = (type: string): type is ListedType => type in sources;

/**
 * Puts the written record's entries in its lists and takes it out of the lists it left (a user
 * who moved to another organisation); a deleted record leaves them (pages skip what is gone).
 */
export async function followRecordChange(change: RecordChange): Promise<void> {
  if (change.type === 'message') return followMessage(change);
  if (!isListed(change.type)) return;
  const source = sources[change.type];
  const doc =
    change.after === undefined
      ? ((await (source.model as mongoose.Model<any>).findById(change.id).lean()) as Doc | null)
      : change.after;
  if (!doc) return;
  const entries = source.entries(doc);
  const previous = change.before ? source.entries(change.before) : [];
  // A write that leaves the record's entries as they were (the search mark cleared) changes no list.
  if (change.before && sameEntries(previous, entries)) return;
  const keys = new Set(entries.map(([key]) => key));
  const left = previous.filter(([key]) => !keys.has(key));
  const changed = entries.filter(([key, entry]) => !recentlyListed(key, entry));
  await Promise.all([
    ...changed.map(([key, entry]) => putOwnerListEntries(key, [entry])),
    ...left.map(([key, entry]) => putOwnerListEntries(key, [], [entry.id])),
  ]);
  for (const [key, entry] of left) listed.delete(`${key}|${entry.id}`);
  for (const [key, entry] of changed) listed.set(`${key}|${entry.id}`, entry);
}

/** A stored message gets its slot (a message is never changed or deleted by the exchange). */
async function followMessage(change: RecordChange): Promise<void> {
  const doc = (change.after ?? (await messageReads.findById(change.id).lean())) as Doc | null;
  if (doc) await putMessageSlot(doc as Parameters<typeof putMessageSlot>[0]);
}

/**
 * What this process last put in each list: a write that changes neither a record's status nor,
 * by more than a minute, its place in the order (a message, a term sheet) leaves the lists alone.
 */
const listed = new LRUCache<string, OwnerListEntry>({ max: 50_000 });
const REORDER_AFTER_MS = 60_000;

function recentlyListed(key: string, entry: OwnerListEntry): boolean {
  const last = listed.get(`${key}|${entry.id}`);
  return !!last && last.s === entry.s && Math.abs(entry.at - last.at) < REORDER_AFTER_MS;
}

let following = false;

/** Registers the hook once per process. */
export function followRecordChanges(): void {
  if (following) return;
  following = true;
  onRecordWritten(async (change) => {
    try {
      await followRecordChange(change);
    } catch (err) {
      logger.error({ err, type: change.type, id: change.id }, 'owner list not updated');
    }
  }, 'owner-lists');
}

/** Raise when the keys or entries change: lists of an older layout are rebuilt at start-up. */
export const OWNER_LISTS_LAYOUT = 13;
const LAYOUT_KEY = '__layout';

/** Rebuilds the lists unless they are of the current layout; one process at a time. */
export async function ensureOwnerLists(): Promise<boolean> {
  const current = async () => (await readOwnerList(LAYOUT_KEY))[0]?.at === OWNER_LISTS_LAYOUT;
  if (await current()) return false;
  return holdOwnerListsRebuild(async () => {
    if (await current()) return false;
    await rebuildOwnerLists();
    return true;
  });
}

/**
 * For code that writes records past the stores (the demo loader): the lists no longer match
 * the records, so the next `ensureOwnerLists` (at the latest, the next start) rebuilds them.
 */
export async function markOwnerListsStale(): Promise<void> {
  await dropOwnerList(LAYOUT_KEY);
}

/** Reads every listed record once (a projection) and writes each list whole. */
export async function rebuildOwnerLists(): Promise<void> {
  const started = Date.now();
  listed.clear();
  await clearOwnerLists();
  const lists = new Map<string, OwnerListEntry[]>();
  const projection = {
    organizationId: 1,
    status: 1,
    updatedAt: 1,
    createdAt: 1,
    sellerOrgId: 1,
    buyerOrgId: 1,
    brokerUserId: 1,
    brokerProposal: 1,
    userId: 1,
    dealId: 1,
    readAt: 1,
    groupKey: 1,
    membershipStatus: 1,
    latestVersion: 1,
    termSheets: 1,
    delivery: 1,
    revision: 1,
    submittedAt: 1,
    publishedAt: 1,
    'pricing.model': 1,
    'pricing.closesAt': 1,
    'auction.closedAt': 1,
    mode: 1,
    deadline: 1,
    callClosedAt: 1,
    email: 1,
    source: 1,
    startsAt: 1,
    eventId: 1,
    requesterOrgId: 1,
    inviteeOrgId: 1,
  };
  let records = 0;
  for (const source of Object.values(sources)) {
    const cursor = (source.model as mongoose.Model<any>).find({}, projection).lean().cursor();
    for await (const doc of cursor) {
      records++;
      for (const [key, entry] of source.entries(doc as Doc)) {
        const list = lists.get(key) ?? [];
        list.push(entry);
        lists.set(key, list);
      }
    }
  }
  await replaceOwnerLists(lists);
  const messages = await rebuildMessageSlots(
    messageReads
      .find({}, { dealId: 1, seq: 1, audience: 1, authorId: 1 })
      .lean()
      .cursor() as AsyncIterable<never>,
  );
  await putOwnerListEntries(LAYOUT_KEY, [{ id: 'layout', s: 'built', at: OWNER_LISTS_LAYOUT }]);
  logger.info({ records, lists: lists.size, messages, ms: Date.now() - started }, 'owner lists rebuilt');
}

function sameEntries(a: [string, OwnerListEntry][], b: [string, OwnerListEntry][]): boolean {
  return (
    a.length === b.length &&
    a.every(
      ([key, e], i) => key === b[i][0] && e.id === b[i][1].id && e.s === b[i][1].s && e.at === b[i][1].at,
    )
  );
}
