import assert from 'node:assert/strict';
import Joi from 'joi';
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

describe('errors: validation details the client can word', () => {
  it('each detail names its field, joi type and the limit broken, so a client words it in its own language', () => {
    const schema = Joi.object({
      royaltyPct: Joi.number().max(100),
      name: Joi.string().min(3),
      code: Joi.string(),
    });
    const { error } = schema.validate({ royaltyPct: 150, name: 'ab', code: 7 }, { abortEarly: false });
    assert.deepEqual(
      toAppError(error).details.map(({ field, type, limit }) => ({ field, type, limit })),
      [
        { field: 'royaltyPct', type: 'number.max', limit: 100 },
        { field: 'name', type: 'string.min', limit: 3 },
        { field: 'code', type: 'string.base', limit: undefined },
      ],
    );
  });
});
