/**
 * The pure rules of a meeting at an event: who may do what at each step. Asked for by one
 * organization (the requester) of another (the invitee); the invitee accepts (the meeting is then
 * scheduled, see slot-rules.ts) or declines; either side cancels one that has not started; after
 * its start each side records what came of it. A meeting is *held* when it was accepted and either
 * side recorded an outcome, or its end has passed.
 */
import { AppError } from '../common/errors';
import type { MeetingOutcome, MeetingStatus } from '../api-contract/enums';
import { NO_SLOT_MESSAGES, type SlotAnswer } from './slot-rules';

export type MeetingSide = 'requester' | 'invitee';

export interface MeetingState {
  status: MeetingStatus;
  requesterOrgId: string;
  inviteeOrgId: string;
  startsAt?: Date | null;
  endsAt?: Date | null;
  outcomes?: { orgId: string; outcome: MeetingOutcome }[];
}

export type Change = Record<string, unknown>;

export function sideOf(
  m: Pick<MeetingState, 'requesterOrgId' | 'inviteeOrgId'>,
  orgId: string | undefined,
): MeetingSide | null {
  if (!orgId) return null;
  if (m.requesterOrgId === orgId) return 'requester';
  if (m.inviteeOrgId === orgId) return 'invitee';
  return null;
}

export const otherOrgOf = (m: Pick<MeetingState, 'requesterOrgId' | 'inviteeOrgId'>, orgId: string) =>
  m.requesterOrgId === orgId ? m.inviteeOrgId : m.requesterOrgId;

/** The meetings an organization may not ask for again while one is open between the pair. */
export const OPEN_MEETING_STATUSES: readonly MeetingStatus[] = ['requested', 'accepted'];

function participant(m: MeetingState, orgId: string | undefined): MeetingSide {
  const side = sideOf(m, orgId);
  if (!side) throw AppError.notFound('Meeting');
  return side;
}

/**
 * The invitee accepts: the meeting takes the slot `slot()` finds (asked only when the meeting may
 * still be accepted), or the acceptance is refused with the reason there is none. Accepting an
 * accepted meeting again changes nothing.
 */
export function planAcceptance(
  m: MeetingState,
  orgId: string | undefined,
  slot: () => SlotAnswer,
  place: (slot: { from: number; to: number; table?: number }) => Change,
): Change | null {
  const side = participant(m, orgId);
  if (side !== 'invitee') throw AppError.forbidden('Only the invited organization may accept the meeting.');
  if (m.status === 'accepted') return null;
  if (m.status !== 'requested') throw AppError.conflict(`This meeting was ${m.status}.`);
  const found = slot();
  if (!found.ok) throw AppError.conflict(NO_SLOT_MESSAGES[found.reason]);
  return place(found.slot);
}

/** The invitee declines a meeting asked of it (declining again changes nothing). */
export function planDecline(m: MeetingState, orgId: string | undefined): 'declined' | null {
  const side = participant(m, orgId);
  if (side !== 'invitee') throw AppError.forbidden('Only the invited organization may decline the meeting.');
  if (m.status === 'declined') return null;
  if (m.status !== 'requested') throw AppError.conflict(`This meeting was ${m.status}.`);
  return 'declined';
}

/** Either side cancels a meeting asked for or scheduled, before it starts; its slot is free again. */
export function planCancel(m: MeetingState, orgId: string | undefined, now: Date): 'cancelled' | null {
  participant(m, orgId);
  if (m.status === 'cancelled') return null;
  if (m.status === 'declined') throw AppError.conflict('This meeting was declined.');
  if (m.status === 'accepted' && m.startsAt && new Date(m.startsAt).getTime() <= now.getTime())
    throw AppError.conflict('This meeting has started: record its outcome instead.');
  return 'cancelled';
}

/** Either side records (or changes) its outcome of an accepted meeting once it has started. */
export function assertOutcomeAllowed(m: MeetingState, orgId: string | undefined, now: Date): MeetingSide {
  const side = participant(m, orgId);
  if (m.status !== 'accepted') throw AppError.conflict('Only an accepted meeting has an outcome.');
  if (!m.startsAt || new Date(m.startsAt).getTime() > now.getTime())
    throw AppError.conflict('The outcome of a meeting is recorded after it starts.');
  return side;
}

/** Accepted, and either side recorded its outcome or the meeting's end has passed. */
export function meetingHeld(m: MeetingState, now: Date): boolean {
  if (m.status !== 'accepted') return false;
  if ((m.outcomes ?? []).length > 0) return true;
  return !!m.endsAt && new Date(m.endsAt).getTime() <= now.getTime();
}

/**
 * The organizers end a meeting (its event cancelled, or one side's approval revoked): one asked
 * for, or scheduled and not yet started, is cancelled; others are kept as they are.
 */
export function planOrganizersEnd(m: MeetingState, now: Date): 'cancelled' | null {
  if (m.status === 'requested') return 'cancelled';
  if (m.status === 'accepted' && (!m.startsAt || new Date(m.startsAt).getTime() > now.getTime()))
    return 'cancelled';
  return null;
}
