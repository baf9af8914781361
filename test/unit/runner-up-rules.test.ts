/** The runner-up rules: which forfeit allows an offer, and which bid or proposal is the runner-up. */
import assert from 'node:assert/strict';
import type { BidStatus } from '../../server/api-contract/enums';
import {
  forfeitAwaitingRunnerUp,
  pickRunnerUp,
  proposalRanksAbove,
  type RunnerUpBid,
  type RunnerUpDeposit,
} from '../../server/bids/runner-up-rules';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 9, minute));
const bid = (id: string, org: string, amount: number, status: BidStatus, minute = 0): RunnerUpBid => ({
  id,
  bidderOrgId: org,
  amount,
  currency: 'VND',
  status,
  submittedAt: at(minute),
});
const deposit = (org: string, fields: Partial<RunnerUpDeposit> = {}): RunnerUpDeposit => ({
  id: `dep-${org}`,
  payerOrgId: org,
  status: 'refunded',
  paidAt: at(0),
  ...fields,
});
const forfeited = (org: string, runnerUp?: RunnerUpDeposit['runnerUp']) =>
  deposit(org, { status: 'paid', outcome: 'forfeited', ...(runnerUp ? { runnerUp } : {}) });

describe('runner-up rules', () => {
  describe('forfeitAwaitingRunnerUp', () => {
    it('without a forfeited deposit, nothing can be offered', () => {
      const found = forfeitAwaitingRunnerUp([
        deposit('a'),
        deposit('w', { status: 'paid', outcome: 'credited' }),
      ]);
      assert.equal(found.ok, false);
      assert.match((found as { message: string }).message, /only after an operator forfeited/);
    });
    it('a forfeit allows one offer: once its deal is open, no more', () => {
      assert.deepEqual(forfeitAwaitingRunnerUp([forfeited('w')]), { ok: true, depositId: 'dep-w' });
      const used = forfeitAwaitingRunnerUp([forfeited('w', { bidId: 'b2', dealId: 'd2' })]);
      assert.equal(used.ok, false);
      assert.match((used as { message: string }).message, /already been offered/);
    });
    it('an offer claimed but not finished is taken up again, before a newer forfeit', () => {
      const found = forfeitAwaitingRunnerUp([forfeited('x'), forfeited('w', { bidId: 'b2' })]);
      assert.deepEqual(found, { ok: true, depositId: 'dep-w', bidId: 'b2' });
    });
  });

  describe('pickRunnerUp on an auction', () => {
    const auction = { kind: 'offer' as const, currency: 'VND' as const, reservePrice: 130 };
    const winner = bid('b-w', 'w', 200, 'accepted');
    const deposits = [forfeited('w'), deposit('a'), deposit('b'), deposit('c')];

    it('the best bid the close turned down, at or above the reserve, of a bidder who paid its deposit', () => {
      const bids = [
        winner,
        bid('b-a', 'a', 150, 'rejected'),
        bid('b-b', 'b', 170, 'rejected'),
        bid('b-c', 'c', 120, 'rejected'),
      ];
      const pick = pickRunnerUp(auction, bids, deposits);
      assert.equal(pick.ok && pick.bid.id, 'b-b');
    });
    it('ties go to the earlier bid, as in the auction', () => {
      const bids = [winner, bid('b-a', 'a', 150, 'rejected', 5), bid('b-b', 'b', 150, 'rejected', 2)];
      const pick = pickRunnerUp(auction, bids, deposits);
      assert.equal(pick.ok && pick.bid.id, 'b-b');
    });
    it('never a withdrawn bid, one below the reserve or in another currency, one whose bidder paid no deposit, the walked-away winner or a bidder already holding an accepted bid', () => {
      const bids = [
        winner,
        bid('b-w2', 'w', 190, 'rejected'),
        bid('b-a', 'a', 180, 'withdrawn'),
        { ...bid('b-b', 'b', 175, 'rejected'), currency: 'USD' as const },
        bid('b-c', 'c', 125, 'rejected'),
        bid('b-d', 'd', 170, 'rejected'),
        bid('b-e1', 'e', 160, 'accepted'),
        bid('b-e2', 'e', 165, 'rejected'),
      ];
      const pick = pickRunnerUp(auction, bids, [...deposits, deposit('e')]);
      assert.equal(pick.ok, false);
      assert.match((pick as { message: string }).message, /No other bid/);
    });
    it('a deposit never paid (pending, or failed) does not qualify its bidder', () => {
      const bids = [winner, bid('b-a', 'a', 150, 'rejected')];
      for (const status of ['pending', 'failed'] as const) {
        const pick = pickRunnerUp(auction, bids, [forfeited('w'), deposit('a', { status, paidAt: null })]);
        assert.equal(pick.ok, false);
      }
    });
    it('without a reserve, any bid counts', () => {
      const pick = pickRunnerUp(
        { ...auction, reservePrice: null },
        [winner, bid('b-c', 'c', 10, 'rejected')],
        deposits,
      );
      assert.equal(pick.ok && pick.bid.id, 'b-c');
    });
  });

  describe('pickRunnerUp on a call for proposals', () => {
    const call = { kind: 'demand' as const, currency: 'VND' as const };
    const held = (org: string) => deposit(org, { status: 'paid' });
    const chosen = bid('p-w', 'w', 200, 'accepted');

    it('a proposal still in the running whose deposit is held: shortlisted first, then the lowest price', () => {
      const bids = [
        chosen,
        bid('p-a', 'a', 150, 'submitted'),
        bid('p-b', 'b', 190, 'shortlisted'),
        bid('p-c', 'c', 120, 'submitted'),
      ];
      const deposits = [forfeited('w'), held('a'), held('b'), held('c')];
      assert.equal((pickRunnerUp(call, bids, deposits) as { bid: RunnerUpBid }).bid.id, 'p-b');
      const unlisted = bids.map((b) =>
        b.status === 'shortlisted' ? { ...b, status: 'submitted' as const } : b,
      );
      assert.equal((pickRunnerUp(call, unlisted, deposits) as { bid: RunnerUpBid }).bid.id, 'p-c');
    });
    it('never a proposal turned down or withdrawn, nor one whose deposit was refunded or credited', () => {
      const bids = [
        chosen,
        bid('p-a', 'a', 150, 'rejected'),
        bid('p-b', 'b', 160, 'withdrawn'),
        bid('p-c', 'c', 170, 'submitted'),
        bid('p-d', 'd', 180, 'submitted'),
      ];
      const deposits = [
        forfeited('w'),
        held('a'),
        held('b'),
        deposit('c'),
        deposit('d', { status: 'paid', outcome: 'credited' }),
      ];
      const pick = pickRunnerUp(call, bids, deposits);
      assert.equal(pick.ok, false);
      assert.match((pick as { message: string }).message, /No other proposal/);
    });
    it('proposalRanksAbove: shortlisted, then cheaper, then earlier', () => {
      assert.ok(proposalRanksAbove(bid('x', 'x', 300, 'shortlisted'), bid('y', 'y', 100, 'submitted')));
      assert.ok(proposalRanksAbove(bid('x', 'x', 100, 'submitted'), bid('y', 'y', 300, 'submitted')));
      assert.ok(proposalRanksAbove(bid('x', 'x', 100, 'submitted', 1), bid('y', 'y', 100, 'submitted', 2)));
      assert.ok(!proposalRanksAbove(bid('x', 'x', 100, 'submitted', 3), bid('y', 'y', 100, 'submitted', 2)));
    });
  });
});
