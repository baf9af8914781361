/**
 * A long owner list's head: the changes since its base was written, which applied to the base
 * give the list that the same changes applied one by one would give.
 */
import assert from 'node:assert/strict';
import { applyOwnerListChange } from '../../server/read-models/owner-list.store';
import {
  EMPTY_HEAD,
  foldIntoHead,
  HEAD_MAX,
  HEADED_FROM,
  headSize,
  writesHeadOnly,
} from '../../server/read-models/owner-list-head';
import type { OwnerListEntry } from '../../server/read-models/owner-list.model';

const e = (id: string, at: number, s = 'open'): OwnerListEntry => ({ id, s, at });

describe('owner list heads', () => {
  it('when changes are folded into a head, then the base with the head is the list the changes give one by one', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const base = Array.from({ length: 120 }, (_, i) => e(`r${i}`, 1_000 - i));
    let oneByOne = applyOwnerListChange([], base, []);
    let head = EMPTY_HEAD;
    for (let step = 0; step < 400; step++) {
      const id = `r${random(160)}`;
      const put = random(3) === 0 ? [] : [e(id, 2_000 + step, ['open', 'won', 'lost'][random(3)])];
      const remove = put.length === 0 ? [id] : random(4) === 0 ? [`r${random(160)}`] : [];
      oneByOne = applyOwnerListChange(oneByOne, put, remove);
      head = foldIntoHead(head, put, remove);
      assert.deepEqual(applyOwnerListChange(base, head.put, head.gone), oneByOne, `after step ${step}`);
    }
  });

  it('when an entry is put again or taken out, then the head keeps one change for it', () => {
    let head = foldIntoHead(EMPTY_HEAD, [e('a', 1)], []);
    head = foldIntoHead(head, [e('a', 2, 'won')], []);
    assert.deepEqual(head, { put: [e('a', 2, 'won')], gone: [] });
    head = foldIntoHead(head, [], ['a']);
    assert.deepEqual(head, { put: [], gone: ['a'] });
    head = foldIntoHead(head, [e('a', 3)], []);
    assert.deepEqual(head, { put: [e('a', 3)], gone: [] });
    assert.equal(headSize(head), 1);
  });

  it('when a list is short or its head full, then the write rewrites the whole list', () => {
    const changes = (n: number) => ({ put: Array.from({ length: n }, (_, i) => e(`x${i}`, i)), gone: [] });
    assert.equal(writesHeadOnly(HEADED_FROM - 1, changes(1)), false);
    assert.equal(writesHeadOnly(HEADED_FROM, changes(1)), true);
    assert.equal(writesHeadOnly(HEADED_FROM, changes(HEAD_MAX)), true);
    assert.equal(writesHeadOnly(HEADED_FROM, changes(HEAD_MAX + 1)), false);
  });
});
