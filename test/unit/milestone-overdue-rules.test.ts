import assert from 'node:assert/strict';
import {
  daysOverdue,
  overdueChecks,
  overdueMilestones,
  owesOverdueNotice,
} from '../../server/deals/milestone-overdue-rules';
import { deliveringDealEntries, deliveringDueAt } from '../../server/read-models/owner-list-keys';

const DAY = 86_400_000;
const now = new Date('2026-06-15T10:00:00Z');
const ago = (days: number) => new Date(now.getTime() - days * DAY);

const plan = [
  { n: 1, title: 'Bản vẽ', dueDate: ago(10), status: 'accepted' },
  { n: 2, title: 'Lắp đặt', dueDate: ago(3.5), status: 'delivered' },
  { n: 3, title: 'Chạy thử', dueDate: ago(0.25), status: 'pending' },
  { n: 4, title: 'Hủy', dueDate: ago(20), status: 'cancelled' },
  { n: 5, title: 'Vận hành', dueDate: ago(-5), status: 'pending' },
  { n: 6, title: 'Không hạn', status: 'pending' },
  { n: 7, title: 'Tranh chấp', dueDate: ago(1), status: 'disputed' },
];

describe('overdue milestones (pure rules)', () => {
  it('when days overdue are counted, then each day begun counts, from 1 on the first day', () => {
    assert.equal(daysOverdue(ago(0.01), now), 1);
    assert.equal(daysOverdue(ago(1), now), 1);
    assert.equal(daysOverdue(ago(1.01), now), 2);
    assert.equal(daysOverdue(ago(3.5), now), 4);
    assert.equal(daysOverdue(now, now), 0);
    assert.equal(daysOverdue(ago(-2), now), 0);
  });

  it('when a plan is read, then the milestones past due and neither accepted nor cancelled are overdue, in plan order', () => {
    assert.deepEqual(
      overdueMilestones(plan, now).map((m) => [m.n, m.daysOverdue, m.status]),
      [
        [2, 4, 'delivered'],
        [3, 1, 'pending'],
        [7, 1, 'disputed'],
      ],
    );
    assert.deepEqual(overdueMilestones(undefined, now), []);
  });

  it('when the plan is made, then each open milestone with a due date is owed a check at that date', () => {
    assert.deepEqual(
      overdueChecks(plan).map((c) => [c.n, c.dueDate.toISOString()]),
      [2, 3, 5, 7].map((n) => [n, plan.find((m) => m.n === n)!.dueDate!.toISOString()]),
    );
  });

  it('when a check runs, then only the same milestone still open past the same due date owes a notice', () => {
    const m = plan[1];
    assert.equal(owesOverdueNotice(m, m.dueDate!, now), true);
    assert.equal(owesOverdueNotice(m, m.dueDate!, ago(4)), false); // not yet due then
    assert.equal(owesOverdueNotice({ ...m, status: 'accepted' }, m.dueDate!, now), false);
    assert.equal(owesOverdueNotice({ ...m, status: 'cancelled' }, m.dueDate!, now), false);
    assert.equal(owesOverdueNotice(m, ago(2), now), false); // another due date than the one checked
    assert.equal(owesOverdueNotice(undefined, m.dueDate!, now), false);
  });

  it('when a deal delivers, then the operators’ list holds it by its earliest open due date; settled or closed, it leaves', () => {
    const deal = { _id: 'd1', status: 'delivering', delivery: plan };
    const [[key, entry]] = deliveringDealEntries(deal);
    assert.equal(key, 'deal:delivering');
    assert.equal(deliveringDueAt(entry), ago(3.5).getTime()); // n 2: the accepted and cancelled ones are left out
    assert.deepEqual(deliveringDealEntries({ ...deal, status: 'closed_won' }), []);
    const settled = plan.map((m) => ({ ...m, status: m.dueDate ? 'accepted' : m.status }));
    assert.deepEqual(deliveringDealEntries({ ...deal, delivery: settled }), []);
    // Later due dates sort lower: a full list drops them first, never the overdue ones.
    const later = deliveringDealEntries({
      ...deal,
      delivery: [{ n: 1, dueDate: ago(-30), status: 'pending' }],
    });
    assert.ok(later[0][1].at < entry.at);
  });
});
