import assert from 'node:assert/strict';
import { agreedValue } from '../../server/fees';
import { paymentSchedule, termSheetProblems } from '../../server/deals/term-sheet-rules';

describe('term-sheet rules', () => {
  it('milestones that add up to more than the price are refused, naming the field', () => {
    const problems = termSheetProblems(
      { price: 100, currency: 'VND', milestones: [{ amount: 60 }, { amount: 50 }] },
      'VND',
    );
    assert.deepEqual(
      problems.map((p) => p.field),
      ['milestones'],
    );
  });

  it('a currency other than the listing’s is refused', () => {
    assert.deepEqual(
      termSheetProblems({ price: 100, currency: 'USD' }, 'VND').map((p) => p.field),
      ['currency'],
    );
  });

  it('the fee base is the whole agreed value, never less than the milestones move', () => {
    assert.equal(agreedValue({ price: 0, currency: 'VND', milestones: [{ amount: 900 }] }), 900);
    assert.equal(agreedValue({ price: 1000, currency: 'VND', milestones: [{ amount: 400 }] }), 1000);
  });

  it('the payment schedule adds up to the price: the balance not scheduled falls due on signing', () => {
    const milestones = [
      { title: 'Hồ sơ', amount: 300 },
      { title: 'Đào tạo', amount: 200 },
    ];
    const schedule = paymentSchedule({ price: 1000, milestones });
    assert.equal(schedule.balanceOnSigning, 500);
    assert.equal(schedule.balanceOnSigning + milestones.reduce((s, m) => s + m.amount, 0), 1000);
    assert.equal(paymentSchedule({ price: 500, milestones }).balanceOnSigning, 0);
    assert.deepEqual(paymentSchedule({ price: 500, milestones: [] }), {
      milestones: [],
      balanceOnSigning: 0,
    });
  });
});
