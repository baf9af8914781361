/** Meetings for the online meeting room tests: asked for at a new event by one member of another, and accepted or not. */
import assert from 'node:assert/strict';
import type { Member } from '../helpers/factories';
import { approvedParticipant, createEvent, onlineEvent, onSiteEvent } from './events-helpers';

export async function meetingAt(
  admin: Member,
  requester: Member,
  invitee: Member,
  opts: { online?: boolean; accept?: boolean } = {},
): Promise<{ eventId: string; meetingId: string }> {
  const eventId = await createEvent(admin, opts.online === false ? onSiteEvent() : onlineEvent());
  await approvedParticipant(admin, requester, eventId);
  await approvedParticipant(admin, invitee, eventId);
  const asked = await requester.agent
    .post(`/api/events/${eventId}/meetings`)
    .send({ withOrganizationId: invitee.orgId, message: 'Xin gặp trực tuyến.' });
  assert.equal(asked.status, 201, JSON.stringify(asked.body));
  const meetingId = asked.body.meeting.id as string;
  if (opts.accept !== false) {
    const accepted = await invitee.agent.post(`/api/meetings/${meetingId}/accept`);
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
  }
  return { eventId, meetingId };
}
