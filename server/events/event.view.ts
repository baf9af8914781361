/** Events, registrations and meetings as the API answers them: ids as strings, times as ISO strings. */
import type { EventDoc } from './event.store';
import type { EventRegistrationDoc } from './event-registration.store';
import type { MeetingDoc } from './meeting.store';
import { eventPhase, registrationOpen } from './event-rules';
import { meetingHeld, sideOf } from './meeting-rules';

const iso = (d: Date | string | undefined | null) => (d ? new Date(d).toISOString() : undefined);
const period = (p: { from: Date; to: Date }) => ({ from: iso(p.from)!, to: iso(p.to)! });

export function eventView(e: EventDoc, now: Date) {
  return {
    id: String(e._id),
    title: e.title,
    ...(e.titleEn ? { titleEn: e.titleEn } : {}),
    description: e.description ?? '',
    ...(e.descriptionEn ? { descriptionEn: e.descriptionEn } : {}),
    startsAt: iso(e.startsAt)!,
    endsAt: iso(e.endsAt)!,
    ...(e.venue ? { venue: e.venue } : {}),
    online: e.online,
    fields: e.fields ?? [],
    registrationClosesAt: iso(e.registrationClosesAt)!,
    registrationOpen: registrationOpen(e, now),
    phase: eventPhase(e, now),
    ...(e.capacity ? { capacity: e.capacity } : {}),
    slotMinutes: e.slotMinutes,
    breaks: (e.breaks ?? []).map(period),
    ...(e.tables ? { tables: e.tables } : {}),
    status: e.status ?? 'active',
    ...(e.cancelReason ? { cancelReason: e.cancelReason } : {}),
    ...(e.cancelledAt ? { cancelledAt: iso(e.cancelledAt) } : {}),
    createdAt: iso(e.createdAt)!,
  };
}

export type EventView = ReturnType<typeof eventView>;

export function registrationView(r: EventRegistrationDoc, orgName: string) {
  return {
    id: String(r._id),
    eventId: r.eventId,
    organization: { id: r.organizationId, name: orgName },
    role: r.role,
    status: r.status,
    listings: (r.listings ?? []).map((l) => ({ kind: l.kind, id: l.id, title: l.title ?? '' })),
    pitch: r.pitch ?? '',
    lookingFor: r.lookingFor ?? '',
    availability: (r.availability ?? []).map(period),
    ...(r.decidedAt ? { decidedAt: iso(r.decidedAt) } : {}),
    ...(r.rejectionReason ? { rejectionReason: r.rejectionReason } : {}),
    ...(r.revokeReason ? { revokeReason: r.revokeReason } : {}),
    ...(r.revokedAt ? { revokedAt: iso(r.revokedAt) } : {}),
    createdAt: iso(r.createdAt)!,
  };
}

export type RegistrationView = ReturnType<typeof registrationView>;

export function meetingView(
  m: MeetingDoc,
  names: ReadonlyMap<string, string>,
  viewerOrgId: string | undefined,
  now: Date,
) {
  const side = sideOf(m, viewerOrgId);
  return {
    id: String(m._id),
    eventId: m.eventId,
    requester: { id: m.requesterOrgId, name: names.get(m.requesterOrgId) ?? '' },
    invitee: { id: m.inviteeOrgId, name: names.get(m.inviteeOrgId) ?? '' },
    ...(side ? { myRole: side } : {}),
    ...(m.listing
      ? { listing: { kind: m.listing.kind, id: m.listing.id, title: m.listing.title ?? '' } }
      : {}),
    message: m.message ?? '',
    status: m.status,
    ...(m.startsAt ? { startsAt: iso(m.startsAt) } : {}),
    ...(m.endsAt ? { endsAt: iso(m.endsAt) } : {}),
    ...(m.table ? { table: m.table } : {}),
    ...(m.roomUrl ? { roomUrl: m.roomUrl } : {}),
    ...(m.declineReason ? { declineReason: m.declineReason } : {}),
    ...(m.cancelledByOrgId ? { cancelledByOrgId: m.cancelledByOrgId } : {}),
    ...(m.cancelReason ? { cancelReason: m.cancelReason } : {}),
    outcomes: (m.outcomes ?? []).map((o) => ({
      organizationId: o.orgId,
      outcome: o.outcome,
      ...(o.note ? { note: o.note } : {}),
      at: iso(o.at)!,
    })),
    held: meetingHeld(m, now),
    createdAt: iso(m.createdAt)!,
    updatedAt: iso(m.updatedAt)!,
  };
}

export type MeetingView = ReturnType<typeof meetingView>;
