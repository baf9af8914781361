import assert from 'node:assert/strict';
import {
  computeAppraisalFee,
  DEFAULT_FEE_SCHEDULE,
  expertShares,
  feeScheduleSchema,
  type FeeSchedule,
} from '../../server/fees';
import {
  assertFeeDue,
  feeStatusOf,
  planPublication,
  reportWithheld,
  type Assignment,
} from '../../server/appraisals/appraisal-rules';
import { AppError } from '../../server/common/errors';

const schedule = (expertShareBps?: number): FeeSchedule => ({
  ...DEFAULT_FEE_SCHEDULE,
  appraisalFee: { technology: { VND: 10_000_001 } },
  ...(expertShareBps === undefined ? {} : { expertShareBps }),
});

const conflict = (fn: () => unknown, message: RegExp) =>
  assert.throws(
    fn,
    (err: unknown) => err instanceof AppError && err.code === 'conflict' && message.test(err.message),
  );

describe('appraisal fees (pure rules)', () => {
  describe('computeAppraisalFee', () => {
    it('takes the schedule’s flat fee for the type and currency, owed by the requester', () => {
      assert.deepEqual(computeAppraisalFee('valuation', 'VND', DEFAULT_FEE_SCHEDULE), {
        purpose: 'appraisal_fee',
        amount: 20_000_000,
        currency: 'VND',
        payer: 'requester',
      });
      assert.equal(computeAppraisalFee('technology', 'USD', DEFAULT_FEE_SCHEDULE)?.amount, 50_000);
    });
    it('is null where the schedule sets none (or zero): the appraisal is free', () => {
      assert.equal(computeAppraisalFee('valuation', 'VND', schedule()), null);
      assert.equal(computeAppraisalFee('technology', 'USD', schedule()), null);
      const zero = { ...DEFAULT_FEE_SCHEDULE, appraisalFee: { technology: { VND: 0 } } };
      assert.equal(computeAppraisalFee('technology', 'VND', zero), null);
    });
    it('the schedule validates appraisal fees and the experts’ share', () => {
      assert.equal(feeScheduleSchema.validate(DEFAULT_FEE_SCHEDULE).error, undefined);
      const bad = {
        ...DEFAULT_FEE_SCHEDULE,
        appraisalFee: { technology: { VND: -1 } },
        expertShareBps: 10_001,
      };
      const { error } = feeScheduleSchema.validate(bad, { abortEarly: false });
      assert.deepEqual(error?.details.map((d) => d.path.join('.')).sort(), [
        'appraisalFee.technology.VND',
        'expertShareBps',
      ]);
    });
  });

  describe('expertShares', () => {
    it('gives the experts 70 % by default, rounded half up, the odd minor units to the first', () => {
      // 70 % of 10,000,001 is 7,000,000.7 → 7,000,001; three experts: 2,333,334 + 2,333,334 + 2,333,333.
      const shares = expertShares(10_000_001, ['a', 'b', 'c'], schedule());
      assert.deepEqual(
        shares.map((s) => [s.userId, s.purpose, s.amount]),
        [
          ['a', 'expert_share', 2_333_334],
          ['b', 'expert_share', 2_333_334],
          ['c', 'expert_share', 2_333_333],
        ],
      );
      assert.equal(
        shares.reduce((sum, s) => sum + s.amount, 0),
        7_000_001,
      );
    });
    it('follows the configured share; no experts or a zero share owe nothing', () => {
      assert.deepEqual(
        expertShares(10_000_000, ['a'], schedule(5000)).map((s) => s.amount),
        [5_000_000],
      );
      assert.deepEqual(expertShares(10_000_000, [], schedule()), []);
      assert.deepEqual(expertShares(10_000_000, ['a'], schedule(0)), []);
      assert.deepEqual(
        expertShares(1, ['a', 'b'], schedule(10_000)).map((s) => s.amount),
        [1],
      );
    });
  });

  describe('the fee on the request', () => {
    const assignments: Assignment[] = [
      { expertId: 'lan', status: 'accepted', assignedAt: new Date() },
      { expertId: 'binh', status: 'declined', assignedAt: new Date() },
    ];
    it('falls due once an expert has taken the request on', () => {
      for (const status of ['requested', 'assigned'] as const)
        conflict(() => assertFeeDue({ status, fee: { amount: 1 } }), /once an expert has taken/);
      for (const status of ['in_progress', 'reported', 'published'] as const)
        assertFeeDue({ status, fee: { amount: 1 } });
      conflict(() => assertFeeDue({ status: 'in_progress', fee: null }), /no fee/);
    });
    it('stands paid while any payment is paid, else pending while one is', () => {
      assert.equal(feeStatusOf([]), 'unpaid');
      assert.equal(feeStatusOf([{ status: 'failed' }, { status: 'pending' }]), 'pending');
      assert.equal(feeStatusOf([{ status: 'pending' }, { status: 'paid' }]), 'paid');
      assert.equal(feeStatusOf([{ status: 'refunded' }]), 'unpaid');
    });
    it('withholds the report from the requester and the owner until paid, never from operators or its experts', () => {
      const current = { assignments, report: { trlAssessed: 5 } };
      const member = { id: 'someone', role: 'member' };
      assert.equal(reportWithheld(member, current, 'unpaid'), true);
      assert.equal(reportWithheld(member, current, 'pending'), true);
      assert.equal(reportWithheld(member, current, 'paid'), false);
      assert.equal(reportWithheld(member, current, null), false, 'a free appraisal');
      assert.equal(reportWithheld({ id: 'op', role: 'admin' }, current, 'unpaid'), false);
      assert.equal(reportWithheld({ id: 'lan', role: 'expert' }, current, 'unpaid'), false);
      assert.equal(
        reportWithheld({ id: 'binh', role: 'expert' }, current, 'unpaid'),
        true,
        'one who declined',
      );
      assert.equal(reportWithheld(member, { assignments }, 'unpaid'), false, 'no report yet');
    });
    it('is published only once its fee is settled', () => {
      conflict(() => planPublication({ status: 'reported' }, false), /fee is not paid/);
      assert.equal(planPublication({ status: 'reported' }, true).status, 'published');
      conflict(() => planPublication({ status: 'published' }, true), /already published/);
    });
  });
});
