/**
 * The API router matches a request against the routes of its path's first segment only: the
 * same routes answer as before (any letter case, in their order of registration), and a path no
 * group knows falls through to what follows.
 */
import assert from 'node:assert/strict';
import express from 'express';
import Joi from 'joi';
import request from 'supertest';
import { ApiRouter } from '../../server/common/api-router';

function appWith(define: (api: ApiRouter) => void) {
  const api = new ApiRouter();
  define(api);
  const app = express();
  app.use('/api', api.router);
  app.use((_req, res) => res.status(404).json({ fallthrough: true }));
  return app;
}

const route = (path: string, answer: string) => ({
  method: 'get' as const,
  path,
  tag: 'probe',
  summary: answer,
  access: 'public' as const,
  handler: () => ({ answer }),
});

describe('API router', () => {
  const app = appWith((api) => {
    api.add(route('/offers/mine', 'mine'));
    api.add({ ...route('/offers/:id', 'one'), params: Joi.object<{ id?: string }>({ id: Joi.string() }) });
    api.add(route('/offers', 'list'));
    api.add(route('/deals', 'deals'));
    api.add(route('/healthz-like', 'plain'));
  });

  it('answers each route from its group, the first registered winning as before', async () => {
    assert.equal((await request(app).get('/api/offers').expect(200)).body.answer, 'list');
    assert.equal((await request(app).get('/api/offers/mine').expect(200)).body.answer, 'mine');
    assert.equal((await request(app).get('/api/offers/abc').expect(200)).body.answer, 'one');
    assert.equal((await request(app).get('/api/deals?x=1').expect(200)).body.answer, 'deals');
    assert.equal((await request(app).get('/api/healthz-like').expect(200)).body.answer, 'plain');
  });

  it('matches without regard to letter case, as express does', async () => {
    assert.equal((await request(app).get('/api/OFFERS/mine').expect(200)).body.answer, 'mine');
    assert.equal((await request(app).get('/api/Deals').expect(200)).body.answer, 'deals');
  });

  it('lets a path no group knows, or a method no route takes, fall through', async () => {
    assert.equal((await request(app).get('/api/unknown').expect(404)).body.fallthrough, true);
    assert.equal((await request(app).get('/api').expect(404)).body.fallthrough, true);
    assert.equal((await request(app).post('/api/offers').expect(404)).body.fallthrough, true);
    assert.equal((await request(app).get('/api/deals/x/y').expect(404)).body.fallthrough, true);
  });

  it('refuses a route whose path begins with a parameter', () => {
    assert.throws(() => appWith((api) => api.add(route('/:kind/list', 'x'))), /begins with a fixed segment/);
  });
});

describe('API router: handlers typed from their schemas', () => {
  it('gives a handler the types its schemas name, and refuses at compile time a schema that names none', async () => {
    const app = appWith((api) => {
      api.add({
        ...route('/typed', 'typed'),
        query: Joi.object<{ n: number }>({ n: Joi.number().required() }),
        handler: ({ query }) => ({ twice: query.n * 2 }),
      });
      // `npm run typecheck` fails here if an untyped schema (`Joi.object({…})`, value type any) is accepted.
      // @ts-expect-error the query schema names no type
      api.add({ ...route('/untyped', 'untyped'), query: Joi.object({ n: Joi.number() }) });
    });
    assert.equal((await request(app).get('/api/typed?n=21').expect(200)).body.twice, 42);
  });
});
