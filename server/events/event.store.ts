/**
 * The one writer of events. Events are created by operators and read on every registration and
 * meeting step: kept in a per-process cache by `_id`, replaced by this store's writes (and dropped
 * by other processes' writes through the cache relay).
 */
import mongoose from 'mongoose';
import { createRecordCache } from '../common/record-cache';
import { isObjectId } from '../common/ids';
import { RecordStore, type ModelReads, type MutateOptions, type Plan } from '../common/store';
import { EventModel, type EventDoc } from './event.model';

export type { EventDoc, Period, ProgrammeSession } from './event.model';

export const eventStore = new RecordStore<EventDoc>({
  label: 'Event',
  model: EventModel,
  lockKey: (id) => `event:${id}`,
  recordType: 'event',
});

/** Reads of events for code outside the store (the owner lists' rebuild). */
export const eventReads: ModelReads<typeof EventModel> = EventModel;

export function createEvent(fields: Record<string, unknown>): Promise<EventDoc> {
  return eventStore.create(fields);
}

/** An operator's change of the event (its fields, or its cancellation), under the event's lock. */
export function changeEvent<R>(id: string, plan: Plan<EventDoc, R>, opts: MutateOptions<EventDoc, R> = {}) {
  return eventStore.mutate(id, plan, opts);
}

/** Holds the event's lock while what its change decides on is read (its meetings, its approvals). */
export function holdEvent<T>(id: string, fn: () => Promise<T>): Promise<T> {
  return eventStore.hold(id, fn);
}

/** The event as stored now (for decisions: slot lengths, breaks, tables, dates). */
export function getEvent(id: string): Promise<EventDoc | null> {
  return isObjectId(id) ? eventStore.get(id) : Promise.resolve(null);
}

const events = createRecordCache<EventDoc>({
  name: 'events',
  types: ['event'],
  max: 2_000,
  ttlMs: 300_000,
  fromRecord: (after) => after as unknown as EventDoc,
});

/** The event for reads (its page, the list, the catalogue); null for an unknown id. */
export function cachedEvent(id: string): Promise<EventDoc | null> {
  if (!isObjectId(id)) return Promise.resolve(null);
  return events.get(id, (key) => eventStore.get(key));
}

/** Several events by id, the missing ones read in one `_id` query. */
export async function cachedEvents(ids: string[]): Promise<Map<string, EventDoc>> {
  const wanted = ids.filter((id) => isObjectId(id));
  if (wanted.length === 0) return new Map();
  return events.getMany(wanted, async (missing) => {
    const docs = (await EventModel.find({ _id: mongoose.trusted({ $in: missing }) }).lean()) as EventDoc[];
    return new Map(docs.map((d) => [String(d._id), d]));
  });
}
