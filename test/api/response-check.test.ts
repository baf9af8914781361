/**
 * Response schemas are real: with CHECK_RESPONSES (every test app has it), an answer that its
 * route's schema does not describe is reported and answered with a 500 instead of reaching the
 * client; the root hook fails any test that received one.
 */
import assert from 'node:assert/strict';
import express from 'express';
import Joi from 'joi';
import request from 'supertest';
import { ApiRouter, responseProblems, type ResponseMismatch } from '../../server/common/api-router';
import { errorHandler } from '../../server/common/error-handler';
import { setLogLevel } from '../../server/common/logger';
import { declareApi } from '../../server/app';
import { EventBus } from '../../server/common/events';
import { testConfig } from '../helpers/config';

function appAnswering(body: unknown, reported: ResponseMismatch[]) {
  const api = new ApiRouter({ onResponseMismatch: (m) => reported.push(m) });
  api.add({
    method: 'get',
    path: '/thing',
    summary: 'A thing',
    tag: 'test',
    access: 'public',
    response: Joi.object({
      thing: Joi.object({ id: Joi.string().required(), at: Joi.date().iso().required() }).required(),
    }),
    handler: () => body,
  });
  const app = express();
  app.use(api.router);
  app.use(errorHandler);
  return app;
}

describe('response schemas checked on every answer', () => {
  before(() => setLogLevel('silent'));
  it('when an answer matches its schema (a Date sent as its ISO string), then it reaches the client as it is', async () => {
    const reported: ResponseMismatch[] = [];
    const at = new Date('2026-12-03T06:00:00Z');
    const res = await request(appAnswering({ thing: { id: 'a', at } }, reported)).get('/thing');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { thing: { id: 'a', at: at.toISOString() } });
    assert.deepEqual(reported, []);
  });

  it('when an answer lacks a field or carries one the schema does not name, then 500 and the mismatch is reported with each problem', async () => {
    const reported: ResponseMismatch[] = [];
    const res = await request(appAnswering({ thing: { at: new Date(), secret: 'x' } }, reported)).get(
      '/thing',
    );
    assert.equal(res.status, 500);
    assert.equal(res.body.error.code, 'internal');
    assert.equal(JSON.stringify(res.body).includes('secret'), false);
    assert.equal(reported.length, 1);
    assert.equal(reported[0].route, 'GET /thing');
    assert.equal(reported[0].status, 200);
    assert.deepEqual(reported[0].problems.sort(), [
      'thing.id: "thing.id" is required',
      'thing.secret: "thing.secret" is not allowed',
    ]);
  });

  it('when no one asked for the check, then the answer is sent unchecked', async () => {
    const api = new ApiRouter();
    api.add({
      method: 'get',
      path: '/loose',
      summary: 'Loose',
      tag: 'test',
      access: 'public',
      response: Joi.object({ n: Joi.number() }),
      handler: () => ({ n: 'not a number' }),
    });
    const app = express().use(api.router);
    const res = await request(app).get('/loose');
    assert.deepEqual(res.body, { n: 'not a number' });
  });

  it('responseProblems names the path of each problem, and (body) for the whole answer', () => {
    assert.deepEqual(responseProblems(Joi.object({ n: Joi.number() }), { n: 1 }), []);
    assert.deepEqual(responseProblems(Joi.object({ n: Joi.number() }), { n: 'x' }), [
      'n: "n" must be a number',
    ]);
    assert.deepEqual(responseProblems(Joi.object(), 'text'), ['(body): "value" must be of type object']);
  });

  it('every declared route names what it answers: a response schema, 204, or the media type it sends', () => {
    const { api } = declareApi({ config: testConfig(), bus: new EventBus(), search: {} as never });
    const silent = api.routes
      .filter((r) => !r.response && r.status !== 204 && !r.answers)
      .map((r) => `${r.method.toUpperCase()} ${r.path}`);
    assert.deepEqual(silent, []);
  });
});
