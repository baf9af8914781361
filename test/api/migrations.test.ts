/**
 * Data migrations at start-up: a database written by the previous schema is brought up to date,
 * each migration runs once however many processes start together, and a failed one is retried.
 */
import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import { connectTestDatabase, resetDatabase } from '../helpers/test-app';
import { startTestExchange } from '../helpers/running-exchange';
import { MIGRATIONS } from '../../server/migrations';
import { appliedMigrations, runMigrations, type Migration } from '../../server/migrations/migration.store';
import { OfferModel } from '../../server/offers/offer.model';
import { DemandModel } from '../../server/demands/demand.model';
import { LockModel } from '../../server/common/locks';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An offer as the previous schema wrote it: no rev, no searchDirty, no createdMonth. */
function previousSchemaOffer(title: string, createdAt: Date) {
  return {
    _id: new mongoose.Types.ObjectId(),
    title,
    status: 'published',
    field: 'environment',
    createdAt,
    updatedAt: createdAt,
  };
}

describe('data migrations', function () {
  this.timeout(30000);
  before(connectTestDatabase);
  beforeEach(resetDatabase);

  it('when a database written by the previous schema starts, then its listings get revision, search mark and month, and current ones are left alone', async () => {
    const offers = OfferModel.collection;
    const old = previousSchemaOffer('Công nghệ xử lý nước thải', new Date('2025-03-14T08:00:00Z'));
    const current = {
      ...previousSchemaOffer('Máy sấy nông sản', new Date('2026-01-02T08:00:00Z')),
      rev: 7,
      searchDirty: false,
      createdMonth: '2026-01',
    };
    await offers.insertMany([old, current] as never[]);
    const oldDemand = previousSchemaOffer('Cần công nghệ lọc nước', new Date('2024-11-30T23:00:00Z'));
    await DemandModel.collection.insertOne(oldDemand as never);

    const exchange = await startTestExchange();
    try {
      const migrated = await offers.findOne({ _id: old._id });
      assert.equal(migrated?.rev, 0);
      assert.equal(migrated?.createdMonth, '2025-03');
      assert.equal(migrated?.title, 'Công nghệ xử lý nước thải', 'other fields are kept');
      const untouched = await offers.findOne({ _id: current._id });
      assert.equal(untouched?.rev, 7);
      assert.equal(untouched?.searchDirty, false);
      const demand = await DemandModel.collection.findOne({ _id: oldDemand._id });
      assert.equal(demand?.createdMonth, '2024-11');
      assert.deepEqual(
        await appliedMigrations(),
        MIGRATIONS.map((m) => m.id),
      );
    } finally {
      await exchange.stop();
    }
  });

  it('when migrations run again, then nothing runs twice', async () => {
    let runs = 0;
    const counting: Migration = { id: '900-count', description: 'counts', up: async () => void runs++ };
    assert.deepEqual(await runMigrations([counting]), ['900-count']);
    assert.deepEqual(await runMigrations([counting]), []);
    assert.equal(runs, 1);
  });

  it('when two processes start at once, then each migration runs once and the second waits for it', async () => {
    let running = 0;
    let runs = 0;
    const slow: Migration = {
      id: '900-slow',
      description: 'slow',
      async up() {
        running++;
        assert.equal(running, 1, 'never two at once');
        await sleep(300);
        runs++;
        running--;
      },
    };
    const [a, b] = await Promise.all([runMigrations([slow]), runMigrations([slow])]);
    assert.equal(runs, 1);
    assert.deepEqual([...a, ...b], ['900-slow']);
    assert.equal(
      await LockModel.collection.countDocuments({ _id: 'migrations' } as never),
      0,
      'the lock is released',
    );
  });

  it('when a migration fails, then it is not recorded, later ones do not run, and the next start retries it', async () => {
    let attempts = 0;
    let laterRan = false;
    const flaky: Migration = {
      id: '900-flaky',
      description: 'fails once',
      async up() {
        if (++attempts === 1) throw new Error('disk full');
      },
    };
    const later: Migration = {
      id: '901-later',
      description: 'later',
      up: async () => void (laterRan = true),
    };
    await assert.rejects(() => runMigrations([flaky, later]), /disk full/);
    assert.deepEqual(await appliedMigrations(), []);
    assert.equal(laterRan, false);
    assert.deepEqual(await runMigrations([flaky, later]), ['900-flaky', '901-later']);
  });

  it('when migration ids are out of order, then nothing runs', async () => {
    const noop = async () => undefined;
    await assert.rejects(
      () =>
        runMigrations([
          { id: '002-b', description: 'b', up: noop },
          { id: '001-a', description: 'a', up: noop },
        ]),
      /unique and in order/,
    );
    assert.deepEqual(await appliedMigrations(), []);
  });
});
