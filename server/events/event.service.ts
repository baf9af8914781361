/**
 * Events and their registrations: operators create an event; a verified organization registers
 * once per event as an exhibitor (with its own published listings) or a visitor, stating when it
 * is free for meetings; operators approve (within the capacity) or reject. The public list, an
 * event's page and its catalogue of approved exhibitors (searchable through the search engine).
 * Reads go through the owner lists and `_id` lookups; each write is load → pure plan → store.
 */
import type { AppContext } from '../context';
import type { EventRole, ListingKind } from '../api-contract/enums';
import { AppError, type ErrorDetail } from '../common/errors';
import { isDuplicateKeyError } from '../common/duplicate-key';
import { logger } from '../common/logger';
import { actingOrganizationId, type SessionUser } from '../common/session-user';
import { recordAudit } from '../audit';
import { cachedListingRef, type ListingRef } from '../listings';
import { organizationNames } from '../deals';
import {
  EVENTS,
  eventRegistrationListKey,
  MAX_ENTRIES,
  putOwnerListEntries,
  readOwnerList,
  readStoredOwnerList,
} from '../read-models';
import type { SearchEngine } from '../../search';
import { cachedEvent, cachedEvents, createEvent, getEvent, type EventDoc } from './event.store';
import {
  cachedRegistrations,
  changeRegistration,
  createRegistration,
  getRegistration,
  holdRegistrationDecision,
  registrationOf,
  registrationsByIds,
  type EventRegistrationDoc,
  type RegisteredListing,
} from './event-registration.store';
import {
  assertEventActive,
  assertRegistrationOpen,
  availabilityProblems,
  eventTimeProblems,
  planRegistrationDecision,
  type Period,
  type RegistrationDecision,
} from './event-rules';
import { eventView, registrationView } from './event.view';
import { notifyRegistrationDecided } from './event-notices';

type Ctx = Pick<AppContext, 'bus' | 'config'>;

/** A list keeps at most MAX_ENTRIES ids: an event takes this many registrations (or meetings), leaving room. */
export const MAX_PER_EVENT = MAX_ENTRIES - 500;

/** An event as an operator creates it: the stored fields but those the exchange sets, the description optional. */
export type EventInput = Omit<EventDoc, '_id' | 'createdBy' | 'createdAt' | 'updatedAt' | 'description'> & {
  description?: string;
};

export interface RegistrationInput {
  role: EventRole;
  listingIds?: string[];
  pitch?: string;
  lookingFor?: string;
  availability: Period[];
}

export async function loadEvent(id: string): Promise<EventDoc> {
  const event = await cachedEvent(id);
  if (!event) throw AppError.notFound('Event');
  return event;
}

const byStart = (a: Period, b: Period) => a.from.getTime() - b.from.getTime();

export async function createEventRecord(admin: SessionUser, input: EventInput) {
  const problems = eventTimeProblems(input);
  if (problems.length) throw AppError.validation(problems);
  const created = await createEvent({
    ...input,
    description: input.description ?? '',
    breaks: [...input.breaks].sort(byStart),
    createdBy: admin.id,
  });
  await recordAudit({
    actorId: admin.id,
    action: 'event.created',
    targetType: 'event',
    targetId: String(created._id),
    data: { title: created.title, startsAt: created.startsAt, endsAt: created.endsAt },
  });
  return eventView(created, new Date());
}

export async function readEvent(id: string) {
  return eventView(await loadEvent(id), new Date());
}

/** Upcoming and running events first (soonest first), then ended ones (latest first). */
export async function listEvents(query: { phase?: string; page: number; limit: number }) {
  const now = new Date();
  const ids = (await readOwnerList(EVENTS)).map((e) => e.id);
  const views = [...(await cachedEvents(ids)).values()]
    .map((e) => eventView(e, now))
    .filter((v) => !query.phase || v.phase === query.phase);
  const ended = (v: { phase: string }) => v.phase === 'ended';
  views.sort((a, b) => {
    if (ended(a) !== ended(b)) return ended(a) ? 1 : -1;
    const order = a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : 0;
    return ended(a) ? -order : order;
  });
  const start = (query.page - 1) * query.limit;
  return {
    events: views.slice(start, start + query.limit),
    total: views.length,
    page: query.page,
    limit: query.limit,
  };
}

async function presentRegistration(r: EventRegistrationDoc) {
  const names = await organizationNames([r.organizationId]);
  return registrationView(r, names.get(r.organizationId) ?? '');
}

/** The listing an organization names: an offer or a demand of its own, published. */
async function ownPublishedListing(id: string, orgId: string): Promise<ListingRef | null> {
  const ref = (await cachedListingRef('offer', id)) ?? (await cachedListingRef('demand', id));
  return ref && ref.ownerOrgId === orgId && ref.status === 'published' ? ref : null;
}

