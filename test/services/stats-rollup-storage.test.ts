/**
 * How a month's statistics are stored: its sections (hundreds of counters at a city's scale) are
 * one packed string in its document, which FerretDB writes as one element, and they read back as
 * the counters they were.
 */
import assert from 'node:assert/strict';
import { connectTestDatabase } from '../helpers/test-app';
import { StatsRollupModel } from '../../server/stats/stats-rollup.model';
import { addToMonth, readRollups } from '../../server/stats/stats-rollup.store';
import { clearRecordCaches } from '../../server/common/record-cache';

describe('statistics rollup storage', () => {
  before(connectTestDatabase);
  beforeEach(async () => {
    await StatsRollupModel.deleteMany({});
    clearRecordCaches();
  });

  it('when counters are added to a month, then its document holds them in one string, and they read back as added', async () => {
    await addToMonth('2031-04', [
      ['2031-04\tc\toffer|energy\tn', 3],
      ['2031-04\tb\tdeal|energy\tpaid:VND', 450_000_000],
    ]);
    await addToMonth('2031-04', [['2031-04\tc\toffer|energy\tn', 2]]);
    const stored = (await StatsRollupModel.collection.findOne({
      _id: '2031-04',
    } as never)) as unknown as Record<string, unknown>;
    assert.deepEqual(Object.keys(stored).sort(), ['_id', 'packed']);
    assert.equal(typeof stored.packed, 'string');
    clearRecordCaches();
    const { docs } = await readRollups(['2031-04']);
    assert.deepEqual(docs, [
      {
        _id: '2031-04',
        c: { 'offer|energy': { n: 5 } },
        b: { 'deal|energy': { 'paid:VND': 450_000_000 } },
        h: {},
      },
    ]);
  });
});
