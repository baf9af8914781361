import assert from 'node:assert/strict';
import {
  auctionOutcome,
  BID_TRANSITION_NAMES,
  canPlaceBid,
  canSeeBid,
  isSealed,
  planBidTransition,
  takesWholeOffer,
  type AuctionBid,
  type BidActor,
  type BiddableListing,
  type BidTransition,
} from '../../server/bids/bid-lifecycle';
import { BID_STATUSES, type BidStatus } from '../../server/api-contract/enums';

const ACTORS: BidActor[] = ['owner', 'bidder', 'system', 'admin', 'other'];

const ALLOWED: [BidStatus, BidTransition, BidActor, BidStatus][] = [
  ['submitted', 'shortlist', 'owner', 'shortlisted'],
  ['submitted', 'reject', 'owner', 'rejected'],
  ['shortlisted', 'reject', 'owner', 'rejected'],
  ['submitted', 'reject', 'system', 'rejected'],
  ['shortlisted', 'reject', 'system', 'rejected'],
  ['submitted', 'accept', 'owner', 'accepted'],
  ['shortlisted', 'accept', 'owner', 'accepted'],
  ['submitted', 'accept', 'system', 'accepted'],
  ['shortlisted', 'accept', 'system', 'accepted'],
  ['submitted', 'withdraw', 'bidder', 'withdrawn'],
  ['shortlisted', 'withdraw', 'bidder', 'withdrawn'],
];

const ACTORS_OF: Record<BidTransition, BidActor[]> = {
  shortlist: ['owner'],
  reject: ['owner', 'system'],
  accept: ['owner', 'system'],
  withdraw: ['bidder'],
};

const NOW = new Date('2025-06-01T12:00:00Z');
const BEFORE = '2025-06-01T11:59:59Z';
const AFTER = '2025-06-01T12:00:01Z';

function offer(overrides: Partial<BiddableListing> = {}): BiddableListing {
  return {
    kind: 'offer',
    status: 'published',
    ownerOrgId: 'inst',
    currency: 'VND',
    pricingModel: 'fixed',
    ...overrides,
  };
}
const auction = (deadline: string | null) => offer({ pricingModel: 'auction', deadline });
const call = (deadline: string | null): BiddableListing => ({
  kind: 'demand',
  status: 'published',
  ownerOrgId: 'ent',
  currency: 'USD',
  demandMode: 'call_for_proposals',
  deadline,
});

