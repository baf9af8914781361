/**
 * Where an accepted meeting goes (server/events/slot-rules.ts): the event's slot grid with its
 * breaks, both organizations' availability, their other meetings, the on-site tables and now.
 */
import assert from 'node:assert/strict';
import {
  findSlot,
  mergeSpans,
  programmeSlots,
  type SlotEvent,
  type SlotRequest,
  type Span,
} from '../../server/events/slot-rules';
import {
  planAcceptance,
  planCancel,
  meetingHeld,
  assertOutcomeAllowed,
} from '../../server/events/meeting-rules';
import { AppError } from '../../server/common/errors';

const day = '2027-03-10';
/** Milliseconds of `hh:mm` UTC on the test day. */
const at = (hhmm: string) => Date.parse(`${day}T${hhmm}:00Z`);
const span = (from: string, to: string): Span => ({ from: at(from), to: at(to) });
const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
const show = (s: Span & { table?: number }) =>
  `${hhmm(s.from)}-${hhmm(s.to)}${s.table ? ` #${s.table}` : ''}`;

const event = (overrides: Partial<SlotEvent> = {}): SlotEvent => ({
  startsAt: at('09:00'),
  endsAt: at('12:00'),
  slotMinutes: 20,
  breaks: [],
  ...overrides,
});

const request = (overrides: Partial<SlotRequest> = {}): SlotRequest => ({
  event: event(),
  availability: [[span('09:00', '12:00')], [span('09:00', '12:00')]],
  busy: [[], []],
  ...overrides,
});

const slotOf = (req: SlotRequest) => {
  const answer = findSlot(req);
  if (!answer.ok) return answer.reason;
  return show(answer.slot);
};

