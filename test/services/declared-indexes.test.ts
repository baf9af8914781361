/**
 * The models' indexes as start-up makes them (declared-indexes.ts): on FerretDB the unique ones
 * and those on a true/false field, never the others (it reads none of them but works each out on
 * every write), and a non-unique index left there by an earlier version is dropped; on MongoDB
 * every declared index.
 */
import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import { connectTestDatabase } from '../helpers/test-app';
import { isFerretDb, makeDeclaredIndexes } from '../../server/common/declared-indexes';
import { DealModel } from '../../server/deals/deal.model';
import { listingModel } from '../../server/listings';

async function indexNames(model: { collection: mongoose.Collection }): Promise<string[]> {
  return (await model.collection.indexes()).map((index) => String(index.name)).sort();
}

describe('declared indexes', () => {
  let ferret = false;
  before(async () => {
    await connectTestDatabase();
    ferret = await isFerretDb(mongoose.connection.db!);
  });

  it('when the exchange has connected, then the deals carry their unique indexes, and the others only on MongoDB', async () => {
    const names = await indexNames(DealModel);
    for (const unique of ['_id_', 'bidId_1', 'reference_1'])
      assert.ok(names.includes(unique), `${unique} in ${names}`);
    for (const lookup of ['sellerOrgId_1', 'buyerOrgId_1', 'status_1']) {
      assert.equal(names.includes(lookup), !ferret, `${lookup} ${ferret ? 'absent from' : 'in'} ${names}`);
    }
  });

  it('when the exchange has connected, then the listings keep the index on their search mark (a true/false field)', async () => {
    assert.ok(
      (await indexNames(listingModel('offer') as unknown as { collection: mongoose.Collection })).includes(
        'searchDirty_1',
      ),
    );
  });

  it('when a non-unique index an earlier version made is there, then making the indexes drops it on FerretDB only', async () => {
    await DealModel.collection.createIndex({ status: 1, updatedAt: -1 }, { name: 'left_by_earlier_version' });
    await makeDeclaredIndexes(mongoose.connection);
    const names = await indexNames(DealModel);
    assert.equal(names.includes('left_by_earlier_version'), !ferret);
    if (!ferret) await DealModel.collection.dropIndex('left_by_earlier_version');
  });
});
