import assert from 'node:assert/strict';
import {
  agreementTime,
  licenceEndsAt,
  nextPeriod,
  nextPeriodEnd,
  periodBounds,
  periodContaining,
  periodFiled,
  periodsDue,
  periodsToRemind,
  royaltyCadenceOf,
  royaltyTermsOf,
} from '../../server/deals/royalty-schedule';

/** An instant given in Vietnam's time (UTC+7). */
const vn = (local: string) => new Date(`${local}+07:00`);

describe('royalty reporting periods (pure rules)', () => {
  it('when the terms name no cadence, then reports are quarterly; monthly when they say so', () => {
    assert.equal(royaltyCadenceOf(undefined), 'quarterly');
    assert.equal(royaltyCadenceOf({}), 'quarterly');
    assert.equal(royaltyCadenceOf({ royaltyReporting: null }), 'quarterly');
    assert.equal(royaltyCadenceOf({ royaltyReporting: 'quarterly' }), 'quarterly');
    assert.equal(royaltyCadenceOf({ royaltyReporting: 'monthly' }), 'monthly');
  });

  it('when an instant is placed in a period, then it is by Vietnam’s calendar, not UTC’s', () => {
    // 31 March 2026, 18:00 UTC is already 1 April in Hà Nội.
    const t = new Date('2026-03-31T18:00:00Z');
    assert.equal(periodContaining(t, 'monthly'), '2026-04');
    assert.equal(periodContaining(t, 'quarterly'), '2026-Q2');
    assert.equal(periodContaining(vn('2026-03-31T23:59:59'), 'quarterly'), '2026-Q1');
    assert.equal(periodContaining(vn('2026-12-31T12:00:00'), 'monthly'), '2026-12');
  });

  it('when a period’s bounds are asked, then it runs from local midnight to the next period’s', () => {
    assert.deepEqual(periodBounds('2026-Q1'), {
      start: vn('2026-01-01T00:00:00'),
      end: vn('2026-04-01T00:00:00'),
    });
    assert.deepEqual(periodBounds('2026-02'), {
      start: vn('2026-02-01T00:00:00'),
      end: vn('2026-03-01T00:00:00'),
    });
    assert.deepEqual(periodBounds('2026-Q4').end, vn('2027-01-01T00:00:00'));
    assert.equal(nextPeriod('2026-12'), '2027-01');
    assert.equal(nextPeriod('2026-Q4'), '2027-Q1');
    assert.equal(nextPeriod('2026-Q2'), '2026-Q3');
  });

  it('when periods fall due, then the first is the agreement’s own, each is due once it has ended, none before', () => {
    const terms = { agreedAt: vn('2026-02-10T09:00:00'), cadence: 'quarterly' as const };
    assert.deepEqual(periodsDue(terms, vn('2026-03-31T23:59:59')), []);
    assert.deepEqual(periodsDue(terms, vn('2026-04-01T00:00:00')), ['2026-Q1']);
    assert.deepEqual(periodsDue(terms, vn('2026-11-15T00:00:00')), ['2026-Q1', '2026-Q2', '2026-Q3']);
    const monthly = { ...terms, cadence: 'monthly' as const };
    assert.deepEqual(periodsDue(monthly, vn('2026-04-02T00:00:00')), ['2026-02', '2026-03']);
  });

  it('when the licence has a duration, then no period starting after it ends is due, and the reminder stops', () => {
    const agreedAt = vn('2026-02-10T09:00:00');
    const endsAt = licenceEndsAt(agreedAt, 6)!; // 10 August 2026
    assert.equal(endsAt.toISOString(), '2026-08-10T02:00:00.000Z');
    assert.equal(licenceEndsAt(agreedAt, null), null);
    assert.equal(licenceEndsAt(agreedAt, 0), null);
    const terms = { agreedAt, cadence: 'quarterly' as const, endsAt };
    // Q3 starts before the licence ends (1 July < 10 August): its report is still owed.
    assert.deepEqual(periodsDue(terms, vn('2027-06-01T00:00:00')), ['2026-Q1', '2026-Q2', '2026-Q3']);
    assert.deepEqual(nextPeriodEnd(terms, vn('2026-08-01T00:00:00')), vn('2026-10-01T00:00:00'));
    assert.equal(nextPeriodEnd(terms, vn('2026-10-01T00:00:00')), null);
  });

  it('when the reminder asks when to look again, then it is the end of the period holding now (or the agreement)', () => {
    const terms = { agreedAt: vn('2026-02-10T09:00:00'), cadence: 'quarterly' as const };
    assert.deepEqual(nextPeriodEnd(terms, vn('2026-02-10T09:00:00')), vn('2026-04-01T00:00:00'));
    assert.deepEqual(nextPeriodEnd(terms, vn('2026-01-05T00:00:00')), vn('2026-04-01T00:00:00'));
    // Run right at a period's end: the next one's end.
    assert.deepEqual(nextPeriodEnd(terms, vn('2026-04-01T00:00:00')), vn('2026-07-01T00:00:00'));
    const monthly = { ...terms, cadence: 'monthly' as const };
    assert.deepEqual(nextPeriodEnd(monthly, vn('2026-02-28T23:00:00')), vn('2026-03-01T00:00:00'));
  });

  it('when reports were filed, then a period counts as filed by its own report, a quarter by its three months, a month by its quarter', () => {
    assert.equal(periodFiled('2026-Q1', ['2026-Q1']), true);
    assert.equal(periodFiled('2026-Q1', ['2026-01', '2026-02', '2026-03']), true);
    assert.equal(periodFiled('2026-Q1', ['2026-01', '2026-03']), false);
    assert.equal(periodFiled('2026-Q4', ['2026-10', '2026-11', '2026-12']), true);
    assert.equal(periodFiled('2026-05', ['2026-Q2']), true);
    assert.equal(periodFiled('2026-05', ['2026-Q3', '2026-04']), false);
    const terms = { agreedAt: vn('2026-02-10T09:00:00'), cadence: 'quarterly' as const };
    assert.deepEqual(periodsToRemind(terms, ['2026-Q2'], vn('2026-10-01T00:00:00')), ['2026-Q1', '2026-Q3']);
    assert.deepEqual(
      periodsToRemind(terms, ['2026-Q1', '2026-Q2', '2026-Q3'], vn('2026-10-01T00:00:00')),
      [],
    );
  });

  it('when a deal’s terms are read, then the agreement comes from the timeline, and terms without a royalty owe no reports', () => {
    const agreedAt = new Date('2026-02-10T02:00:00Z');
    const fallback = new Date('2026-05-01T00:00:00Z');
    const deal = {
      agreedVersion: 2,
      termSheets: [{ royaltyPct: 1 }, { royaltyPct: 3, royaltyReporting: 'monthly', durationMonths: 12 }],
      timeline: [
        { at: new Date('2026-01-01T00:00:00Z'), to: 'negotiating' },
        { at: agreedAt, to: 'agreed' },
      ],
    };
    assert.equal(agreementTime(deal)?.toISOString(), agreedAt.toISOString());
    assert.deepEqual(royaltyTermsOf(deal, fallback), {
      agreedAt,
      cadence: 'monthly',
      endsAt: new Date('2027-02-10T02:00:00Z'),
    });
    assert.equal(royaltyTermsOf({ ...deal, timeline: [] }, fallback)?.agreedAt, fallback);
    assert.equal(royaltyTermsOf({ ...deal, agreedVersion: null }, fallback), null);
    assert.equal(royaltyTermsOf({ ...deal, termSheets: [{}, { royaltyPct: 0 }] }, fallback), null);
  });
});
