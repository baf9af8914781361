/**
 * The pure rules of changes after an event was announced (server/events/event-edit-rules.ts,
 * registration-change-rules.ts, reminder-rules.ts, meeting-rules.ts planOrganizersEnd).
 */
import assert from 'node:assert/strict';
import { AppError } from '../../server/common/errors';
import { eventPhase, registrationOpen } from '../../server/events/event-rules';
import { planEventCancel, planEventEdit, type EditableEvent } from '../../server/events/event-edit-rules';
import {
  availabilityConflicts,
  planAvailabilityChange,
  planRegistrationEnd,
  planRevoke,
} from '../../server/events/registration-change-rules';
import { owesReminder, reminderRunAt } from '../../server/events/reminder-rules';
import { planOrganizersEnd } from '../../server/events/meeting-rules';

const d = (hhmm: string) => new Date(`2027-03-10T${hhmm}:00Z`);
const event: EditableEvent = {
  title: 'Techmart',
  startsAt: d('09:00'),
  endsAt: d('12:00'),
  venue: 'Hà Nội',
  online: false,
  registrationClosesAt: d('08:00'),
  slotMinutes: 20,
  breaks: [{ from: d('10:00'), to: d('10:20') }],
  tables: 3,
  capacity: 10,
};
const meeting = { startsAt: d('11:00'), endsAt: d('11:20'), table: 3 };
const none = { scheduled: [], approved: 0 };

/** The error `fn` throws: its code and the fields its details name. */
function refusal(fn: () => unknown): { code: string; fields: string[] } {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof AppError, String(err));
    return { code: err.code, fields: err.details.map((x) => x.field) };
  }
  assert.fail('expected a refusal');
}

describe('event changes (pure rules)', () => {
  it('writes only the fields that change, and nothing for a patch that changes nothing', () => {
    assert.deepEqual(planEventEdit(event, { title: 'Techmart 2027', venue: 'Hà Nội' }, none), {
      $set: { title: 'Techmart 2027' },
    });
    assert.equal(planEventEdit(event, { title: 'Techmart' }, none), null);
    assert.deepEqual(planEventEdit(event, { online: true }, none), {
      $set: { online: true },
      $unset: { tables: 1 },
    });
  });

  it('refuses an unsound event with 400 naming the field', () => {
    assert.deepEqual(
      refusal(() => planEventEdit(event, { endsAt: d('08:30') }, none)),
      {
        code: 'validation_failed',
        fields: ['endsAt', 'breaks.0'],
      },
    );
    assert.deepEqual(
      refusal(() => planEventEdit(event, { breaks: [{ from: d('13:00'), to: d('13:10') }] }, none)),
      {
        code: 'validation_failed',
        fields: ['breaks.0'],
      },
    );
    assert.deepEqual(
      refusal(() => planEventEdit({ ...event, online: true, tables: undefined }, { tables: 2 }, none)),
      {
        code: 'validation_failed',
        fields: ['tables'],
      },
    );
  });

  it('refuses with 409 naming the field a change that would break a scheduled meeting or the approvals', () => {
    const withMeeting = { scheduled: [meeting], approved: 4 };
    const conflict = (patch: Parameters<typeof planEventEdit>[1]) =>
      refusal(() => planEventEdit(event, patch, withMeeting));
    assert.deepEqual(conflict({ endsAt: d('11:10') }), { code: 'conflict', fields: ['endsAt'] });
    assert.deepEqual(conflict({ startsAt: d('11:10'), breaks: [] }), {
      code: 'conflict',
      fields: ['startsAt'],
    });
    assert.deepEqual(conflict({ breaks: [{ from: d('11:10'), to: d('11:30') }] }), {
      code: 'conflict',
      fields: ['breaks'],
    });
    assert.deepEqual(conflict({ tables: 2 }), { code: 'conflict', fields: ['tables'] });
    assert.deepEqual(conflict({ online: true }), { code: 'conflict', fields: ['tables', 'online'] });
    assert.deepEqual(conflict({ capacity: 3 }), { code: 'conflict', fields: ['capacity'] });
    // Moving the end later, a break elsewhere, more tables: all fine.
    assert.ok(planEventEdit(event, { endsAt: d('13:00'), tables: 5, capacity: 4 }, withMeeting));
  });

  it('cancels an event once, not after its end; a cancelled event takes no edit and no registration', () => {
    const now = d('07:00');
    const change = planEventCancel(event, { reason: 'Bão', by: 'op', now });
    assert.deepEqual(change, {
      $set: { status: 'cancelled', cancelReason: 'Bão', cancelledBy: 'op', cancelledAt: now },
    });
    const cancelled = { ...event, status: 'cancelled' as const };
    assert.equal(planEventCancel(cancelled, { reason: 'x', by: 'op', now }), null);
    assert.equal(
      refusal(() => planEventCancel(event, { reason: 'x', by: 'op', now: d('12:00') })).code,
      'conflict',
    );
    assert.equal(refusal(() => planEventEdit(cancelled, { title: 'x' }, none)).code, 'conflict');
    assert.equal(eventPhase(cancelled, now), 'cancelled');
    assert.equal(registrationOpen(cancelled, now), false);
  });
});