export async function register(user: SessionUser, eventId: string, input: RegistrationInput) {
  const orgId = actingOrganizationId(user);
  if (!orgId) throw AppError.forbidden('Only an active member of an organization may register it');
  const event = await getEvent(eventId);
  if (!event) throw AppError.notFound('Event');
  assertRegistrationOpen(event, new Date());
  const problems: ErrorDetail[] = availabilityProblems(event, input.availability);
  const listings: RegisteredListing[] = [];
  for (const id of input.listingIds ?? []) {
    const ref = await ownPublishedListing(id, orgId);
    if (ref) listings.push({ kind: ref.kind, id: ref.id, title: ref.title });
    else
      problems.push({
        field: 'listingIds',
        message: `${id} is not a published listing of your organization`,
        value: id,
      });
  }
  if (problems.length) throw AppError.validation(problems);
  if (await registrationOf(eventId, orgId)) throw alreadyRegistered();
  if ((await readOwnerList(eventRegistrationListKey(eventId))).length >= MAX_PER_EVENT)
    throw AppError.conflict('This event takes no more registrations.');
  let created: EventRegistrationDoc;
  try {
    created = await createRegistration(eventId, orgId, {
      role: input.role,
      listings,
      pitch: input.pitch ?? '',
      lookingFor: input.lookingFor ?? '',
      availability: [...input.availability].sort(byStart),
      status: 'pending',
      createdBy: user.id,
    });
  } catch (err) {
    if (isDuplicateKeyError(err)) throw alreadyRegistered();
    throw err;
  }
  await recordAudit({
    actorId: user.id,
    action: 'event.registered',
    targetType: 'event',
    targetId: eventId,
    data: { registrationId: String(created._id), role: input.role, listings: listings.length },
  });
  return presentRegistration(created);
}

const alreadyRegistered = () => AppError.conflict('Your organization has already registered for this event.');

export async function myRegistration(user: SessionUser, eventId: string) {
  const orgId = actingOrganizationId(user);
  if (!orgId) throw AppError.forbidden('Only an active member of an organization has a registration');
  await loadEvent(eventId);
  const found = await registrationOf(eventId, orgId);
  return found ? presentRegistration(found) : null;
}

/** Every registration of the event for operators, newest first. */
export async function eventRegistrations(
  eventId: string,
  query: { status?: string; role?: string; page: number; limit: number },
) {
  await loadEvent(eventId);
  const ids = (await readOwnerList(eventRegistrationListKey(eventId))).map((e) => e.id);
  const found = await cachedRegistrations(ids);
  const kept = ids
    .map((id) => found.get(id))
    .filter((r): r is EventRegistrationDoc => !!r && r.eventId === eventId)
    .filter((r) => (!query.status || r.status === query.status) && (!query.role || r.role === query.role));
  const start = (query.page - 1) * query.limit;
  const pageOf = kept.slice(start, start + query.limit);
  const names = await organizationNames(pageOf.map((r) => r.organizationId));
  return {
    registrations: pageOf.map((r) => registrationView(r, names.get(r.organizationId) ?? '')),
    total: kept.length,
    page: query.page,
    limit: query.limit,
  };
}

/**
 * An operator approves or rejects a registration. Held with the event's lock, so the approved
 * registrations counted against the capacity cannot change meanwhile (in any process).
 */
export async function decideRegistration(
  ctx: Ctx,
  admin: SessionUser,
  eventId: string,
  registrationId: string,
  decision: RegistrationDecision,
  reason?: string,
) {
  const event = await getEvent(eventId);
  if (!event) throw AppError.notFound('Event');
  assertEventActive(event);
  const found = await getRegistration(registrationId);
  if (!found || found.eventId !== eventId) throw AppError.notFound('Registration');
  const now = new Date();
  const { doc, written } = await holdRegistrationDecision(eventId, registrationId, async () => {
    const listKey = eventRegistrationListKey(eventId);
    const listed = await readStoredOwnerList(listKey);
    const others = listed.map((e) => e.id).filter((id) => id !== registrationId);
    const approvedOthers =
      decision === 'approved' && event.capacity !== undefined
        ? (await registrationsByIds(others)).filter((r) => r.eventId === eventId && r.status === 'approved')
            .length
        : 0;
    // The next decision counts this registration only if it is in the list it reads.
    const beforeWrite = async (current: EventRegistrationDoc) => {
      if (!listed.some((e) => e.id === registrationId))
        await putOwnerListEntries(listKey, [
          { id: registrationId, s: current.status, at: new Date(current.createdAt).getTime() },
        ]);
    };
    return changeRegistration(
      registrationId,
      (current) => ({
        change: planRegistrationDecision(current, decision, {
          approvedOthers,
          capacity: event.capacity,
          reason,
          by: admin.id,
          now,
        }),
        result: null,
      }),
      { beforeWrite },
    );
  });
  if (written) {
    await recordAudit({
      actorId: admin.id,
      action: `event.registration_${decision}`,
      targetType: 'event',
      targetId: eventId,
      data: { registrationId, organizationId: doc.organizationId, ...(reason ? { reason } : {}) },
    });
    await notifyRegistrationDecided(ctx, event, doc).catch((err) =>
      logger.warn({ err, registrationId }, 'registration notice not sent'),
    );
  }
  return presentRegistration(doc);
}

