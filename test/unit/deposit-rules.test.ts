/** The deposit rules: what becomes of each deposit of an auction or a call, and what a call may ask. */
import assert from 'node:assert/strict';
import {
  callPhase,
  planAuctionDeposit,
  planCallDeposit,
  keptDepositRefundAt,
  planKeptDeposit,
  type CallPhase,
  type DepositFacts,
  type ProposalFacts,
} from '../../server/payments/deposit-rules';
import { demandViolations } from '../../server/demands/demand-rules';
import { callDepositOf } from '../../server/listings';
import { lockedRevisionField, revisionChanges } from '../../server/listings/listing-revision';

const paid = (payerOrgId = 'org-a', outcome?: string): DepositFacts => ({
  status: 'paid',
  payerOrgId,
  outcome,
});

describe('deposit rules', () => {
  describe('planAuctionDeposit', () => {
    const sold = { winnerOrgId: 'org-w', dealId: 'deal-1' };
    it('the winner’s paid deposit is credited to its deal; a loser’s is refunded', () => {
      assert.deepEqual(planAuctionDeposit(paid('org-w'), sold), { kind: 'credit', dealId: 'deal-1' });
      assert.equal(planAuctionDeposit(paid('org-l'), sold).kind, 'refund');
    });
    it('when nothing sold, every paid deposit is refunded; one still being paid is closed', () => {
      assert.equal(planAuctionDeposit(paid('org-w'), {}).kind, 'refund');
      assert.equal(planAuctionDeposit({ status: 'pending', payerOrgId: 'org-l' }, sold).kind, 'close');
    });
    it('a deposit already refunded is only told about; a failed one or one with an outcome is left alone', () => {
      assert.equal(planAuctionDeposit({ status: 'refunded', payerOrgId: 'org-l' }, sold).kind, 'told');
      assert.equal(planAuctionDeposit({ status: 'failed', payerOrgId: 'org-l' }, sold).kind, 'none');
      assert.equal(planAuctionDeposit(paid('org-w', 'forfeited'), sold).kind, 'none');
      assert.equal(planAuctionDeposit(paid('org-l', 'credited'), sold).kind, 'none');
    });
  });

  describe('callPhase', () => {
    it('open while published and not closed, deciding once closed, ended once no longer published', () => {
      assert.equal(callPhase({ status: 'published' }), 'open');
      assert.equal(callPhase({ status: 'published', deadlineClosedAt: new Date() }), 'deciding');
      for (const status of ['closed', 'withdrawn', 'expired'] as const)
        assert.equal(callPhase({ status, deadlineClosedAt: new Date() }), 'ended');
      assert.equal(callPhase(null), 'ended');
    });
  });

  describe('the runner-up’s deposit at an auction’s close', () => {
    const sold = { winnerOrgId: 'org-w', dealId: 'deal-1', runnerUpOrgId: 'org-r' };
    it('is kept against the winner’s deal; the other losers’ are refunded; nothing is kept when nothing sold', () => {
      assert.deepEqual(planAuctionDeposit(paid('org-r'), sold), { kind: 'keep', dealId: 'deal-1' });
      assert.equal(planAuctionDeposit(paid('org-l'), sold).kind, 'refund');
      assert.equal(planAuctionDeposit(paid('org-r'), { runnerUpOrgId: 'org-r' }).kind, 'refund');
    });
  });

  describe('planKeptDeposit', () => {
    const now = new Date('2026-12-05T10:00:00Z');
    const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
    const KEEP = 14;
    const negotiating = { winnerDeal: { status: 'negotiating' }, keepDays: KEEP };
    it('is kept while the winner negotiates, and while its ended deal may still lead to an offer', () => {
      assert.deepEqual(planKeptDeposit(paid('org-r'), negotiating, now), { kind: 'hold' });
      const ended = {
        winnerDeal: { status: 'cancelled', closedAt: daysAgo(KEEP - 1) },
        keepDays: KEEP,
      };
      assert.deepEqual(planKeptDeposit(paid('org-r'), ended, now), { kind: 'hold' });
    });
    it('is refunded once the winner signs, or once the keeping time after its deal ended has passed', () => {
      for (const status of ['awaiting_payment', 'delivering', 'closed_won'])
        assert.equal(
          planKeptDeposit(paid('org-r'), { winnerDeal: { status }, keepDays: KEEP }, now).kind,
          'refund',
          status,
        );
      const long = { winnerDeal: { status: 'closed_lost', closedAt: daysAgo(KEEP) }, keepDays: KEEP };
      assert.equal(planKeptDeposit(paid('org-r'), long, now).kind, 'refund');
      assert.equal(planKeptDeposit(paid('org-r'), { winnerDeal: null, keepDays: KEEP }, now).kind, 'refund');
    });
    it('keeps it as many days as configured', () => {
      const winnerDeal = { status: 'cancelled', closedAt: daysAgo(4) };
      assert.equal(planKeptDeposit(paid('org-r'), { winnerDeal, keepDays: 5 }, now).kind, 'hold');
      assert.equal(planKeptDeposit(paid('org-r'), { winnerDeal, keepDays: 3 }, now).kind, 'refund');
      assert.deepEqual(keptDepositRefundAt(winnerDeal, 3), daysAgo(1));
      assert.equal(
        keptDepositRefundAt({ status: 'negotiating' }, 3),
        null,
        'no date while the winner may sign',
      );
      assert.equal(keptDepositRefundAt(null, 3), null);
    });
    it('is credited to the deal the owner opens with the runner-up’s bid; refunded when another bidder was offered it', () => {
      const offered = { ...negotiating, offered: { dealId: 'deal-2', buyerOrgId: 'org-r' } };
      assert.deepEqual(planKeptDeposit(paid('org-r'), offered, now), { kind: 'credit', dealId: 'deal-2' });
      const other = { ...negotiating, offered: { dealId: 'deal-2', buyerOrgId: 'org-x' } };
      assert.equal(planKeptDeposit(paid('org-r'), other, now).kind, 'refund');
    });
    it('does nothing more once credited, and tells a refund made', () => {
      assert.deepEqual(planKeptDeposit(paid('org-r', 'credited'), negotiating, now), { kind: 'none' });
      assert.deepEqual(planKeptDeposit({ status: 'refunded', payerOrgId: 'org-r' }, negotiating, now), {
        kind: 'told',
      });
    });
  });

  describe('planCallDeposit', () => {
    const plan = (proposals: ProposalFacts[], phase: CallPhase, deposit = paid()) =>
      planCallDeposit(deposit, proposals, phase).kind;
    const live: ProposalFacts = { status: 'submitted' };

    it('while the call takes proposals, every deposit is held, pending ones too', () => {
      assert.equal(plan([], 'open'), 'hold');
      assert.equal(plan([{ status: 'withdrawn' }], 'open'), 'hold');
      assert.equal(plan([], 'open', { status: 'pending', payerOrgId: 'org-a' }), 'hold');
    });
    it('once closed, a deposit still being paid is closed', () => {
      for (const phase of ['deciding', 'ended'] as const)
        assert.equal(plan([live], phase, { status: 'pending', payerOrgId: 'org-a' }), 'close');
    });
    it('while the owner chooses, a proposer with a proposal in the running keeps its deposit; one with none is refunded', () => {
      assert.equal(plan([live], 'deciding'), 'hold');
      assert.equal(plan([{ status: 'shortlisted' }, { status: 'rejected' }], 'deciding'), 'hold');
      for (const gone of ['rejected', 'withdrawn'] as const)
        assert.equal(plan([{ status: gone }], 'deciding'), 'refund');
      assert.equal(plan([], 'deciding'), 'refund');
    });
    it('a chosen proposal’s deposit is credited to its deal, whatever the phase; while its deal is being opened it is held', () => {
      for (const phase of ['open', 'deciding', 'ended'] as const) {
        assert.deepEqual(
          planCallDeposit(paid(), [{ status: 'rejected' }, { status: 'accepted', dealId: 'd-1' }], phase),
          {
            kind: 'credit',
            dealId: 'd-1',
          },
        );
        assert.equal(plan([{ status: 'accepted' }], phase), 'hold');
      }
    });
    it('once the call ended, a proposal still standing no longer holds its deposit', () => {
      assert.equal(plan([live, { status: 'shortlisted' }], 'ended'), 'refund');
    });
    it('a deposit already credited, forfeited, refunded or failed is not touched again (a refunded one is told about once)', () => {
      assert.equal(plan([], 'ended', paid('org-a', 'credited')), 'none');
      assert.equal(plan([], 'ended', paid('org-a', 'forfeited')), 'none');
      assert.equal(plan([], 'ended', { status: 'refunded', payerOrgId: 'org-a' }), 'told');
      assert.equal(plan([], 'ended', { status: 'failed', payerOrgId: 'org-a' }), 'none');
    });
  });

  describe('a call’s deposit (demand rules)', () => {
    const call = {
      mode: 'call_for_proposals',
      deadline: '2099-01-01T00:00:00.000Z',
      budget: { min: 100_000_000, max: 900_000_000, currency: 'VND' },
    };
    const fields = (demand: Record<string, unknown>) =>
      demandViolations(demand, { now: new Date('2026-01-01'), checkTimes: false }).map((d) => d.field);

    it('a fixed amount, or a percentage of the budget’s maximum rounded half up, in the budget’s currency', () => {
      assert.deepEqual(callDepositOf({ ...call, deposit: 5_000_000 }), {
        amount: 5_000_000,
        currency: 'VND',
      });
      assert.deepEqual(callDepositOf({ ...call, depositPct: 3 }), { amount: 27_000_000, currency: 'VND' });
      assert.deepEqual(callDepositOf({ ...call, budget: { max: 1_050, currency: 'USD' }, depositPct: 5 }), {
        amount: 53,
        currency: 'USD',
      });
    });
    it('an open demand, or a call without a deposit, asks none', () => {
      assert.equal(callDepositOf({ ...call, mode: 'open', deposit: 5_000_000 }), null);
      assert.equal(callDepositOf(call), null);
      assert.equal(callDepositOf({ ...call, budget: { currency: 'VND' }, depositPct: 2 }), null);
    });
    it('a deposit only on a call, fixed or a percentage, a percentage only of a maximum budget', () => {
      assert.deepEqual(fields({ ...call, deposit: 5_000_000 }), []);
      assert.deepEqual(fields({ ...call, depositPct: 2 }), []);
      assert.deepEqual(fields({ ...call, mode: 'open', deposit: 5_000_000 }), ['deposit']);
      assert.deepEqual(fields({ ...call, mode: 'open', depositPct: 2 }), ['depositPct']);
      assert.deepEqual(fields({ ...call, deposit: 5_000_000, depositPct: 2 }), ['depositPct']);
      assert.deepEqual(fields({ ...call, budget: { min: 1, currency: 'VND' }, depositPct: 2 }), [
        'depositPct',
      ]);
    });
  });

  describe('a published call’s deposit (revision rules)', () => {
    const locked = (current: Record<string, unknown>, patch: Record<string, unknown>) =>
      lockedRevisionField('demand', current, revisionChanges(current, patch))?.field;
    it('its deposit never changes, nor the budget a percentage is taken of', () => {
      const fixed = { mode: 'call_for_proposals', deposit: 5_000_000, budget: { max: 900, currency: 'VND' } };
      assert.equal(locked(fixed, { deposit: 6_000_000 }), 'deposit');
      assert.equal(locked(fixed, { depositPct: 2 }), 'depositPct');
      assert.equal(locked(fixed, { budget: { max: 1_000, currency: 'VND' } }), undefined);
      const pct = { mode: 'call_for_proposals', depositPct: 2, budget: { max: 900, currency: 'VND' } };
      assert.equal(locked(pct, { budget: { max: 1_000, currency: 'VND' } }), 'budget');
      assert.equal(locked(pct, { title: 'Một tiêu đề mới' }), undefined);
    });
  });
});
