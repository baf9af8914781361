/**
 * The route × role × ownership matrix, generated from the routes' own declarations (the OpenAPI
 * document built from them): every declared route is called as anonymous, as a member of another
 * organization, of the owner organization, as a broker and as an operator (and as any role the
 * exchange adds, which must be given a column first). An allowed caller gets its answer; a refused
 * one gets 401 (anonymous) or 403/404, and the refusal writes nothing.
 */
import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import request from 'supertest';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { PASSWORD } from '../helpers/factories';
import { USER_ROLES } from '../../server/api-contract/enums';
import { buildWorld, ROLES, type MatrixRole, type World } from './route-matrix-world';
import { matrixImage } from './matrix-image';
import { ROUTE_MATRIX, type Call, type MatrixEntry } from './route-matrix-table';
import { watchChangingWrites } from '../helpers/command-watch';

/** The user roles the matrix has a column for (an operator, a broker, members of organizations). */
const COVERED_USER_ROLES = ['member', 'broker', 'expert', 'admin'];

/**
 * Collections a refused call must leave as they were (not sessions, locks, caches or logs). A
 * refusal wrote if the database acknowledged a write that changed a document in one of them while
 * the call ran (the driver's command events: reading the collections whole before and after each
 * call cost two minutes of the suite).
 */
const WATCHED =
  /^(offers|demands|bids|deals|payments|users|organizations|notifications|messages|alerts|ledgerentries|documents\.files|events|event_registrations|meetings)$/;

interface Operation {
  key: string;
  method: string;
  path: string;
  access: string;
}

function operationsOf(openapi: {
  paths: Record<string, Record<string, { description?: string }>>;
}): Operation[] {
  return Object.entries(openapi.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      key: `${method.toUpperCase()} ${path}`,
      method,
      path,
      access: (op.description ?? '').replace(/^Access: /, ''),
    })),
  );
}

function memberFor(w: World, role: MatrixRole, entry: MatrixEntry) {
  if (role === 'owner') return w[entry.owner ?? 'seller'];
  if (role === 'anonymous') return undefined;
  return w[role];
}

async function agentFor(t: TestApp, w: World, role: MatrixRole, entry: MatrixEntry) {
  const member = memberFor(w, role, entry);
  if (!entry.session) return member ? member.agent : request.agent(t.app);
  const agent = request.agent(t.app);
  if (member)
    await agent.post('/api/auth/login').send({ email: member.user.email, password: PASSWORD }).expect(200);
  return agent;
}

function urlOf(op: Operation, call: Call): string {
  const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = call.path[name];
    if (value === undefined) throw new Error(`${op.key}: the matrix entry gives no ${name}`);
    return encodeURIComponent(value);
  });
  return call.query ? `${url}?${call.query}` : url;
}

async function send(t: TestApp, w: World, op: Operation, role: MatrixRole, entry: MatrixEntry, call: Call) {
  const agent = await agentFor(t, w, role, entry);
  let body = call.body;
  if (op.key === 'POST /api/auth/login') {
    const member = memberFor(w, role, entry) ?? w.seller;
    body = { email: member.user.email, password: PASSWORD };
  }
  const req = (agent as unknown as Record<string, (url: string) => request.Test>)[op.method](urlOf(op, call));
  if (entry.image) return req.attach('image', await matrixImage(), 'matrix.png');
  if (entry.evidence) {
    return req
      .field('kind', 'business_registration')
      .attach('file', Buffer.from('%PDF-1.7\nx\n%%EOF\n'), 'x.pdf');
  }
  if (entry.upload) {
    return req.field('confidential', 'true').attach('file', Buffer.from('%PDF-1.7\nx\n%%EOF\n'), 'x.pdf');
  }
  return body ? req.send(body) : req;
}