describe('bid life cycle', () => {
  describe('every status × transition × actor', () => {
    for (const from of BID_STATUSES) {
      for (const transition of BID_TRANSITION_NAMES) {
        for (const actor of ACTORS) {
          const allowed = ALLOWED.find(([f, t, a]) => f === from && t === transition && a === actor);
          const reason = ACTORS_OF[transition].includes(actor) ? 'invalid_state' : 'forbidden';
          it(`${actor} ${transition} a ${from} bid → ${allowed ? allowed[3] : reason}`, () => {
            const plan = planBidTransition(from, transition, actor);
            if (allowed) assert.deepEqual(plan, { ok: true, to: allowed[3] });
            else assert.equal(!plan.ok && plan.reason, reason);
          });
        }
      }
    }
  });

  it('when the listing is still sealed, then its owner cannot shortlist, accept or reject', () => {
    for (const t of ['shortlist', 'accept', 'reject'] as const) {
      const plan = planBidTransition('submitted', t, 'owner', { sealed: true });
      assert.equal(!plan.ok && plan.reason, 'sealed');
    }
  });

  it('when the listing is still sealed, then the bidder may still withdraw and the system may still decide', () => {
    assert.deepEqual(planBidTransition('submitted', 'withdraw', 'bidder', { sealed: true }), {
      ok: true,
      to: 'withdrawn',
    });
    assert.deepEqual(planBidTransition('submitted', 'reject', 'system', { sealed: true }), {
      ok: true,
      to: 'rejected',
    });
  });

  describe('isSealed', () => {
    it('an auction is sealed before its closing time and open from it on', () => {
      assert.equal(isSealed(auction(AFTER), NOW), true);
      assert.equal(isSealed(auction(NOW.toISOString()), NOW), false);
      assert.equal(isSealed(auction(BEFORE), NOW), false);
    });

    it('a call for proposals is sealed until its deadline, given as a Date too', () => {
      assert.equal(isSealed(call(AFTER), NOW), true);
      assert.equal(isSealed({ ...call(null), deadline: new Date(AFTER) }, NOW), true);
      assert.equal(isSealed(call(BEFORE), NOW), false);
    });

    it('fixed, negotiable offers and open demands are never sealed', () => {
      assert.equal(isSealed(offer({ deadline: AFTER }), NOW), false);
      assert.equal(isSealed(offer({ pricingModel: 'negotiable' }), NOW), false);
      assert.equal(isSealed({ ...call(AFTER), demandMode: 'open' }, NOW), false);
    });

    it('when a sealed listing has no deadline, then it stays sealed', () => {
      assert.equal(isSealed(auction(null), NOW), true);
      assert.equal(isSealed(call(null), NOW), true);
    });
  });

  describe('canSeeBid', () => {
    const bid = { bidderOrgId: 'ent' };
    const see = (
      viewer: { role: 'member' | 'broker' | 'admin'; organizationId?: string },
      listing: BiddableListing,
    ) => canSeeBid({ viewer, bid, listing, now: NOW });

    it('the owner sees bids on an open listing as they come', () => {
      assert.equal(see({ role: 'member', organizationId: 'inst' }, offer()), true);
    });

    it('the owner sees sealed bids only after the deadline', () => {
      assert.equal(see({ role: 'member', organizationId: 'inst' }, auction(AFTER)), false);
      assert.equal(see({ role: 'member', organizationId: 'inst' }, auction(BEFORE)), true);
    });

    it('the bidder always sees their own bid, sealed or not', () => {
      assert.equal(see({ role: 'member', organizationId: 'ent' }, auction(AFTER)), true);
    });

    it('an operator sees every bid, even sealed ones', () => {
      assert.equal(see({ role: 'admin' }, auction(AFTER)), true);
    });

    it('other organizations, brokers and viewers without an organization see nothing', () => {
      assert.equal(see({ role: 'member', organizationId: 'rival' }, offer()), false);
      assert.equal(see({ role: 'broker', organizationId: 'brokers' }, auction(BEFORE)), false);
      assert.equal(see({ role: 'member' }, offer()), false);
    });
  });

  describe('canPlaceBid', () => {
    const place = (listing: BiddableListing, overrides: Partial<Parameters<typeof canPlaceBid>[0]> = {}) =>
      canPlaceBid({
        listing,
        bidderOrgId: 'ent',
        bidderOrgVerified: true,
        bid: { amount: 500_000_000, currency: 'VND' },
        now: NOW,
        ...overrides,
      });
    const reason = (d: ReturnType<typeof canPlaceBid>) => (d.ok ? 'ok' : d.reason);

    it('a verified organization may bid on a published listing of another organization', () => {
      assert.deepEqual(place(offer()), { ok: true });
      assert.deepEqual(place(auction(AFTER)), { ok: true });
    });

    it('when the bidder is unverified, then it is refused', () => {
      assert.equal(reason(place(offer(), { bidderOrgVerified: false })), 'unverified_org');
    });

    it('when the listing is not published, then it is refused', () => {
      for (const status of ['draft', 'pending_review', 'closed', 'withdrawn', 'expired'] as const) {
        assert.equal(reason(place(offer({ status }))), 'not_published');
      }
    });

    it('when the organization bids on its own listing, then it is refused', () => {
      assert.equal(reason(place(offer(), { bidderOrgId: 'inst' })), 'own_listing');
    });

    it('when the deadline has come or passed, then it is refused', () => {
      assert.equal(reason(place(auction(NOW.toISOString()))), 'deadline_passed');
      assert.equal(reason(place(auction(BEFORE))), 'deadline_passed');
    });

    it('when the amount is zero, negative, fractional or unsafe, then it is refused', () => {
      for (const amount of [0, -1, 10.5, Number.MAX_SAFE_INTEGER + 2, Number.NaN]) {
        assert.equal(reason(place(offer(), { bid: { amount, currency: 'VND' } })), 'invalid_amount');
      }
    });

    it('when the currency differs from the listing’s, then it is refused', () => {
      assert.equal(reason(place(offer(), { bid: { amount: 100, currency: 'USD' } })), 'currency_mismatch');
    });

    it('when the listing names no currency, then any currency is accepted', () => {
      assert.equal(reason(place(offer({ currency: null }), { bid: { amount: 100, currency: 'USD' } })), 'ok');
    });
  });

  describe('auctionOutcome', () => {
    const bid = (id: string, amount: number, at: string, extra: Partial<AuctionBid> = {}): AuctionBid => ({
      id,
      amount,
      currency: 'VND',
      status: 'submitted',
      submittedAt: at,
      ...extra,
    });

    it('the highest bid wins', () => {
      const bids = [bid('a', 100, '2025-01-01'), bid('b', 300, '2025-01-02'), bid('c', 200, '2025-01-03')];
      const outcome = auctionOutcome(bids, { currency: 'VND', reservePrice: 150 });
      assert.equal(outcome.sold && outcome.winner.id, 'b');
    });

    it('when two bids tie, then the earlier wins, whatever the input order', () => {
      const early = bid('z', 300, '2025-01-01T10:00:00Z');
      const late = bid('a', 300, '2025-01-01T11:00:00Z');
      for (const bids of [
        [early, late],
        [late, early],
      ]) {
        const outcome = auctionOutcome(bids, { currency: 'VND' });
        assert.equal(outcome.sold && outcome.winner.id, 'z');
      }
    });

    it('when the highest bid is below the reserve, then nothing is sold and the highest is reported', () => {
      const outcome = auctionOutcome([bid('a', 100, '2025-01-01')], { currency: 'VND', reservePrice: 101 });
      assert.deepEqual(outcome, {
        sold: false,
        reason: 'reserve_not_met',
        highest: bid('a', 100, '2025-01-01'),
      });
    });

    it('a bid equal to the reserve meets it', () => {
      const outcome = auctionOutcome([bid('a', 100, '2025-01-01')], { currency: 'VND', reservePrice: 100 });
      assert.equal(outcome.sold, true);
    });

    it('when there are no bids, then nothing is sold', () => {
      assert.deepEqual(auctionOutcome([], { currency: 'VND', reservePrice: 1 }), {
        sold: false,
        reason: 'no_bids',
      });
    });

    it('withdrawn and rejected bids and bids in another currency do not count', () => {
      const bids = [
        bid('gone', 900, '2025-01-01', { status: 'withdrawn' }),
        bid('no', 800, '2025-01-01', { status: 'rejected' }),
        bid('usd', 700, '2025-01-01', { currency: 'USD' }),
        bid('short', 100, '2025-01-02', { status: 'shortlisted' }),
      ];
      const outcome = auctionOutcome(bids, { currency: 'VND' });
      assert.equal(outcome.sold && outcome.winner.id, 'short');
      assert.deepEqual(auctionOutcome(bids.slice(0, 3), { currency: 'VND' }), {
        sold: false,
        reason: 'no_bids',
      });
    });
  });

  describe('takesWholeOffer', () => {
    it('a fixed-price or auctioned offer is sold once, whatever the transfer mode', () => {
      assert.equal(takesWholeOffer(offer({ pricingModel: 'fixed' }), 'license_non_exclusive'), true);
      assert.equal(takesWholeOffer(offer({ pricingModel: 'auction' }), 'consulting'), true);
    });

    it('an exclusive licence or an assignment of a negotiable offer goes to one buyer', () => {
      assert.equal(takesWholeOffer(offer({ pricingModel: 'negotiable' }), 'license_exclusive'), true);
      assert.equal(takesWholeOffer(offer({ pricingModel: 'negotiable' }), 'assignment'), true);
    });

    it('a non-exclusive licence of a negotiable offer may be granted to several', () => {
      assert.equal(takesWholeOffer(offer({ pricingModel: 'negotiable' }), 'license_non_exclusive'), false);
    });

    it('a proposal on a demand never takes the whole demand', () => {
      assert.equal(takesWholeOffer(call(null), 'assignment'), false);
    });
  });
});
