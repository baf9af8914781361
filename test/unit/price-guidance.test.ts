import assert from 'node:assert/strict';
import {
  GUIDANCE_MIN_DEALS,
  priceEvidence,
  priceGuidance,
  quantile,
  trlBand,
  withEntry,
  type PriceEntry,
} from '../../server/stats/price-guidance-rules';

const M = 1_000_000;
const entry = (
  d: string,
  v: number,
  b: PriceEntry['b'] = '7-9',
  m: PriceEntry['m'] = 'license_non_exclusive',
) => ({
  d,
  v,
  b,
  m,
});

describe('price guidance rules', () => {
  it('when there are fewer than five comparable deals, then only their number is told', () => {
    const four = [1, 2, 3, 4].map((i) => entry(`d${i}`, i * 100 * M));
    assert.equal(GUIDANCE_MIN_DEALS, 5);
    assert.deepEqual(priceGuidance(four, {}), { count: 4 });
    assert.deepEqual(priceGuidance([], {}), { count: 0 });
  });

  it('when there are five or more, then the quartiles are interpolated between ranks as PERCENTILE.INC does', () => {
    // Six values: ranks (n-1)q = 1.25, 2.5, 3.75 → 200 + ¼·100, (300 + 400)/2, 400 + ¾·100.
    const six = [300, 100, 1000, 200, 500, 400].map((v, i) => entry(`d${i}`, v * M));
    assert.deepEqual(priceGuidance(six, {}), { count: 6, p25: 225 * M, median: 350 * M, p75: 475 * M });
    // Five values: ranks 1, 2, 3 fall on values.
    const five = [100, 200, 300, 400, 1000].map((v, i) => entry(`d${i}`, v * M));
    assert.deepEqual(priceGuidance(five, {}), { count: 5, p25: 200 * M, median: 300 * M, p75: 400 * M });
  });

  it('when a TRL band or a transfer mode is asked, then only those deals compare', () => {
    const mixed = [
      ...[100, 200, 300, 400, 500].map((v, i) => entry(`a${i}`, v * M, '7-9')),
      entry('low', 9000 * M, '1-3'),
      entry('sold', 7000 * M, '7-9', 'assignment'),
    ];
    assert.deepEqual(priceGuidance(mixed, { trlBand: '1-3' }), { count: 1 });
    assert.equal(priceGuidance(mixed, { trlBand: '7-9' }).count, 6);
    assert.deepEqual(priceGuidance(mixed, { transferMode: 'license_non_exclusive' }), {
      count: 6, // 100 … 500 and the 9,000 of TRL 1–3: ranks 1.25, 2.5, 3.75
      p25: 225 * M,
      median: 350 * M,
      p75: 475 * M,
    });
  });

  it('rounds an interpolated quantile to a whole minor unit', () => {
    assert.equal(quantile([1, 2], 0.25), 1); // 1.25
    assert.equal(quantile([1, 4], 0.5), 3); // 2.5 rounds half up
    assert.equal(quantile([7], 0.75), 7);
  });

  it('bands TRLs as 1–3, 4–6 and 7–9, and anything else as no band', () => {
    assert.deepEqual([1, 3, 4, 6, 7, 9].map(trlBand), ['1-3', '1-3', '4-6', '4-6', '7-9', '7-9']);
    assert.equal(trlBand(0), undefined);
    assert.equal(trlBand(10), undefined);
    assert.equal(trlBand(undefined), undefined);
  });

  it('counts a deal whose agreement stands, at its agreed value and mode; a negotiating or lost deal not at all', () => {
    const deal = (status: string, sheet: Record<string, unknown>) => ({
      _id: 'd1',
      status,
      field: 'engineering_technology',
      agreedVersion: status === 'negotiating' ? undefined : 1,
      termSheets: [{ version: 1, price: 400 * M, currency: 'VND', exclusivity: true, ...sheet }],
    });
    assert.deepEqual(priceEvidence(deal('awaiting_payment', {}), { trl: 8 }), {
      bucket: 'price:engineering_technology:VND',
      entry: { d: 'd1', v: 400 * M, b: '7-9', m: 'license_exclusive' },
    });
    assert.equal(
      priceEvidence(deal('closed_won', { transferMode: 'assignment' }), {})!.entry.m,
      'assignment',
    );
    assert.equal(
      priceEvidence(deal('closed_won', { exclusivity: false }), {})!.entry.m,
      'license_non_exclusive',
    );
    assert.equal(priceEvidence(deal('negotiating', {}), {}), null);
    assert.equal(priceEvidence(deal('closed_lost', {}), {}), null);
    assert.equal(priceEvidence(deal('cancelled', {}), {}), null);
  });

  it('replaces a deal’s entry in its bucket, or takes it out', () => {
    const entries = [entry('a', 1), entry('b', 2)];
    assert.deepEqual(
      withEntry(entries, 'a', entry('a', 5)).map((e) => [e.d, e.v]),
      [
        ['b', 2],
        ['a', 5],
      ],
    );
    assert.deepEqual(
      withEntry(entries, 'b', null).map((e) => e.d),
      ['a'],
    );
  });
});
