import assert from 'node:assert/strict';
import {
  applyDeltas,
  byMonth,
  changeDeltas,
  medianOf,
  previousPeriod,
  publicFigures,
  summarize,
  wholeMonths,
  type RollupDoc,
} from '../../server/stats/stats-rules';
import { neutralizeCell } from '../../server/common/table-export';

const offer = (over: Record<string, unknown> = {}) => ({
  type: 'offer' as const,
  doc: {
    field: 'medical_health',
    province: 'ha_noi',
    status: 'draft',
    createdMonth: '2026-02',
    ...over,
  },
});

function rollups(...changes: Map<string, number>[]): RollupDoc[] {
  const docs = new Map<string, RollupDoc>();
  for (const deltas of changes)
    for (const [month, entries] of byMonth(deltas))
      docs.set(month, applyDeltas(docs.get(month) ?? { _id: month }, entries));
  return [...docs.values()];
}

describe('statistics rules', () => {
  it('when a listing is published, then only its status and publication change the rollups', () => {
    const before = offer();
    const after = offer({
      status: 'published',
      publishedAt: new Date('2026-03-02T00:00:00Z'),
      searchDirty: true,
    });
    assert.deepEqual(
      [...changeDeltas(before, after)].sort(),
      [
        ['2026-02\tc\toffer|medical_health|ha_noi\tst:draft', -1],
        ['2026-02\tc\toffer|medical_health|ha_noi\tst:published', 1],
        ['2026-03\tc\toffer|medical_health|ha_noi\tpub', 1],
      ].sort(),
    );
    assert.equal(changeDeltas(after, { ...after, doc: { ...after.doc, searchDirty: false } }).size, 0);
  });

  it('when counters fall back to zero, then the rollup drops them', () => {
    const created = changeDeltas(null, offer());
    const removed = changeDeltas(offer(), null);
    assert.deepEqual(rollups(created, removed), [{ _id: '2026-02', c: {}, b: {}, h: {} }]);
  });

  it('when a deal is agreed and won, then its value, stages and broker are counted in their months', () => {
    const deal = {
      field: 'medical_health',
      status: 'closed_won',
      createdMonth: '2026-01',
      createdAt: new Date('2026-01-10T00:00:00Z'),
      agreedVersion: 1,
      termSheets: [{ price: 900, currency: 'USD' }],
      timeline: [{ to: 'agreed', at: new Date('2026-01-20T00:00:00Z') }],
      closedAt: new Date('2026-02-04T00:00:00Z'),
      brokerUserId: 'b1',
    };
    const place = { province: 'da_nang', publishedAt: new Date('2026-01-01T00:00:00Z') };
    const s = summarize(rollups(changeDeltas(null, { type: 'deal', doc: deal, place })), [
      '2026-01',
      '2026-02',
    ]);
    assert.deepEqual(s.funnel, { published: 0, withBids: 0, dealsOpened: 1, agreed: 1, closedWon: 1 });
    assert.deepEqual(s.dealValue, { USD: 900 });
    assert.deepEqual(s.agreedValueByMonth, { '2026-01': { USD: 900 } });
    assert.deepEqual(s.medianDays, { firstBid: null, dealOpened: 9, agreed: 10, closedWon: 15 });
    assert.deepEqual(s.brokers, [{ userId: 'b1', deals: 1, closedWon: 1 }]);
    assert.deepEqual(s.deals.byProvince, { da_nang: 1 });
  });

  it('when a deal signs its agreement, delivers and completes, then the agreement and the transfer count apart, each in its month', () => {
    const place = { province: 'ha_noi', publishedAt: new Date('2026-01-01T00:00:00Z') };
    const agreed = {
      field: 'engineering_technology',
      status: 'awaiting_payment',
      createdMonth: '2026-01',
      createdAt: new Date('2026-01-10T00:00:00Z'),
      agreedVersion: 1,
      termSheets: [{ price: 500, currency: 'VND', milestones: [{ title: 'Bản vẽ' }] }],
      timeline: [{ to: 'agreed', at: new Date('2026-01-20T00:00:00Z') }],
    };
    const delivering = { ...agreed, status: 'delivering', delivery: [{ n: 1, status: 'delivered' }] };
    const won = {
      ...delivering,
      status: 'closed_won',
      delivery: [{ n: 1, status: 'accepted' }],
      closedAt: new Date('2026-03-04T00:00:00Z'),
    };
    const at = (doc: Record<string, unknown>) => ({ type: 'deal' as const, doc, place });
    const months = ['2026-01', '2026-02', '2026-03'];
    // Delivering: the agreement is signed, the transfer not completed; a milestone's step changes nothing.
    const midway = rollups(changeDeltas(null, at(agreed)), changeDeltas(at(agreed), at(delivering)));
    assert.equal(
      changeDeltas(at(delivering), at({ ...delivering, delivery: [{ n: 1, status: 'pending' }] })).size,
      0,
    );
    assert.deepEqual(summarize(midway, months).transfers, {
      agreementsSigned: 1,
      transfersCompleted: 0,
      byMonth: [
        { key: '2026-01', agreementsSigned: 1, transfersCompleted: 0 },
        { key: '2026-02', agreementsSigned: 0, transfersCompleted: 0 },
        { key: '2026-03', agreementsSigned: 0, transfersCompleted: 0 },
      ],
      byField: [{ key: 'engineering_technology', agreementsSigned: 1, transfersCompleted: 0 }],
    });
    // Completed: counted in the month it closed; the same as a rebuild from the record as it is.
    const followed = rollups(
      changeDeltas(null, at(agreed)),
      changeDeltas(at(agreed), at(delivering)),
      changeDeltas(at(delivering), at(won)),
    );
    const s = summarize(followed, months);
    assert.deepEqual(s.transfers, summarize(rollups(changeDeltas(null, at(won))), months).transfers);
    assert.deepEqual(
      s.transfers.byMonth.map((r) => [r.key, r.agreementsSigned, r.transfersCompleted]),
      [
        ['2026-01', 1, 0],
        ['2026-02', 0, 0],
        ['2026-03', 0, 1],
      ],
    );
    assert.deepEqual(
      [s.transfers.agreementsSigned, s.transfers.transfersCompleted],
      [s.funnel.agreed, s.funnel.closedWon],
    );
    // Only the period's months count.
    assert.deepEqual(summarize(followed, ['2026-02', '2026-03']).transfers.agreementsSigned, 0);
    const open = publicFigures(summarize(followed, months), summarize(followed, months, 'field'));
    assert.deepEqual([open.totals.agreementsSigned, open.totals.transfersCompleted], [1, 1]);
    assert.deepEqual(
      open.byMonth.map((r) => [r.key, r.agreementsSigned, r.transfersCompleted]),
      [
        ['2026-01', 1, 0],
        ['2026-02', 0, 0],
        ['2026-03', 0, 1],
      ],
    );
  });

  it('the median of a histogram is the lower middle value', () => {
    assert.equal(
      medianOf(
        new Map([
          [3, 1],
          [7, 1],
        ]),
      ),
      3,
    );
    assert.equal(
      medianOf(
        new Map([
          [1, 1],
          [4, 2],
          [9, 1],
          [2, 1],
        ]),
      ),
      4,
    );
    assert.equal(medianOf(new Map()), null);
  });

  it('a period is widened to whole months and compared with the months right before', () => {
    const p = wholeMonths(new Date('2026-01-15T00:00:00Z'), new Date('2026-03-02T00:00:00Z'));
    assert.deepEqual(p.months, ['2026-01', '2026-02', '2026-03']);
    assert.equal(p.to.toISOString(), '2026-04-01T00:00:00.000Z');
    assert.deepEqual(previousPeriod(p).months, ['2025-10', '2025-11', '2025-12']);
  });

  it('text that a spreadsheet would run as a formula is neutralised; numbers are kept', () => {
    for (const s of ['=1+2', '+1', '-cmd', '@SUM(A1)', '\tx', '\rx'])
      assert.equal(neutralizeCell(s), `'${s}`);
    assert.equal(neutralizeCell('Hà Nội'), 'Hà Nội');
    assert.equal(neutralizeCell(-5), -5);
  });

  it('open data shows an agreed value only where three deals or more were agreed', () => {
    const deal = (price: number, month: string) => ({
      type: 'deal' as const,
      doc: {
        field: 'medical_health',
        status: 'agreed',
        createdMonth: month,
        createdAt: new Date(`${month}-02T00:00:00Z`),
        agreedVersion: 1,
        termSheets: [{ price, currency: 'VND' }],
        timeline: [{ to: 'agreed', at: new Date(`${month}-05T00:00:00Z`) }],
      },
      place: {},
    });
    const docs = rollups(
      changeDeltas(null, deal(100, '2026-01')),
      changeDeltas(null, deal(200, '2026-02')),
      changeDeltas(null, deal(300, '2026-02')),
      changeDeltas(null, deal(400, '2026-02')),
    );
    const months = ['2026-01', '2026-02'];
    const open = publicFigures(summarize(docs, months, 'month'), summarize(docs, months, 'field'));
    assert.equal(open.byMonth[0].agreedValue, undefined);
    assert.deepEqual(open.byMonth[1].agreedValue, { VND: 900 });
    assert.deepEqual(open.totals.agreedValue, { VND: 1000 });
  });
});
