import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import { toAppError, toErrorBody } from '../../server/common/errors';

describe('errors: a database that does not answer', () => {
  it('when mongoose gives up buffering an operation, then it is a 503 unavailable naming the database, not a 500', () => {
    const err = new mongoose.Error('Operation `offers.find()` buffering timed out after 10000ms');
    const appError = toAppError(err);
    assert.equal(appError.status, 503);
    assert.deepEqual(toErrorBody(appError).error.details, [
      { field: 'database', message: 'database is not answering' },
    ]);
  });

  it('when a driver error of an unreachable server is wrapped in another error, then it is still a 503', () => {
    const driver = Object.assign(new Error('connection pool cleared'), { name: 'MongoPoolClearedError' });
    assert.equal(toAppError(new Error('session store failed', { cause: driver })).status, 503);
    assert.equal(toAppError(new Error('something else')).status, 500);
  });
});