/** The listings the event's approved exhibitors show, each with its exhibitor. */
async function exhibitedListings(eventId: string) {
  const ids = (await readOwnerList(eventRegistrationListKey(eventId)))
    .filter((e) => e.s === 'approved')
    .map((e) => e.id);
  const regs = [...(await cachedRegistrations(ids)).values()].filter(
    (r) => r.eventId === eventId && r.status === 'approved' && r.role === 'exhibitor',
  );
  const rows: { reg: EventRegistrationDoc; listings: ListingRef[] }[] = [];
  for (const reg of regs) {
    const refs = await Promise.all(reg.listings.map((l) => cachedListingRef(l.kind as ListingKind, l.id)));
    rows.push({
      reg,
      listings: refs.filter(
        (r): r is ListingRef => !!r && r.status === 'published' && r.ownerOrgId === reg.organizationId,
      ),
    });
  }
  return rows;
}

/** At most this many pages of search hits (100 each) are read to find the event's listings among them. */
export const CATALOGUE_SEARCH_PAGES = 20;

/**
 * The rank of each of `ids` among the search engine's hits for `q` (the engine searches every
 * published listing; its hits are kept when they are the event's): read page by page until each
 * id is found, the hits run out or CATALOGUE_SEARCH_PAGES pages were read.
 */
async function ranksAmong(search: SearchEngine, q: string, ids: Set<string>): Promise<Map<string, number>> {
  const ranks = new Map<string, number>();
  let rank = 0;
  for (let page = 1; page <= CATALOGUE_SEARCH_PAGES && ranks.size < ids.size; page++) {
    let result;
    try {
      result = await search.search({ q, page, limit: 100 });
    } catch (err) {
      logger.error({ err }, 'search engine failed');
      throw AppError.unavailable('The search engine is not answering');
    }
    for (const hit of result.hits) {
      if (ids.has(hit.id) && !ranks.has(hit.id)) ranks.set(hit.id, rank);
      rank++;
    }
    if (page * 100 >= result.total || result.hits.length === 0) break;
  }
  return ranks;
}

export async function eventCatalogue(
  search: SearchEngine,
  eventId: string,
  query: { q?: string; field?: string; kind?: ListingKind; page: number; limit: number },
) {
  const event = await loadEvent(eventId);
  let rows = (await exhibitedListings(eventId)).map((row) => ({
    ...row,
    listings: row.listings.filter(
      (l) => (!query.field || l.field === query.field) && (!query.kind || l.kind === query.kind),
    ),
  }));
  const names = await organizationNames(rows.map((r) => r.reg.organizationId));
  const nameOf = (r: { reg: EventRegistrationDoc }) => names.get(r.reg.organizationId) ?? '';
  const q = query.q?.trim();
  let best = new Map<EventRegistrationDoc, number>();
  if (q) {
    const ranks = await ranksAmong(search, q, new Set(rows.flatMap((r) => r.listings.map((l) => l.id))));
    rows = rows.map((r) => ({
      ...r,
      listings: r.listings.filter((l) => ranks.has(l.id)).sort((a, b) => ranks.get(a.id)! - ranks.get(b.id)!),
    }));
    best = new Map(rows.map((r) => [r.reg, r.listings.length ? ranks.get(r.listings[0].id)! : Infinity]));
  }
  const kept = rows
    .filter((r) => r.listings.length > 0 || (!q && !query.field && !query.kind))
    .sort(
      (a, b) => (best.get(a.reg) ?? 0) - (best.get(b.reg) ?? 0) || nameOf(a).localeCompare(nameOf(b), 'vi'),
    );
  const start = (query.page - 1) * query.limit;
  return {
    event: { id: eventId, title: event.title },
    exhibitors: kept.slice(start, start + query.limit).map((r) => ({
      organization: { id: r.reg.organizationId, name: nameOf(r) },
      pitch: r.reg.pitch ?? '',
      listings: r.listings.map((l) => ({
        kind: l.kind,
        id: l.id,
        title: l.title,
        field: l.field,
        ...(typeof l.trl === 'number' ? { trl: l.trl } : {}),
      })),
    })),
    total: kept.length,
    page: query.page,
    limit: query.limit,
  };
}
