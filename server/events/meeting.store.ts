/**
 * The one writer of meetings, and the owner of the locks that keep anyone from being
 * double-booked: a meeting is accepted (scheduled) holding both organizations' agendas at the
 * event and, on site, the event's tables; every change of a meeting holds the meeting itself.
 */
import mongoose from 'mongoose';
import { isObjectId } from '../common/ids';
import { createRecordCache } from '../common/record-cache';
import { RecordStore, holdLocks, type ModelReads, type MutateOptions, type Plan } from '../common/store';
import { MeetingModel, type MeetingDoc } from './meeting.model';
import { eventStore } from './event.store';

export type { MeetingDoc, MeetingOutcomeRecord } from './meeting.model';

export const meetingStore = new RecordStore<MeetingDoc>({
  label: 'Meeting',
  model: MeetingModel,
  lockKey: (id) => `meeting:${id}`,
  recordType: 'meeting',
});

export const meetingReads: ModelReads<typeof MeetingModel> = MeetingModel;

export const agendaLockKey = (eventId: string, orgId: string) => `agenda:${eventId}:${orgId}`;
export const tablesLockKey = (eventId: string) => `event-tables:${eventId}`;
export const pairLockKey = (eventId: string, a: string, b: string) =>
  `meeting-pair:${eventId}:${[a, b].sort().join(':')}`;

export function createMeeting(fields: Record<string, unknown>): Promise<MeetingDoc> {
  return meetingStore.create(fields);
}

export function getMeeting(id: string): Promise<MeetingDoc | null> {
  return isObjectId(id) ? meetingStore.get(id) : Promise.resolve(null);
}

/** Meetings by id as stored now (never from a cache), in one `_id` query: for decisions under the agendas' locks. */
export async function meetingsByIds(ids: string[]): Promise<MeetingDoc[]> {
  const wanted = [...new Set(ids)].filter((id) => isObjectId(id));
  if (wanted.length === 0) return [];
  return (await MeetingModel.find({ _id: mongoose.trusted({ $in: wanted }) }).lean()) as MeetingDoc[];
}

const meetings = createRecordCache<MeetingDoc>({
  name: 'meetings',
  types: ['meeting'],
  max: 20_000,
  ttlMs: 60_000,
  fromRecord: (after) => after as unknown as MeetingDoc,
});

/** Meetings by id for reads (agendas, reports), the missing ones read in one `_id` query. */
export async function cachedMeetings(ids: string[]): Promise<Map<string, MeetingDoc>> {
  const wanted = ids.filter((id) => isObjectId(id));
  if (wanted.length === 0) return new Map();
  return meetings.getMany(wanted, async (missing) => {
    const docs = await meetingsByIds(missing);
    return new Map(docs.map((d) => [String(d._id), d]));
  });
}

export function changeMeeting<R>(
  id: string,
  plan: Plan<MeetingDoc, R>,
  opts: MutateOptions<MeetingDoc, R> = {},
) {
  return meetingStore.mutate(id, plan, opts);
}

/**
 * Holds what accepting a meeting decides on: both organizations' agendas at the event, the event's
 * tables when it has them, and the meeting. Every acceptance of a meeting of either organization
 * (in any process: the locks live in the database or in Redis) waits for this one to end.
 */
export function holdMeetingAcceptance<T>(
  m: Pick<MeetingDoc, '_id' | 'eventId' | 'requesterOrgId' | 'inviteeOrgId'>,
  withTables: boolean,
  fn: () => Promise<T>,
): Promise<T> {
  const keys = [
    // The event itself: an operator's edit or cancellation, which holds it, is never mid-way.
    eventStore.lockKey(m.eventId),
    agendaLockKey(m.eventId, m.requesterOrgId),
    agendaLockKey(m.eventId, m.inviteeOrgId),
    ...(withTables ? [tablesLockKey(m.eventId)] : []),
    meetingStore.lockKey(m._id),
  ];
  return holdLocks(keys, fn);
}

/** Holds a pair of organizations at an event while a meeting between them is asked for (one open meeting per pair). */
export function holdMeetingPair<T>(eventId: string, a: string, b: string, fn: () => Promise<T>): Promise<T> {
  return holdLocks([pairLockKey(eventId, a, b)], fn);
}
