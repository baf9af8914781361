/** The pure rules of events, registrations and the event report (server/events/event-rules.ts, event-report-rules.ts). */
import assert from 'node:assert/strict';
import {
  availabilityProblems,
  eventPhase,
  eventTimeProblems,
  planRegistrationDecision,
  registrationOpen,
} from '../../server/events/event-rules';
import { eventReport, eventReportTable } from '../../server/events/event-report-rules';
import { AppError } from '../../server/common/errors';

const d = (iso: string) => new Date(`2027-03-10T${iso}:00Z`);
const event = {
  startsAt: d('09:00'),
  endsAt: d('12:00'),
  registrationClosesAt: d('08:00'),
  slotMinutes: 20,
  breaks: [{ from: d('10:00'), to: d('10:20') }],
};
const fields = (details: { field: string }[]) => details.map((x) => x.field);

describe('events (pure rules)', () => {
  it('accepts a sound programme and names each field of an unsound one', () => {
    assert.deepEqual(eventTimeProblems(event), []);
    assert.deepEqual(fields(eventTimeProblems({ ...event, slotMinutes: 200 })), ['slotMinutes']);
    assert.deepEqual(
      fields(
        eventTimeProblems({
          ...event,
          breaks: [
            { from: d('08:00'), to: d('08:30') },
            { from: d('11:00'), to: d('10:40') },
          ],
        }),
      ),
      ['breaks.0', 'breaks.1.to'],
    );
    assert.deepEqual(
      fields(eventTimeProblems({ ...event, endsAt: new Date(event.startsAt.getTime() + 32 * 86_400_000) })),
      ['endsAt'],
    );
  });

  it('tells where an event stands and when it takes registrations', () => {
    assert.equal(eventPhase(event, d('07:00')), 'registration_open');
    assert.equal(eventPhase(event, d('08:30')), 'registration_closed');
    assert.equal(eventPhase(event, d('09:00')), 'running');
    assert.equal(eventPhase(event, d('12:00')), 'ended');
    assert.equal(registrationOpen(event, d('07:59')), true);
    assert.equal(registrationOpen(event, d('08:00')), false);
    // A window that stays open into the event still closes at its end.
    assert.equal(registrationOpen({ ...event, registrationClosesAt: d('11:00') }, d('10:00')), true);
  });

  it('keeps availability within the event, each period ending after it starts', () => {
    assert.deepEqual(availabilityProblems(event, [{ from: d('09:00'), to: d('12:00') }]), []);
    assert.deepEqual(
      fields(
        availabilityProblems(event, [
          { from: d('08:59'), to: d('10:00') },
          { from: d('11:00'), to: d('11:00') },
          { from: d('11:00'), to: d('12:01') },
        ]),
      ),
      ['availability.0', 'availability.1.to', 'availability.2'],
    );
  });

  it('decides a pending registration once, within the capacity; the same decision again changes nothing', () => {
    const opts = { approvedOthers: 0, capacity: 1, by: 'op', now: d('07:00') };
    assert.deepEqual(planRegistrationDecision({ status: 'pending' }, 'approved', opts), {
      $set: { status: 'approved', decidedBy: 'op', decidedAt: d('07:00') },
    });
    assert.equal(planRegistrationDecision({ status: 'approved' }, 'approved', opts), null);
    const conflict = (fn: () => unknown, re: RegExp) =>
      assert.throws(fn, (e: unknown) => e instanceof AppError && e.code === 'conflict' && re.test(e.message));
    conflict(() => planRegistrationDecision({ status: 'rejected' }, 'approved', opts), /already rejected/);
    conflict(
      () => planRegistrationDecision({ status: 'pending' }, 'approved', { ...opts, approvedOthers: 1 }),
      /capacity of 1/,
    );
    assert.deepEqual(
      planRegistrationDecision({ status: 'pending' }, 'rejected', {
        ...opts,
        approvedOthers: 5,
        reason: 'Hết chỗ',
      }),
      { $set: { status: 'rejected', decidedBy: 'op', decidedAt: d('07:00'), rejectionReason: 'Hết chỗ' } },
    );
  });
});

describe('the event report (pure rules)', () => {
  const now = d('13:00');
  const meeting = (status: string, extra: Record<string, unknown> = {}) =>
    ({ status, requesterOrgId: 'A', inviteeOrgId: 'B', outcomes: [], ...extra }) as never;

  it('counts registrations by role and status, meetings by where they stand, held ones, outcomes and the deals’ agreed value', () => {
    const report = eventReport({
      registrations: [
        { role: 'exhibitor', status: 'approved' },
        { role: 'exhibitor', status: 'pending' },
        { role: 'visitor', status: 'approved' },
        { role: 'visitor', status: 'rejected' },
      ],
      meetings: [
        meeting('requested'),
        meeting('accepted', { endsAt: d('09:20') }),
        meeting('accepted', { endsAt: d('14:00'), outcomes: [{ orgId: 'A', outcome: 'follow_up' }] }),
        meeting('accepted', { endsAt: d('14:00') }),
        meeting('declined'),
        meeting('cancelled', { endsAt: d('09:20') }),
      ],
      deals: [
        { agreed: { amount: 300_000_000, currency: 'VND' } },
        { agreed: { amount: 200_000_000, currency: 'VND' } },
        { agreed: { amount: 500_000, currency: 'USD' } },
        { agreed: null },
      ],
      now,
    });
    assert.deepEqual(report.registrations, {
      total: 4,
      exhibitor: { pending: 1, approved: 1, rejected: 0, revoked: 0, cancelled: 0, total: 2 },
      visitor: { pending: 0, approved: 1, rejected: 1, revoked: 0, cancelled: 0, total: 2 },
    });
    assert.deepEqual(report.meetings, {
      requested: 6,
      pending: 1,
      accepted: 3,
      declined: 1,
      cancelled: 1,
      held: 2,
    });
    assert.deepEqual(report.outcomes, { no_interest: 0, follow_up: 1, negotiation_opened: 0 });
    assert.deepEqual(report.deals, { opened: 4, agreed: 3, value: { VND: 500_000_000, USD: 500_000 } });
    const table = eventReportTable('event-x', report);
    assert.deepEqual(table.columns, ['metric', 'value']);
    const rows = new Map(table.rows.map(([k, v]) => [k, v]));
    assert.equal(rows.get('meetings_held'), 2);
    assert.equal(rows.get('registrations_exhibitor_pending'), 1);
    assert.equal(rows.get('deals_agreed_value_USD'), 500_000);
  });
});
