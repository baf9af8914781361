/** Events for the fair and brokerage-event tests: a day a few days ahead, bodies, and approved participants. */
import assert from 'node:assert/strict';
import type { Member } from '../helpers/factories';

/** Midnight UTC of the event's day (three days ahead, so every slot is still to come). */
const eventDay = (() => {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() + 3);
  return d.getTime();
})();

/** `hh:mm` UTC on the event's day, as an ISO string. */
export const at = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(eventDay + (h * 60 + m) * 60_000).toISOString();
};

export const period = (from: string, to: string) => ({ from: at(from), to: at(to) });

/** An on-site brokerage morning, 09:00–12:00 UTC, 20-minute slots, a break at 10:00–10:20, two tables. */
export const onSiteEvent = (overrides: Record<string, unknown> = {}) => ({
  title: 'Chợ công nghệ và thiết bị Hà Nội 2027',
  titleEn: 'Hanoi Techmart 2027',
  description: 'Kết nối cung cầu công nghệ xử lý nước thải.',
  startsAt: at('09:00'),
  endsAt: at('12:00'),
  venue: 'Cung Văn hoá Hữu nghị, 91 Trần Hưng Đạo',
  online: false,
  fields: ['engineering_technology', 'agricultural_sciences'],
  registrationClosesAt: at('08:00'),
  breaks: [period('10:00', '10:20')],
  tables: 2,
  ...overrides,
});

export const onlineEvent = (overrides: Record<string, unknown> = {}) => {
  const { venue: _venue, tables: _tables, ...rest } = onSiteEvent();
  return { ...rest, title: 'Ngày kết nối trực tuyến', online: true, ...overrides };
};

export async function createEvent(
  admin: Member,
  body: Record<string, unknown> = onSiteEvent(),
): Promise<string> {
  const res = await admin.agent.post('/api/admin/events').send(body);
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.event.id;
}

/** Registers the member's organization and has the operator approve it; the registration's id. */
export async function approvedParticipant(
  admin: Member,
  member: Member,
  eventId: string,
  opts: {
    role?: 'exhibitor' | 'visitor';
    listingIds?: string[];
    availability?: { from: string; to: string }[];
  } = {},
): Promise<string> {
  const role = opts.role ?? (opts.listingIds ? 'exhibitor' : 'visitor');
  const res = await member.agent.post(`/api/events/${eventId}/registrations`).send({
    role,
    ...(role === 'exhibitor'
      ? { listingIds: opts.listingIds ?? [], pitch: 'Công nghệ đã chuyển giao cho 5 nhà máy.' }
      : {}),
    ...(role === 'visitor' ? { lookingFor: 'Công nghệ xử lý nước thải' } : {}),
    availability: opts.availability ?? [period('09:00', '12:00')],
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const rid = res.body.registration.id as string;
  await admin.agent.post(`/api/admin/events/${eventId}/registrations/${rid}/approve`).expect(200);
  return rid;
}
