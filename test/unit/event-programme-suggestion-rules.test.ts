/**
 * The pure rules of suggested meetings (server/events/suggestion-rules.ts) and of an event's
 * programme of pitch sessions (server/events/programme-rules.ts).
 */
import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import { AppError } from '../../server/common/errors';
import type { EventDoc } from '../../server/events/event.store';
import type { MatchableDemand, MatchableOffer } from '../../server/matching/matchable';
import {
  lookingForKey,
  meetingListingOf,
  MIN_SUGGESTION_SCORE,
  planSuggestions,
  relevanceAsks,
  type Participant,
} from '../../server/events/suggestion-rules';
import {
  MAX_SESSIONS,
  planAddSession,
  planEditSession,
  planRemoveSession,
  programmeConflicts,
  sessionProblems,
  speakingSessionEntries,
  type SessionInput,
} from '../../server/events/programme-rules';

const offer = (id: string, orgId: string, extra: Partial<MatchableOffer> = {}): MatchableOffer => ({
  kind: 'offer',
  id,
  organizationId: orgId,
  title: `Offer ${id}`,
  summary: '',
  keywords: ['nước thải', 'màng sinh học'],
  field: 'engineering_technology',
  subField: null,
  transferModes: ['license_exclusive'],
  description: '',
  trl: 7,
  ...extra,
});
const demand = (id: string, orgId: string, extra: Partial<MatchableDemand> = {}): MatchableDemand => ({
  kind: 'demand',
  id,
  organizationId: orgId,
  title: `Demand ${id}`,
  summary: '',
  keywords: ['nước thải'],
  field: 'engineering_technology',
  subField: null,
  transferModes: ['license_exclusive'],
  problem: '',
  desiredOutcome: '',
  minTrl: 5,
  ...extra,
});