describe('event meeting slots (pure rules)', () => {
  describe('the programme’s slots', () => {
    it('lays slots one after another from the start, and leaves a remainder too short for a slot unused', () => {
      const slots = programmeSlots(event({ endsAt: at('10:10') }));
      assert.deepEqual(slots.map(show), ['09:00-09:20', '09:20-09:40', '09:40-10:00']);
    });

    it('starts the next slot at a break’s end when a slot would run into the break', () => {
      const slots = programmeSlots(event({ endsAt: at('11:00'), breaks: [span('09:50', '10:15')] }));
      assert.deepEqual(slots.map(show), ['09:00-09:20', '09:20-09:40', '10:15-10:35', '10:35-10:55']);
    });

    it('joins overlapping breaks and ignores a break outside the event', () => {
      const slots = programmeSlots(
        event({
          endsAt: at('10:40'),
          breaks: [span('09:20', '09:40'), span('09:30', '10:00'), span('13:00', '14:00')],
        }),
      );
      assert.deepEqual(slots.map(show), ['09:00-09:20', '10:00-10:20', '10:20-10:40']);
    });

    it('a break at the very start moves the first slot to its end; a slot may end exactly where a break begins', () => {
      const slots = programmeSlots(
        event({ endsAt: at('10:20'), breaks: [span('08:00', '09:10'), span('09:50', '10:00')] }),
      );
      assert.deepEqual(slots.map(show), ['09:10-09:30', '09:30-09:50', '10:00-10:20']);
    });

    it('merges touching and overlapping spans and drops empty ones', () => {
      assert.deepEqual(
        mergeSpans([
          span('10:00', '11:00'),
          span('09:00', '10:00'),
          span('10:30', '10:45'),
          span('12:00', '12:00'),
        ]).map(show),
        ['09:00-11:00'],
      );
    });
  });

  describe('the earliest common slot', () => {
    it('takes the first slot when both are free all day', () => {
      assert.equal(slotOf(request()), '09:00-09:20');
    });

    it('takes the first slot that lies wholly within both availabilities (their intersection)', () => {
      assert.equal(
        slotOf(request({ availability: [[span('09:00', '10:10')], [span('09:50', '12:00')]] })),
        // 09:40-10:00 starts before B's availability; 10:00-10:20 ends after A's.
        'no_common_availability',
      );
      assert.equal(
        slotOf(request({ availability: [[span('09:00', '10:30')], [span('09:50', '12:00')]] })),
        '10:00-10:20',
      );
    });

    it('reads adjoining availability periods as one, so a slot across their boundary fits', () => {
      assert.equal(
        slotOf(
          request({
            event: event({ startsAt: at('09:10') }),
            availability: [[span('09:00', '09:20'), span('09:20', '10:00')], [span('09:20', '12:00')]],
          }),
        ),
        '09:30-09:50',
      );
    });

    it('never takes a slot inside a break, even when both are free then', () => {
      const req = request({
        event: event({ breaks: [span('09:00', '09:40')] }),
        availability: [[span('09:00', '10:00')], [span('09:00', '10:00')]],
      });
      assert.equal(slotOf(req), '09:40-10:00');
    });

    it('skips slots that overlap either organization’s other meetings, also when they are off the grid', () => {
      const req = request({ busy: [[span('09:00', '09:20')], [span('09:30', '09:50')]] });
      assert.equal(slotOf(req), '10:00-10:20');
    });

    it('takes a slot that starts exactly when another meeting ends (spans are half-open)', () => {
      assert.equal(slotOf(request({ busy: [[span('09:00', '09:20')], []] })), '09:20-09:40');
    });

    it('says no_free_slot when every common slot is taken by their meetings', () => {
      const req = request({
        availability: [[span('09:00', '09:40')], [span('09:00', '12:00')]],
        busy: [[span('09:00', '09:20')], [span('09:20', '09:40')]],
      });
      assert.equal(slotOf(req), 'no_free_slot');
    });

    it('says no_common_availability when their availabilities do not meet, or meet for less than a slot', () => {
      assert.equal(
        slotOf(request({ availability: [[span('09:00', '10:00')], [span('10:00', '11:00')]] })),
        'no_common_availability',
      );
      assert.equal(
        slotOf(request({ availability: [[span('09:00', '10:10')], [span('09:55', '11:00')]] })),
        'no_common_availability',
      );
      assert.equal(
        slotOf(request({ availability: [[], [span('09:00', '11:00')]] })),
        'no_common_availability',
      );
    });

    it('never starts a slot before now', () => {
      assert.equal(slotOf(request({ notBefore: at('09:05') })), '09:20-09:40');
      assert.equal(slotOf(request({ notBefore: at('09:20') })), '09:20-09:40');
      assert.equal(slotOf(request({ notBefore: at('12:00') })), 'no_common_availability');
    });

    it('keeps to the event’s dates: availability beyond them gives no slot there', () => {
      const req = request({ availability: [[span('08:00', '09:20')], [span('08:00', '13:00')]] });
      assert.equal(slotOf(req), '09:00-09:20');
      assert.equal(
        slotOf(request({ availability: [[span('11:50', '13:00')], [span('08:00', '13:00')]] })),
        'no_common_availability',
      );
    });
  });

  describe('tables on site', () => {
    const onSite = (
      tables: number,
      tableBookings: (Span & { table: number })[],
      more: Partial<SlotRequest> = {},
    ) => request({ event: event({ tables }), tableBookings, ...more });

    it('gives the lowest free table in the earliest slot', () => {
      assert.equal(slotOf(onSite(3, [])), '09:00-09:20 #1');
      assert.equal(slotOf(onSite(3, [{ ...span('09:00', '09:20'), table: 1 }])), '09:00-09:20 #2');
      assert.equal(
        slotOf(
          onSite(3, [
            { ...span('09:00', '09:20'), table: 1 },
            { ...span('09:00', '09:20'), table: 3 },
          ]),
        ),
        '09:00-09:20 #2',
      );
    });

    it('moves to the next slot when every table is taken, and a table frees when its meeting ends', () => {
      const full = [1, 2].map((table) => ({ ...span('09:00', '09:20'), table }));
      assert.equal(slotOf(onSite(2, full)), '09:20-09:40 #1');
      assert.equal(slotOf(onSite(2, [...full, { ...span('09:20', '09:40'), table: 1 }])), '09:20-09:40 #2');
    });

    it('says no_free_table when each slot free for both has every table taken', () => {
      const req = onSite(1, [{ ...span('09:00', '09:20'), table: 1 }], {
        availability: [[span('09:00', '09:20')], [span('09:00', '12:00')]],
      });
      assert.equal(slotOf(req), 'no_free_table');
    });

    it('an online event (no tables) places the meeting without a table', () => {
      assert.equal(
        slotOf(request({ tableBookings: [{ ...span('09:00', '09:20'), table: 1 }] })),
        '09:00-09:20',
      );
    });

    it('places meetings of one busy participant one after another until the morning is full, never overlapping', () => {
      const placed: (Span & { table?: number })[] = [];
      for (let i = 0; i < 12; i++) {
        const answer = findSlot(
          request({
            event: event({ tables: 2, endsAt: at('10:40') }),
            busy: [placed, []],
            tableBookings: placed as (Span & { table: number })[],
          }),
        );
        if (!answer.ok) {
          assert.equal(answer.reason, 'no_free_slot');
          break;
        }
        placed.push(answer.slot);
      }
      assert.deepEqual(placed.map(show), [
        '09:00-09:20 #1',
        '09:20-09:40 #1',
        '09:40-10:00 #1',
        '10:00-10:20 #1',
        '10:20-10:40 #1',
      ]);
    });
  });
});