describe('registration changes (pure rules)', () => {
  const now = d('07:00');
  const within = [{ from: d('10:30'), to: d('12:00') }];

  it('takes a new availability within the event that still covers each scheduled meeting', () => {
    assert.deepEqual(
      planAvailabilityChange({ status: 'approved' }, event, within, { scheduled: [meeting], now }),
      {
        $set: { availability: within },
      },
    );
    assert.deepEqual(
      refusal(() =>
        planAvailabilityChange({ status: 'approved' }, event, [{ from: d('09:00'), to: d('10:00') }], {
          scheduled: [meeting],
          now,
        }),
      ),
      { code: 'conflict', fields: ['availability'] },
    );
    assert.deepEqual(
      refusal(() =>
        planAvailabilityChange({ status: 'pending' }, event, [{ from: d('08:00'), to: d('10:00') }], {
          scheduled: [],
          now,
        }),
      ),
      { code: 'validation_failed', fields: ['availability.0'] },
    );
    for (const status of ['rejected', 'revoked', 'cancelled'] as const)
      assert.equal(
        refusal(() => planAvailabilityChange({ status }, event, within, { scheduled: [], now })).code,
        'conflict',
      );
  });

  it('counts a meeting covered by touching periods as inside', () => {
    const joined = [
      { from: d('10:30'), to: d('11:10') },
      { from: d('11:10'), to: d('11:30') },
    ];
    assert.deepEqual(availabilityConflicts(joined, [meeting]), []);
  });

  it('revokes an approval once; ends live registrations with their event', () => {
    assert.deepEqual(planRevoke({ status: 'approved' }, { reason: 'r', by: 'op', now }), {
      $set: { status: 'revoked', revokedBy: 'op', revokedAt: now, revokeReason: 'r' },
    });
    assert.equal(planRevoke({ status: 'revoked' }, { reason: 'r', by: 'op', now }), null);
    assert.equal(
      refusal(() => planRevoke({ status: 'pending' }, { reason: 'r', by: 'op', now })).code,
      'conflict',
    );
    assert.deepEqual(planRegistrationEnd({ status: 'pending' }), { $set: { status: 'cancelled' } });
    assert.equal(planRegistrationEnd({ status: 'rejected' }), null);
  });

  it('lets the organizers end a meeting asked for or still to come, not one under way', () => {
    const base = { requesterOrgId: 'a', inviteeOrgId: 'b' };
    assert.equal(planOrganizersEnd({ ...base, status: 'requested' }, now), 'cancelled');
    assert.equal(planOrganizersEnd({ ...base, status: 'accepted', startsAt: d('11:00') }, now), 'cancelled');
    assert.equal(planOrganizersEnd({ ...base, status: 'accepted', startsAt: d('06:00') }, now), null);
    assert.equal(planOrganizersEnd({ ...base, status: 'declined' }, now), null);
  });
});

describe('meeting reminders (pure rules)', () => {
  it('go out the configured minutes before the start, or at once when scheduled later than that', () => {
    assert.deepEqual(reminderRunAt(d('11:00'), 30, d('07:00')), d('10:30'));
    assert.deepEqual(reminderRunAt(d('11:00'), 30, d('10:50')), d('10:50'));
  });

  it('are owed only by a meeting still accepted at that time, of an event not cancelled, before it starts', () => {
    const m = { status: 'accepted', startsAt: d('11:00') };
    const active = { status: 'active' };
    assert.equal(owesReminder(m, active, d('11:00'), d('10:30')), true);
    assert.equal(owesReminder({ ...m, status: 'cancelled' }, active, d('11:00'), d('10:30')), false);
    assert.equal(owesReminder(m, active, d('10:40'), d('10:30')), false); // moved
    assert.equal(owesReminder(m, { status: 'cancelled' }, d('11:00'), d('10:30')), false);
    assert.equal(owesReminder(m, active, d('11:00'), d('11:00')), false);
    assert.equal(owesReminder(null, active, d('11:00'), d('10:30')), false);
  });
});