describe('suggested meetings (pure rules)', () => {
  const me: Participant = {
    orgId: 'org-me',
    role: 'visitor',
    listings: [{ listing: demand('d1', 'org-me'), shown: false }],
    lookingFor: 'công nghệ xử lý nước thải',
  };
  const good: Participant = {
    orgId: 'org-good',
    role: 'exhibitor',
    listings: [{ listing: offer('o1', 'org-good'), shown: true }],
  };
  const weak: Participant = {
    orgId: 'org-weak',
    role: 'exhibitor',
    listings: [
      { listing: offer('o2', 'org-weak', { field: 'medical_health', keywords: [], trl: 2 }), shown: true },
    ],
  };
  const sameKind: Participant = {
    orgId: 'org-demands',
    role: 'visitor',
    listings: [{ listing: demand('d2', 'org-demands'), shown: false }],
  };
  const none = () => 0;

  it('when a participant’s demand matches an exhibitor’s offer, then the exhibitor is suggested with the pair, the score and the shown listing to meet about; weak pairs and demands against demands are not', () => {
    const out = planSuggestions({
      me,
      others: [weak, sameKind, good],
      relevance: none,
      openMeetings: new Map(),
      limit: 10,
    });
    assert.deepEqual(
      out.map((s) => s.orgId),
      ['org-good'],
    );
    const [s] = out;
    assert.ok(s.score >= MIN_SUGGESTION_SCORE);
    assert.equal(s.meetingListingId, 'o1');
    const pair = s.pairs[0];
    assert.ok('listing' in pair.mine && pair.mine.listing.listing.id === 'd1');
    assert.ok('listing' in pair.theirs && pair.theirs.listing.listing.id === 'o1');
    assert.ok(pair.reasons.some((r) => r.code === 'same_field'));
    assert.equal(s.openMeeting, undefined);
  });

  it('when several organisations match, then the best comes first, the limit holds, and an open meeting is named', () => {
    const better: Participant = {
      orgId: 'org-better',
      role: 'exhibitor',
      listings: [{ listing: offer('o3', 'org-better', { province: null }), shown: true }],
    };
    const relevance = (source: string, id: string) => (source === 'd1' && id === 'o3' ? 1 : 0);
    const open = new Map([['org-good', { id: 'm1', status: 'requested' as const }]]);
    const out = planSuggestions({ me, others: [good, better], relevance, openMeetings: open, limit: 10 });
    assert.deepEqual(
      out.map((s) => s.orgId),
      ['org-better', 'org-good'],
    );
    assert.ok(out[0].score > out[1].score);
    assert.deepEqual(out[1].openMeeting, { id: 'm1', status: 'requested' });
    assert.equal(
      planSuggestions({ me, others: [good, better], relevance, openMeetings: open, limit: 1 }).length,
      1,
    );
  });

  it('when only the text of what one looks for is close to an offer, then that pair is suggested from the words alone', () => {
    const textOnly: Participant = {
      orgId: 'org-me',
      role: 'visitor',
      listings: [],
      lookingFor: 'xử lý nước thải',
    };
    const far: Participant = {
      orgId: 'org-far',
      role: 'exhibitor',
      listings: [{ listing: offer('o9', 'org-far', { field: 'medical_health' }), shown: true }],
    };
    const relevance = (source: string, id: string) =>
      source === lookingForKey('org-me') && id === 'o9' ? 0.9 : 0;
    const [s] = planSuggestions({
      me: textOnly,
      others: [far],
      relevance,
      openMeetings: new Map(),
      limit: 5,
    });
    assert.equal(s.orgId, 'org-far');
    assert.deepEqual(s.pairs[0].mine, { lookingFor: 'xử lý nước thải' });
    assert.ok(s.pairs[0].reasons.some((r) => r.code === 'text_relevant'));
    assert.equal(
      planSuggestions({ me: textOnly, others: [far], relevance: none, openMeetings: new Map(), limit: 5 })
        .length,
      0,
    );
  });

  it('when an exhibitor’s offer matches what a visitor looks for, then the exhibitor sees the visitor', () => {
    const exhibitor: Participant = {
      orgId: 'org-ex',
      role: 'exhibitor',
      listings: [{ listing: offer('o5', 'org-ex'), shown: true }],
    };
    const visitor: Participant = {
      orgId: 'org-v',
      role: 'visitor',
      listings: [],
      lookingFor: 'màng sinh học',
    };
    const relevance = (source: string, id: string) =>
      source === lookingForKey('org-v') && id === 'o5' ? 1 : 0;
    const [s] = planSuggestions({
      me: exhibitor,
      others: [visitor],
      relevance,
      openMeetings: new Map(),
      limit: 5,
    });
    assert.equal(s.orgId, 'org-v');
    assert.deepEqual(s.pairs[0].theirs, { lookingFor: 'màng sinh học' });
    assert.equal(s.meetingListingId, 'o5', 'the exhibitor’s own shown listing');
  });

  it('the meeting is about their shown listing first, then mine; none when neither is shown', () => {
    const l = (id: string, shown: boolean) => ({ listing: { listing: offer(id, 'x'), shown } });
    assert.equal(
      meetingListingOf([{ mine: l('a', true), theirs: l('b', true), score: 1, reasons: [] }]),
      'b',
    );
    assert.equal(
      meetingListingOf([{ mine: l('a', true), theirs: l('b', false), score: 1, reasons: [] }]),
      'a',
    );
    assert.equal(
      meetingListingOf([{ mine: l('a', false), theirs: l('b', false), score: 1, reasons: [] }]),
      undefined,
    );
  });

  it('the search engine is asked, per listing or text, only about the counterpart listings of the event', () => {
    const asks = relevanceAsks(me, [good, weak, sameKind]);
    assert.deepEqual(
      asks.map((a) => [a.sourceKey, a.kind, a.ids]),
      [
        ['d1', 'offer', ['o1', 'o2']],
        [lookingForKey('org-me'), 'offer', ['o1', 'o2']],
      ],
    );
  });
});

