import assert from 'node:assert/strict';
import { applyOwnerListChange, MAX_ENTRIES, maxEntriesOf } from '../../server/read-models/owner-list.store';
import { mergeNewestFirst, ownerListPage } from '../../server/read-models/owner-list-page';
import { packOwnerList, unpackOwnerList } from '../../server/read-models/owner-list.model';
import {
  dealListEntries,
  listingListEntries,
  notificationListEntries,
  userListEntries,
  paymentListEntries,
  openDeadlineEntries,
  listingDeadlineAt,
} from '../../server/read-models/owner-list-keys';

const e = (id: string, at: number, s = 'draft') => ({ id, s, at });

describe('owner lists (pure rules)', () => {
  it('when entries are put, then the list is newest first with one entry per id', () => {
    const list = applyOwnerListChange([e('a', 1), e('b', 2)], [e('a', 3, 'published'), e('c', 0)], []);
    assert.deepEqual(list, [e('a', 3, 'published'), e('b', 2), e('c', 0)]);
  });

  it('when a list is packed for storage, then it unpacks to the same entries, and a list stored before packing still reads', () => {
    const list = [
      e('65a1b2c3d4e5f6a7b8c9d0e1', 1796540226634, 'unread'),
      e('a "quoted", odd\nid', -1, 'đã đọc'),
      e('', 0, ''),
    ];
    const packed = packOwnerList(list);
    assert.equal(typeof packed, 'string');
    assert.deepEqual(unpackOwnerList({ _id: 'k', packed }), list);
    assert.deepEqual(unpackOwnerList({ _id: 'k', entries: list }), list, 'the form before packing');
    assert.deepEqual(unpackOwnerList({ _id: 'k', packed: packOwnerList([]) }), []);
    assert.deepEqual(unpackOwnerList(null), []);
  });

  it('when entries are merged into a stored list, then the list is what sorting everything would give', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const sortAll = (current: ReturnType<typeof e>[], put: ReturnType<typeof e>[], remove: string[]) => {
      const gone = new Set([...remove, ...put.map((x) => x.id)]);
      return [...current.filter((x) => !gone.has(x.id)), ...put]
        .sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
        .slice(0, MAX_ENTRIES);
    };
    for (let round = 0; round < 300; round++) {
      const ids = Array.from({ length: 40 }, (_, i) => `id${i}`);
      let stored = applyOwnerListChange(
        [],
        ids.slice(0, random(40)).map((id) => e(id, random(20))),
        [],
      );
      for (let step = 0; step < 5; step++) {
        const put = Array.from({ length: random(4) }, () => e(ids[random(40)], random(20), 'negotiating'));
        const unique = [...new Map(put.map((x) => [x.id, x])).values()];
        const remove = Array.from({ length: random(3) }, () => ids[random(40)]);
        const expected = sortAll(stored, unique, remove);
        stored = applyOwnerListChange(stored, unique, remove);
        assert.deepEqual(stored, expected);
      }
    }
  });

  it('when a list is packed again after one entry changed, then it reads back as the list now is', () => {
    const list = [e('b', 3), e('a', 2), e('c', 1)];
    assert.deepEqual(unpackOwnerList({ _id: 'k', packed: packOwnerList(list) }), list);
    const changed = applyOwnerListChange(list, [e('a', 4, 'published')], ['c']);
    assert.deepEqual(unpackOwnerList({ _id: 'k', packed: packOwnerList(changed) }), [
      e('a', 4, 'published'),
      e('b', 3),
    ]);
  });

  it('when ids are removed, then they are gone; the list never exceeds its size', () => {
    assert.deepEqual(applyOwnerListChange([e('a', 1), e('b', 2)], [], ['a']), [e('b', 2)]);
    const many = Array.from({ length: MAX_ENTRIES + 10 }, (_, i) => e(`x${i}`, i));
    const kept = applyOwnerListChange([], many, []);
    assert.equal(kept.length, MAX_ENTRIES);
    assert.equal(kept[0].at, MAX_ENTRIES + 9);
    assert.equal(maxEntriesOf('offer:org:g1'), MAX_ENTRIES);
    const deadlines = maxEntriesOf('listing:deadlines');
    assert.ok(deadlines >= 100_000, 'the open deadlines keep every open auction and call');
    assert.equal(applyOwnerListChange([], many, [], deadlines).length, MAX_ENTRIES + 10);
  });

  it('when a page is asked, then it is filtered by status, counted, and merged across lists', () => {
    const org = [e('a', 5, 'negotiating'), e('b', 4, 'agreed'), e('c', 3, 'negotiating')];
    const broker = [e('d', 6, 'negotiating'), e('a', 5, 'negotiating')];
    assert.deepEqual(ownerListPage([org, broker], { page: 1, limit: 2 }), { ids: ['d', 'a'], total: 4 });
    assert.deepEqual(ownerListPage([org, broker], { page: 2, limit: 2 }), { ids: ['b', 'c'], total: 4 });
    assert.deepEqual(ownerListPage([org, broker], { status: 'negotiating', page: 1, limit: 10 }), {
      ids: ['d', 'a', 'c'],
      total: 3,
    });
  });

  it('when lists are merged, then the order is a sort’s and a record in two lists is kept once at its newest place', () => {
    const a = [e('x', 9), e('m', 7), e('k', 7), e('y', 2)];
    const b = [e('z', 8), e('n', 7), e('y', 6), e('w', 1)];
    const c = [e('q', 3)];
    assert.deepEqual(
      mergeNewestFirst([a, b, c]).map((x) => [x.id, x.at]),
      [
        ['x', 9],
        ['z', 8],
        ['n', 7],
        ['m', 7],
        ['k', 7],
        ['y', 6],
        ['q', 3],
        ['w', 1],
      ],
    );
    // Against a sort of the lists put together (each list kept newest first, as the store keeps it).
    const random = (seed: number) => () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const next = random(7);
    const lists = [0, 1, 2].map(() =>
      applyOwnerListChange(
        [],
        Array.from({ length: 200 }, () => e(`r${Math.floor(next() * 300)}`, Math.floor(next() * 50))),
        [],
      ),
    );
    const newest = new Map<string, number>();
    for (const x of lists.flat()) newest.set(x.id, Math.max(newest.get(x.id) ?? -1, x.at));
    const expected = [...newest]
      .map(([id, at]) => e(id, at))
      .sort((p, q) => q.at - p.at || (p.id < q.id ? 1 : -1))
      .map((x) => [x.id, x.at]);
    assert.deepEqual(
      mergeNewestFirst(lists).map((x) => [x.id, x.at]),
      expected,
    );
  });

  it('when an auction or a call is published and open, then it is in the list of open deadlines at its deadline, earliest kept first; closed or unpublished, it is not', () => {
    const closes = new Date('2026-03-01T09:00:00Z');
    const auction = { _id: 'o1', status: 'published', pricing: { model: 'auction', closesAt: closes } };
    const [[key, entry]] = openDeadlineEntries('offer', auction);
    assert.equal(key, 'listing:deadlines');
    assert.deepEqual(entry, { id: 'o1', s: 'offer', at: -closes.getTime() });
    assert.equal(listingDeadlineAt(entry), closes.getTime());
    const later = openDeadlineEntries('offer', {
      ...auction,
      _id: 'o2',
      pricing: { model: 'auction', closesAt: new Date(closes.getTime() + 1000) },
    })[0][1];
    assert.deepEqual(
      applyOwnerListChange([later], [entry], []).map((x) => x.id),
      ['o1', 'o2'],
      'the earliest deadline first, so a full list drops the latest',
    );
    const none = [
      openDeadlineEntries('offer', { ...auction, auction: { closedAt: closes } }),
      openDeadlineEntries('offer', { ...auction, status: 'withdrawn' }),
      openDeadlineEntries('offer', { ...auction, pricing: { model: 'negotiable', closesAt: closes } }),
      openDeadlineEntries('demand', { _id: 'd1', status: 'published', mode: 'open', deadline: closes }),
      openDeadlineEntries('demand', {
        _id: 'd1',
        status: 'published',
        mode: 'call_for_proposals',
        deadline: closes,
        callClosedAt: closes,
      }),
    ];
    assert.deepEqual(none, [[], [], [], [], []]);
    assert.deepEqual(
      openDeadlineEntries('demand', {
        _id: 'd1',
        status: 'published',
        mode: 'call_for_proposals',
        deadline: closes,
      }),
      [['listing:deadlines', { id: 'd1', s: 'demand', at: -closes.getTime() }]],
    );
  });

  it('then each record type names the lists it belongs to', () => {
    const at = new Date('2026-01-02T00:00:00Z');
    assert.deepEqual(
      listingListEntries('offer', { _id: 'o1', organizationId: 'g1', status: 'draft', updatedAt: at }),
      [['offer:org:g1', { id: 'o1', s: 'draft', at: at.getTime() }]],
    );
    const deal = {
      _id: 'd1',
      sellerOrgId: 's',
      buyerOrgId: 'b',
      brokerUserId: 'u',
      status: 'agreed',
      updatedAt: at,
    };
    assert.deepEqual(
      dealListEntries(deal).map(([key]) => key),
      ['deal:org:s', 'deal:org:b', 'deal:user:u'],
    );
    assert.deepEqual(notificationListEntries({ _id: 'n1', userId: 'u', createdAt: at, readAt: at }), [
      ['notification:user:u', { id: 'n1', s: 'read', at: at.getTime() }],
    ]);
    assert.deepEqual(
      notificationListEntries({ _id: 'n2', userId: 'u', groupKey: 'u:deal.message:d1:0', createdAt: at }).map(
        ([key, entry]) => [key, entry.s],
      ),
      [
        ['notification:user:u', 'unread'],
        ['notification:group:u:deal.message:d1:0', 'unread'],
      ],
    );
    assert.deepEqual(paymentListEntries({ _id: 'p1', dealId: 'd1', status: 'paid', createdAt: at }), [
      ['payment:deal:d1', { id: 'p1', s: 'paid', at: at.getTime() }],
    ]);
    assert.deepEqual(
      userListEntries({
        _id: 'u1',
        email: 'an@vien.vn',
        organizationId: 'g1',
        membershipStatus: 'pending',
        createdAt: at,
      }),
      [
        ['user:email:an@vien.vn', { id: 'u1', s: 'user', at: 0 }],
        ['user:org:g1', { id: 'u1', s: 'pending', at: at.getTime() }],
      ],
    );
    assert.deepEqual(
      userListEntries({ _id: 'u2', email: 'b@x.vn', membershipStatus: 'none', createdAt: at }),
      [['user:email:b@x.vn', { id: 'u2', s: 'user', at: 0 }]],
    );
  });
});
