import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import { cloneRecord } from '../../server/common/clone-record';

describe('cloneRecord', () => {
  it('copies objects, arrays and dates, and keeps ObjectIds as ObjectIds', () => {
    const id = new mongoose.Types.ObjectId();
    const at = new Date('2026-12-05T10:00:00Z');
    const record = { _id: id, at, sheets: [{ version: 1, parties: [id] }], data: { n: 1 } };
    const copy = cloneRecord(record);
    assert.deepEqual(copy, record);
    assert.ok(copy._id instanceof mongoose.Types.ObjectId);
    assert.equal(String(copy.sheets[0].parties[0]), String(id));
    copy.sheets[0].version = 2;
    copy.data.n = 2;
    copy.at.setUTCFullYear(2030);
    assert.equal(record.sheets[0].version, 1);
    assert.equal(record.data.n, 1);
    assert.equal(record.at.getUTCFullYear(), 2026);
  });
});