describe('programme of pitch sessions (pure rules)', () => {
  const d = (hhmm: string) => new Date(`2027-03-10T${hhmm}:00Z`);
  const event = (programme: EventDoc['programme'] = [], status?: 'cancelled') =>
    ({ startsAt: d('09:00'), endsAt: d('12:00'), programme, ...(status ? { status } : {}) }) as EventDoc;
  const input = (over: Partial<SessionInput> = {}): SessionInput => ({
    title: 'Màng sinh học MBBR',
    startsAt: d('09:30'),
    endsAt: d('09:45'),
    online: false,
    room: 'Phòng A',
    speakerOrganizationId: 'org-1',
    ...over,
  });
  const fields = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      assert.ok(err instanceof AppError);
      return { code: err.code, fields: (err.details ?? []).map((x) => x.field) };
    }
    assert.fail('expected a refusal');
  };

  it('a session lies within the event, ends after it starts and has a room unless online', () => {
    assert.deepEqual(sessionProblems(event(), input()), []);
    assert.deepEqual(sessionProblems(event(), input({ online: true, room: undefined })), []);
    assert.deepEqual(
      sessionProblems(event(), input({ startsAt: d('08:50') })).map((p) => p.field),
      ['startsAt'],
    );
    assert.deepEqual(
      sessionProblems(event(), input({ endsAt: d('12:10') })).map((p) => p.field),
      ['endsAt'],
    );
    assert.deepEqual(
      sessionProblems(event(), input({ endsAt: d('09:30') })).map((p) => p.field),
      ['endsAt'],
    );
    assert.deepEqual(
      sessionProblems(event(), input({ room: ' ' })).map((p) => p.field),
      ['room'],
    );
  });

  it('sessions are added in time order; a bad one, a cancelled event or a full programme is refused', () => {
    const first = new mongoose.Types.ObjectId();
    const a = planAddSession(event(), first, input({ startsAt: d('10:30'), endsAt: d('10:45') }), 'admin');
    const stored = (a.change.$set as { programme: NonNullable<EventDoc['programme']> }).programme;
    const b = planAddSession(event(stored), new mongoose.Types.ObjectId(), input(), 'admin');
    const both = (b.change.$set as { programme: NonNullable<EventDoc['programme']> }).programme;
    assert.deepEqual(
      both.map((s) => s.startsAt.toISOString()),
      [d('09:30').toISOString(), d('10:30').toISOString()],
    );
    assert.deepEqual(
      fields(() => planAddSession(event(), first, input({ endsAt: d('13:00') }), 'x')),
      {
        code: 'validation_failed',
        fields: ['endsAt'],
      },
    );
    assert.equal(fields(() => planAddSession(event([], 'cancelled'), first, input(), 'x')).code, 'conflict');
    const full = Array.from({ length: MAX_SESSIONS }, () => ({ ...stored[0] }));
    assert.equal(fields(() => planAddSession(event(full), first, input(), 'x')).code, 'conflict');
  });

  it('a session is changed as a whole (going online drops the room, a new speaker drops the old pitch), removed, and an unknown one is not found', () => {
    const id = new mongoose.Types.ObjectId();
    const { session } = planAddSession(
      event(),
      id,
      input({ listing: { kind: 'offer', id: 'l1', title: 'MBBR' } }),
      'admin',
    );
    const online = planEditSession(event([session]), String(id), { online: true });
    assert.equal(online.session.room, undefined);
    assert.equal(online.session.online, true);
    assert.equal(online.session.listing?.id, 'l1');
    const other = planEditSession(event([session]), String(id), { speakerOrganizationId: 'org-2' });
    assert.equal(other.session.listing, undefined);
    assert.equal(planEditSession(event([session]), String(id), { title: session.title }).change, null);
    assert.deepEqual(
      fields(() => planEditSession(event([session]), String(id), { startsAt: d('11:00') })).fields,
      ['endsAt'],
    );
    assert.equal(fields(() => planEditSession(event([session]), 'nope', { title: 'x' })).code, 'not_found');
    const removed = planRemoveSession(event([session]), String(id)).change.$set as { programme: unknown[] };
    assert.deepEqual(removed.programme, []);
    assert.equal(fields(() => planRemoveSession(event([]), String(id))).code, 'not_found');
  });

  it('an event’s new dates may not leave a session outside it', () => {
    const programme = [{ title: 'A', startsAt: d('09:30'), endsAt: d('09:45') }];
    assert.deepEqual(programmeConflicts({ programme }, { startsAt: d('09:00'), endsAt: d('12:00') }), []);
    assert.deepEqual(
      programmeConflicts({ programme }, { startsAt: d('10:00'), endsAt: d('12:00') }).map((c) => c.field),
      ['startsAt'],
    );
    assert.deepEqual(
      programmeConflicts({ programme }, { startsAt: d('09:00'), endsAt: d('09:40') }).map((c) => c.field),
      ['endsAt'],
    );
  });

  it('the sessions the organization speaks in are entries of its iCalendar agenda, with a reminder', () => {
    const id = new mongoose.Types.ObjectId();
    const mine = planAddSession(
      event(),
      id,
      input({ listing: { kind: 'offer', id: 'l1', title: 'MBBR' } }),
      'a',
    ).session;
    const theirs = planAddSession(
      event(),
      new mongoose.Types.ObjectId(),
      input({ speakerOrganizationId: 'org-2' }),
      'a',
    ).session;
    const e = { ...event([theirs, mine]), venue: 'Hà Nội', updatedAt: d('08:00') } as EventDoc;
    const entries = speakingSessionEntries(e, 'org-1', {
      vi: false,
      host: 'sangiao.vn',
      alarmMinutesBefore: 15,
    });
    assert.deepEqual(entries, [
      {
        uid: `session-${String(id)}@sangiao.vn`,
        start: d('09:30'),
        end: d('09:45'),
        stamp: d('08:00'),
        summary: 'Pitch: Màng sinh học MBBR',
        location: 'Hà Nội — Room Phòng A',
        description: 'About: MBBR',
        alarmMinutesBefore: 15,
      },
    ]);
  });
});
