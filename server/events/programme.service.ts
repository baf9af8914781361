/**
 * An event's programme of pitch sessions: operators add, change and remove sessions; anyone reads
 * them in time order. The programme lives on the event: load (the speaker organisation and its
 * listing, by `_id`) → pure plan (programme-rules.ts) → the event store's mutate → audit.
 * Every refusal writes nothing.
 */
import mongoose from 'mongoose';
import type { ListingKind } from '../api-contract/enums';
import { AppError, type ErrorDetail } from '../common/errors';
import type { SessionUser } from '../common/session-user';
import { recordAudit } from '../audit';
import { cachedListingRef } from '../listings';
import { organizationNames } from '../deals';
import { changeEvent, type EventDoc, type ProgrammeSession } from './event.store';
import { loadEvent } from './event.service';
import {
  planAddSession,
  planEditSession,
  planRemoveSession,
  programmeInOrder,
  type SessionInput,
  type SessionPatch,
} from './programme-rules';

/** A session as the operator sends it: the pitched listing by its id. */
export type SessionBody = Omit<SessionInput, 'listing'> & { listingId?: string | null };
export type SessionPatchBody = Partial<SessionBody>;

const iso = (d: Date | string) => new Date(d).toISOString();

export function sessionView(s: ProgrammeSession, names: Map<string, string>) {
  return {
    id: String(s._id),
    title: s.title,
    ...(s.titleEn ? { titleEn: s.titleEn } : {}),
    startsAt: iso(s.startsAt),
    endsAt: iso(s.endsAt),
    online: s.online,
    ...(s.room ? { room: s.room } : {}),
    speaker: { id: s.speakerOrganizationId, name: names.get(s.speakerOrganizationId) ?? '' },
    ...(s.listing
      ? { listing: { kind: s.listing.kind, id: s.listing.id, title: s.listing.title ?? '' } }
      : {}),
  };
}

async function presentSession(s: ProgrammeSession) {
  return sessionView(s, await organizationNames([s.speakerOrganizationId]));
}

/**
 * The speaker must be an organisation of the exchange, and the pitched listing one of its
 * published offers or demands (400 naming `speakerOrganizationId` or `listingId`).
 */
async function resolveSpeaker(
  speakerOrganizationId: string,
  listingId: string | null | undefined,
): Promise<ProgrammeSession['listing'] | null | undefined> {
  const problems: ErrorDetail[] = [];
  const names = await organizationNames([speakerOrganizationId]);
  if (!names.has(speakerOrganizationId))
    problems.push({
      field: 'speakerOrganizationId',
      message: 'is not an organization of the exchange',
      value: speakerOrganizationId,
    });
  let listing: ProgrammeSession['listing'] | null | undefined = listingId === null ? null : undefined;
  if (listingId) {
    const ref = (await cachedListingRef('offer', listingId)) ?? (await cachedListingRef('demand', listingId));
    if (ref && ref.ownerOrgId === speakerOrganizationId && ref.status === 'published')
      listing = { kind: ref.kind as ListingKind, id: ref.id, title: ref.title };
    else
      problems.push({
        field: 'listingId',
        message: 'is not a published listing of the speaker organization',
        value: listingId,
      });
  }
  if (problems.length) throw AppError.validation(problems);
  return listing;
}

export async function readProgramme(eventId: string) {
  const event = await loadEvent(eventId);
  const sessions = programmeInOrder(event);
  const names = await organizationNames(sessions.map((s) => s.speakerOrganizationId));
  return {
    event: { id: eventId, title: event.title },
    sessions: sessions.map((s) => sessionView(s, names)),
  };
}

async function audit(admin: SessionUser, action: string, eventId: string, sessionId: string, title?: string) {
  await recordAudit({
    actorId: admin.id,
    action,
    targetType: 'event',
    targetId: eventId,
    data: { sessionId, ...(title ? { title } : {}) },
  });
}

export async function addSession(admin: SessionUser, eventId: string, body: SessionBody) {
  await loadEvent(eventId);
  const { listingId, ...rest } = body;
  const listing = await resolveSpeaker(body.speakerOrganizationId, listingId);
  const id = new mongoose.Types.ObjectId();
  const { result } = await changeEvent(eventId, (current: EventDoc) => {
    const planned = planAddSession(current, id, { ...rest, listing }, admin.id);
    return { change: planned.change, result: planned.session };
  });
  await audit(admin, 'event.session_added', eventId, String(id), result.title);
  return presentSession(result);
}

export async function editSession(
  admin: SessionUser,
  eventId: string,
  sessionId: string,
  body: SessionPatchBody,
) {
  const event = await loadEvent(eventId);
  const { listingId, ...rest } = body;
  const patch: SessionPatch = { ...rest };
  if (body.speakerOrganizationId !== undefined || listingId !== undefined) {
    const current = (event.programme ?? []).find((s) => String(s._id) === sessionId);
    const speaker = body.speakerOrganizationId ?? current?.speakerOrganizationId;
    if (speaker) {
      const listing = await resolveSpeaker(speaker, listingId);
      if (listing !== undefined) patch.listing = listing;
    }
  }
  const { result, written } = await changeEvent(eventId, (current: EventDoc) => {
    const planned = planEditSession(current, sessionId, patch);
    return { change: planned.change, result: planned.session };
  });
  if (written) await audit(admin, 'event.session_changed', eventId, sessionId);
  return presentSession(result);
}

export async function removeSession(admin: SessionUser, eventId: string, sessionId: string) {
  await loadEvent(eventId);
  await changeEvent(eventId, (current: EventDoc) => ({
    change: planRemoveSession(current, sessionId).change,
    result: null,
  }));
  await audit(admin, 'event.session_removed', eventId, sessionId);
}
