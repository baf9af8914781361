/**
 * The one writer of event registrations. A registration's `_id` is derived from its event and
 * organization, so the second registration of an organization for an event clashes on `_id` (and
 * writes nothing), and a participant's registration is read by `_id` alone.
 */
import mongoose from 'mongoose';
import { stableObjectId } from '../common/stable-ids';
import { isObjectId } from '../common/ids';
import { createRecordCache } from '../common/record-cache';
import { RecordStore, holdLocks, type ModelReads, type MutateOptions, type Plan } from '../common/store';
import { EventRegistrationModel, type EventRegistrationDoc } from './event-registration.model';
import { eventStore } from './event.store';
import { agendaLockKey } from './meeting.store';

export type { EventRegistrationDoc, RegisteredListing } from './event-registration.model';

export const registrationStore = new RecordStore<EventRegistrationDoc>({
  label: 'Registration',
  model: EventRegistrationModel,
  lockKey: (id) => `event-registration:${id}`,
  recordType: 'event-registration',
});

export const registrationReads: ModelReads<typeof EventRegistrationModel> = EventRegistrationModel;

/** The `_id` of the organization's registration for the event (whether it exists or not). */
export const registrationIdOf = (eventId: string, orgId: string) =>
  stableObjectId('event-registration', eventId, orgId);

/** Inserts the registration under its derived `_id`; a second one for the same pair throws a duplicate key. */
export function createRegistration(
  eventId: string,
  orgId: string,
  fields: Record<string, unknown>,
): Promise<EventRegistrationDoc> {
  return registrationStore.create({
    ...fields,
    _id: registrationIdOf(eventId, orgId),
    eventId,
    organizationId: orgId,
  });
}

export function getRegistration(id: string): Promise<EventRegistrationDoc | null> {
  return isObjectId(id) ? registrationStore.get(id) : Promise.resolve(null);
}

/** The organization's registration for the event, read by its derived `_id`. */
export function registrationOf(eventId: string, orgId: string): Promise<EventRegistrationDoc | null> {
  return registrationStore.get(registrationIdOf(eventId, orgId));
}

/** Registrations by id, as stored now, in one `_id` query. */
export async function registrationsByIds(ids: string[]): Promise<EventRegistrationDoc[]> {
  const wanted = ids.filter((id) => isObjectId(id));
  if (wanted.length === 0) return [];
  return (await EventRegistrationModel.find({
    _id: mongoose.trusted({ $in: wanted }),
  }).lean()) as EventRegistrationDoc[];
}

export function changeRegistration<R>(
  id: string,
  plan: Plan<EventRegistrationDoc, R>,
  opts: MutateOptions<EventRegistrationDoc, R> = {},
) {
  return registrationStore.mutate(id, plan, opts);
}

/**
 * Holds the event (its capacity: the approved registrations are counted under it) and the
 * registration for an operator's decision.
 */
export function holdRegistrationDecision<T>(eventId: string, registrationId: string, fn: () => Promise<T>) {
  return holdLocks([eventStore.lockKey(eventId), registrationStore.lockKey(registrationId)], fn);
}

/**
 * Holds the event, the registration and the organization's agenda at the event while an approval
 * is revoked and its open meetings end: no meeting of the organization is accepted meanwhile.
 */
export function holdRegistrationEnd<T>(eventId: string, orgId: string, fn: () => Promise<T>) {
  return holdLocks(
    [
      eventStore.lockKey(eventId),
      registrationStore.lockKey(registrationIdOf(eventId, orgId)),
      agendaLockKey(eventId, orgId),
    ],
    fn,
  );
}

/**
 * Holds the registration and the organization's agenda while its availability changes: the
 * meetings it must still cover are read, and none is accepted meanwhile against the old one.
 */
export function holdAvailabilityChange<T>(eventId: string, orgId: string, fn: () => Promise<T>) {
  return holdLocks(
    [registrationStore.lockKey(registrationIdOf(eventId, orgId)), agendaLockKey(eventId, orgId)],
    fn,
  );
}

const registrations = createRecordCache<EventRegistrationDoc>({
  name: 'event-registrations',
  types: ['event-registration'],
  max: 20_000,
  ttlMs: 60_000,
  fromRecord: (after) => after as unknown as EventRegistrationDoc,
});

/** Registrations by id for reads (the catalogue, the lists, the report), the missing ones read in one `_id` query. */
export async function cachedRegistrations(ids: string[]): Promise<Map<string, EventRegistrationDoc>> {
  const wanted = ids.filter((id) => isObjectId(id));
  if (wanted.length === 0) return new Map();
  return registrations.getMany(wanted, async (missing) => {
    const docs = await registrationsByIds(missing);
    return new Map(docs.map((d) => [String(d._id), d]));
  });
}