describe('event meetings (pure rules)', () => {
  const m = (overrides: Record<string, unknown> = {}) => ({
    status: 'requested' as const,
    requesterOrgId: 'A',
    inviteeOrgId: 'B',
    outcomes: [],
    ...overrides,
  });
  const place = (s: { from: number; to: number }) => ({ $set: { startsAt: s.from } });
  const fails = (fn: () => unknown, code: string, message?: RegExp) =>
    assert.throws(
      fn,
      (err: unknown) =>
        err instanceof AppError && err.code === code && (!message || message.test(err.message)),
    );

  it('only the invitee accepts; an outsider is told nothing; no slot is a clear 409', () => {
    const free = () => ({ ok: true as const, slot: span('09:00', '09:20') });
    assert.deepEqual(planAcceptance(m(), 'B', free, place), { $set: { startsAt: at('09:00') } });
    fails(() => planAcceptance(m(), 'A', free, place), 'forbidden');
    fails(() => planAcceptance(m(), 'C', free, place), 'not_found');
    fails(
      () => planAcceptance(m(), 'B', () => ({ ok: false, reason: 'no_common_availability' }), place),
      'conflict',
      /availability/,
    );
    assert.equal(planAcceptance(m({ status: 'accepted' }), 'B', free, place), null);
    fails(() => planAcceptance(m({ status: 'declined' }), 'B', free, place), 'conflict');
  });

  it('either side cancels before the start, not after; a held meeting is accepted with an outcome or past its end', () => {
    const now = new Date(at('10:00'));
    assert.equal(planCancel(m(), 'A', now), 'cancelled');
    assert.equal(
      planCancel(m({ status: 'accepted', startsAt: new Date(at('11:00')) }), 'B', now),
      'cancelled',
    );
    fails(() => planCancel(m({ status: 'accepted', startsAt: new Date(at('09:40')) }), 'B', now), 'conflict');
    fails(
      () => assertOutcomeAllowed(m({ status: 'accepted', startsAt: new Date(at('11:00')) }), 'A', now),
      'conflict',
    );
    assert.equal(
      assertOutcomeAllowed(m({ status: 'accepted', startsAt: new Date(at('09:40')) }), 'B', now),
      'invitee',
    );
    assert.equal(meetingHeld(m({ status: 'accepted', endsAt: new Date(at('09:40')) }), now), true);
    assert.equal(meetingHeld(m({ status: 'accepted', endsAt: new Date(at('10:20')) }), now), false);
    assert.equal(
      meetingHeld(
        m({
          status: 'accepted',
          endsAt: new Date(at('10:20')),
          outcomes: [{ orgId: 'A', outcome: 'follow_up' }],
        }),
        now,
      ),
      true,
    );
    assert.equal(meetingHeld(m({ status: 'cancelled', endsAt: new Date(at('09:40')) }), now), false);
  });
});
