/**
 * The FerretDB patch we carry (scripts/services/ferretdb/id-index.patch): lookups by `_id`, also
 * with other conditions or as `$in`, read through the unique `_id` index instead of scanning.
 * On a real MongoDB (MONGODB_URI) the plan has another shape and these cases do not apply.
 */
import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import { connectTestDatabase } from '../helpers/test-app';
import { skipBecause } from '../helpers/skip';

type Plan = string[];

async function sqlitePlan(filter: Record<string, unknown>): Promise<{ plan: Plan; pushdown: boolean }> {
  const db = mongoose.connection.db!;
  const res = await db.command({
    explain: { find: 'ferret_patch_probe', filter },
    verbosity: 'queryPlanner',
  });
  const planner = res.queryPlanner as { Plan?: Plan } | undefined;
  return { plan: planner?.Plan ?? [], pushdown: Boolean(res.filterPushdown) };
}

const details = (plan: Plan) => plan.join(' | ');

describe('FerretDB patch: _id lookups use the _id index', function () {
  let ferret = true;
  const ids = ['a-1', 'a-2', 'a-3'];
  const oid = new mongoose.Types.ObjectId();

  before(async function () {
    await connectTestDatabase();
    const build = await mongoose.connection.db!.admin().command({ buildInfo: 1 });
    ferret = typeof build.ferretdbVersion === 'string';
    if (!ferret) skipBecause(this, 'the database is not FerretDB (MONGODB_URI points elsewhere)');
    const c = mongoose.connection.db!.collection('ferret_patch_probe');
    await c.deleteMany({});
    await c.insertMany([...ids.map((_id, i) => ({ _id, n: i }) as never), { _id: oid, n: 9 } as never]);
  });

  after(async () => {
    if (ferret)
      await mongoose.connection
        .db!.collection('ferret_patch_probe')
        .drop()
        .catch(() => undefined);
  });

  it('when a document is found by a string _id, then SQLite searches the _id index', async () => {
    const { plan, pushdown } = await sqlitePlan({ _id: 'a-2' });
    assert.equal(pushdown, true);
    assert.match(details(plan), /SEARCH .* USING INDEX/);
    assert.doesNotMatch(details(plan), /\bSCAN\b/);
  });

  it('when a document is found by an ObjectId, then SQLite searches the _id index', async () => {
    const { plan } = await sqlitePlan({ _id: oid });
    assert.match(details(plan), /SEARCH .* USING INDEX/);
  });

  it('when the filter adds conditions to _id, then the _id index still narrows the read', async () => {
    const { plan, pushdown } = await sqlitePlan({ _id: 'a-2', n: 1 });
    assert.equal(pushdown, true);
    assert.match(details(plan), /SEARCH .* USING INDEX/);
  });

  it('when documents are found by _id $in, then SQLite searches the _id index', async () => {
    const { plan, pushdown } = await sqlitePlan({ _id: { $in: ['a-1', 'a-3'] } });
    assert.equal(pushdown, true);
    assert.match(details(plan), /SEARCH .* USING INDEX/);
  });

  it('when other conditions decide, then the answers are still those of the whole filter', async () => {
    const c = mongoose.connection.db!.collection('ferret_patch_probe');
    assert.equal(await c.findOne({ _id: 'a-2', n: 5 } as never), null);
    assert.equal((await c.findOne({ _id: 'a-2', n: 1 } as never))?.n, 1);
    const found = await c.find({ _id: { $in: ['a-1', 'a-3', 'missing'] }, n: { $gt: 0 } } as never).toArray();
    assert.deepEqual(
      found.map((d) => d._id),
      ['a-3'],
    );
    assert.equal((await c.findOne({ _id: oid } as never))?.n, 9);
    const updated = await c.updateOne({ _id: 'a-1', n: 0 } as never, { $set: { n: 7 } });
    assert.equal(updated.modifiedCount, 1);
    assert.equal((await c.findOne({ _id: 'a-1' } as never))?.n, 7);
  });
});