describe('access: the route × role × ownership matrix', function () {
  this.timeout(120_000);
  let t: TestApp;
  let w: World;
  let watch: ReturnType<typeof watchChangingWrites>;
  before(async () => {
    t = await createTestApp();
    await resetDatabase();
    w = await buildWorld(t.app);
    watch = watchChangingWrites(WATCHED);
  });
  after(() => watch.stop());

  it('when a watched collection is written, then the write watch sees it; a write that changes nothing is not counted', async () => {
    const organizations = mongoose.connection.db!.collection('organizations');
    const sessions = mongoose.connection.db!.collection('sessions');
    const mark = watch.writes.length;
    await organizations.updateOne({ _id: 'no such organization' as never }, { $set: { name: 'x' } });
    await sessions.insertOne({ _id: 'matrix-probe' as never, expires: new Date() });
    await sessions.deleteOne({ _id: 'matrix-probe' as never });
    assert.deepEqual(watch.writes.slice(mark), []);
    await organizations.insertOne({ _id: 'matrix-probe' as never, name: 'probe' });
    await organizations.updateOne({ _id: 'matrix-probe' as never }, { $set: { name: 'probe 2' } });
    await organizations.findOneAndUpdate({ _id: 'matrix-probe' as never }, { $set: { name: 'probe 3' } });
    await organizations.deleteOne({ _id: 'matrix-probe' as never });
    assert.deepEqual(watch.writes.slice(mark), [
      'insert organizations',
      'update organizations',
      'findAndModify organizations',
      'delete organizations',
    ]);
  });

  const declared = async () => operationsOf(t.built.openapi as never);

  it('when the exchange declares its routes, then every one of them has an entry in the matrix and no entry is stale', async () => {
    const ops = await declared();
    const missing = ops.filter((op) => !ROUTE_MATRIX[op.key]).map((op) => op.key);
    assert.deepEqual(missing, [], `routes without an access entry in test/access/route-matrix-table.ts`);
    const keys = new Set(ops.map((op) => op.key));
    assert.deepEqual(
      Object.keys(ROUTE_MATRIX).filter((k) => !keys.has(k)),
      [],
      'entries for routes that are not declared',
    );
  });

  it('when the exchange has a user role, then the matrix has a column for it', () => {
    assert.deepEqual(
      USER_ROLES.filter((r) => !COVERED_USER_ROLES.includes(r)),
      [],
      'add the new role (an expert…) to ROLES in route-matrix-world.ts and to every entry',
    );
  });

  it('when an entry lets a role in, then the route’s declared access agrees', async () => {
    for (const op of await declared()) {
      const entry = ROUTE_MATRIX[op.key];
      if (!entry) continue;
      if (op.access !== 'public') assert.ok(!entry.allow.includes('anonymous'), `${op.key} is ${op.access}`);
      if (op.access === 'admin') assert.deepEqual([...entry.allow], ['operator'], op.key);
      if (op.access === 'public') assert.ok(entry.allow.length > 0, op.key);
    }
  });

  // One test per declared route, each role with fresh records.
  const keys = Object.keys(ROUTE_MATRIX);
  for (const key of keys) {
    const entry = ROUTE_MATRIX[key];
    it(`when ${key} is called by each role, then ${entry.allow.length ? entry.allow.join(', ') : 'nobody here'} get an answer and the others are refused, writing nothing`, async () => {
      const op = (await declared()).find((o) => o.key === key);
      if (!op) assert.fail(`${key} is not a declared route`);
      const failures: string[] = [];
      for (const role of ROLES) {
        const call: Call = entry.setup ? await entry.setup(w) : { path: {} };
        const allowed = entry.allow.includes(role);
        const writesBefore = watch.writes.length;
        const res = await send(t, w, op, role, entry, call);
        const status = res.status;
        if (allowed) {
          const ok = (status >= 200 && status < 300) || (entry.alsoOk ?? []).includes(status);
          if (!ok)
            failures.push(
              `${role}: expected an answer, got ${status} ${JSON.stringify(res.body?.error ?? {})}`,
            );
        } else {
          const refused = role === 'anonymous' ? [401, 404] : [403, 404];
          if (!refused.includes(status))
            failures.push(`${role}: expected ${refused.join('/')}, got ${status}`);
          else if (res.body?.error?.code === undefined)
            failures.push(`${role}: refusal without the error body`);
          else if (watch.writes.length !== writesBefore)
            failures.push(
              `${role}: refused with ${status} but wrote (${watch.writes.slice(writesBefore).join(', ')})`,
            );
        }
      }
      assert.deepEqual(failures, [], key);
    });
  }
});
