import assert from 'node:assert/strict';
import { ResponseCache, viewerKey } from '../../server/common/response-cache';
import { invalidateRecordCaches } from '../../server/common/record-cache';
import type { SessionUser } from '../../server/common/session-user';

const member: SessionUser = {
  id: 'u1',
  email: 'a@example.vn',
  name: 'A',
  role: 'member',
  locale: 'vi',
  membershipStatus: 'active',
  organization: { id: 'o1', name: 'Org', kind: 'enterprise', verified: true },
};

describe('cached answers (response-cache)', () => {
  it('when the same viewer asks again, then the answer is served serialized without being built again', async () => {
    const cache = new ResponseCache('test-same', { clearOn: ['deal'] });
    let built = 0;
    const build = async () => ({ deals: [{ id: 'd1' }], n: ++built });
    const first = await cache.answer(viewerKey(member, { page: 1 }), build);
    const second = await cache.answer(viewerKey(member, { page: 1 }), build);
    assert.equal(built, 1);
    assert.equal(second.body, first.body);
    assert.deepEqual(JSON.parse(first.body), { deals: [{ id: 'd1' }], n: 1 });
  });

  it('when a cached answer is sent again, then its ETag is worked out once, and again once it is rebuilt', async () => {
    const cache = new ResponseCache('test-etag', { clearOn: ['deal'] });
    const key = viewerKey(member, {});
    let hashed = 0;
    const etag = (body: string) => `W/"${++hashed}-${body.length}"`;
    let built = 0;
    const build = async () => ({ n: ++built });
    const first = (await cache.answer(key, build)).etagBy(etag);
    const again = (await cache.answer(key, build)).etagBy(etag);
    assert.equal(again, first);
    assert.equal(hashed, 1);
    invalidateRecordCaches({ type: 'deal', id: 'd1' });
    const rebuilt = (await cache.answer(key, build)).etagBy(etag);
    assert.equal(hashed, 2);
    assert.notEqual(rebuilt, first);
  });

  it('when a cached answer is sent again, then its bytes are the same Buffer, encoded once, and new once it is rebuilt', async () => {
    const cache = new ResponseCache('test-bytes', { clearOn: ['deal'] });
    const key = viewerKey(member, {});
    const build = async () => ({ title: 'Công nghệ lọc nước', n: 1 });
    const first = (await cache.answer(key, build)).bytes();
    assert.equal(first.toString('utf8'), JSON.stringify(await build()));
    assert.equal((await cache.answer(key, build)).bytes(), first);
    invalidateRecordCaches({ type: 'deal', id: 'd1' });
    assert.notEqual((await cache.answer(key, build)).bytes(), first);
  });

  it('when a record of a declared type is written, then the next answer is built again; other types keep it', async () => {
    const cache = new ResponseCache('test-clear', { clearOn: ['deal', 'owner-list'] });
    let built = 0;
    const build = async () => ({ n: ++built });
    const key = viewerKey(member, {});
    await cache.answer(key, build);
    invalidateRecordCaches({ type: 'offer', id: 'x' });
    await cache.answer(key, build);
    assert.equal(built, 1, 'an offer is not part of this answer');
    invalidateRecordCaches({ type: 'owner-list', id: 'deal:org:o1' });
    assert.equal(JSON.parse((await cache.answer(key, build)).body).n, 2);
  });

  it('when a write happens while an answer is being built, then that answer is not kept', async () => {
    const cache = new ResponseCache('test-race', { clearOn: ['notification'] });
    let built = 0;
    const key = viewerKey(member, {});
    await cache.answer(key, async () => {
      built++;
      invalidateRecordCaches({ type: 'notification', id: 'n1' });
      return { n: built };
    });
    const next = await cache.answer(key, async () => ({ n: ++built }));
    assert.equal(JSON.parse(next.body).n, 2);
  });

  it('then viewers differ by who they are and what they act for, and requests by what they ask', () => {
    const keys = new Set([
      viewerKey(member, { page: 1 }),
      viewerKey(member, { page: 2 }),
      viewerKey({ ...member, id: 'u2' }, { page: 1 }),
      viewerKey({ ...member, locale: 'en' }, { page: 1 }),
      viewerKey({ ...member, membershipStatus: 'pending' }, { page: 1 }),
      viewerKey({ ...member, organization: { ...member.organization!, id: 'o2' } }, { page: 1 }),
      viewerKey({ ...member, role: 'admin' }, { page: 1 }),
      viewerKey(undefined, { page: 1 }),
    ]);
    assert.equal(keys.size, 8);
  });
});
