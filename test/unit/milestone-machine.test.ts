import assert from 'node:assert/strict';
import {
  afterFeesSettled,
  deliveryDone,
  deliveryPlanOf,
  isOverdue,
  planMilestoneAction,
  type MilestoneAction,
} from '../../server/deals/milestone-machine';
import {
  DEAL_ROLES,
  MILESTONE_STATUSES,
  type DealRole,
  type MilestoneStatus,
} from '../../server/api-contract/enums';

const ACTIONS: MilestoneAction[] = [
  'deliver',
  'accept',
  'request_changes',
  'dispute',
  'resolve',
  'auto_accept',
];

/** Every allowed move, by hand: [from, action, role, to] (resolve shown with outcome `accepted`). */
const ALLOWED: [MilestoneStatus, MilestoneAction, DealRole, MilestoneStatus][] = [
  ['pending', 'deliver', 'seller', 'delivered'],
  ['changes_requested', 'deliver', 'seller', 'delivered'],
  ['delivered', 'accept', 'buyer', 'accepted'],
  ['delivered', 'request_changes', 'buyer', 'changes_requested'],
  ['delivered', 'dispute', 'seller', 'disputed'],
  ['delivered', 'dispute', 'buyer', 'disputed'],
  ['changes_requested', 'dispute', 'seller', 'disputed'],
  ['changes_requested', 'dispute', 'buyer', 'disputed'],
  ['disputed', 'resolve', 'broker', 'accepted'],
  ['disputed', 'resolve', 'admin', 'accepted'],
  ['delivered', 'auto_accept', 'system', 'accepted'],
];
const ROLES_OF: Record<MilestoneAction, DealRole[]> = {
  deliver: ['seller'],
  accept: ['buyer'],
  request_changes: ['buyer'],
  dispute: ['seller', 'buyer'],
  resolve: ['broker', 'admin'],
  auto_accept: ['system'],
};

describe('milestone machine', () => {
  describe('every state × action × role', () => {
    for (const status of MILESTONE_STATUSES)
      for (const action of ACTIONS)
        for (const role of DEAL_ROLES) {
          const allowed = ALLOWED.find(([s, a, r]) => s === status && a === action && r === role);
          const code = ROLES_OF[action].includes(role) ? 'conflict' : 'forbidden';
          it(`${role} ${action} when ${status} → ${allowed ? allowed[3] : code}`, () => {
            const plan = planMilestoneAction({ status, amount: 100 }, action, role, {
              note: 'lý do',
              outcome: 'accepted',
            });
            if (allowed) assert.deepEqual(plan, { ok: true, to: allowed[3] });
            else assert.equal(!plan.ok && plan.code, code);
          });
        }
  });

  it('a dispute resolves to the outcome it names; a partial one needs an amount below the milestone’s', () => {
    const disputed = { status: 'disputed' as const, amount: 1000 };
    const to = (outcome: 'accepted' | 'redelivery' | 'partial' | 'cancelled', amount?: number) =>
      planMilestoneAction(disputed, 'resolve', 'admin', { outcome, amount });
    assert.deepEqual(to('redelivery'), { ok: true, to: 'pending' });
    assert.deepEqual(to('cancelled'), { ok: true, to: 'cancelled' });
    assert.deepEqual(to('partial', 400), { ok: true, to: 'accepted' });
    for (const amount of [undefined, 0, 1000, 1200]) {
      const plan = to('partial', amount);
      assert.equal(!plan.ok && plan.field, 'amount');
    }
    const none = planMilestoneAction(disputed, 'resolve', 'admin', {});
    assert.equal(!none.ok && none.field, 'outcome');
  });

  it('asking for changes or disputing says why', () => {
    for (const action of ['request_changes', 'dispute'] as const) {
      const plan = planMilestoneAction({ status: 'delivered' }, action, 'buyer', { note: '  ' });
      assert.equal(!plan.ok && plan.code, 'validation_failed');
    }
  });

  it('the plan comes from the agreed milestones; the deal is done when each is accepted or cancelled', () => {
    const plan = deliveryPlanOf({
      currency: 'VND',
      milestones: [{ title: 'A', amount: 5 }, { title: 'B' }],
    });
    assert.deepEqual(
      plan.map((m) => [m.n, m.title, m.amount, m.currency, m.status]),
      [
        [1, 'A', 5, 'VND', 'pending'],
        [2, 'B', 0, 'VND', 'pending'],
      ],
    );
    assert.equal(deliveryDone([]), false);
    assert.equal(deliveryDone([{ status: 'accepted' }, { status: 'cancelled' }]), true);
    assert.equal(deliveryDone([{ status: 'accepted' }, { status: 'disputed' }]), false);
    const sheets = [{ milestones: [{}] }, { milestones: [] }];
    assert.equal(afterFeesSettled({ agreedVersion: 1, termSheets: sheets }), 'start_delivery');
    assert.equal(afterFeesSettled({ agreedVersion: 2, termSheets: sheets }), 'complete');
  });

  it('a milestone past its due date is overdue until it is settled', () => {
    const now = new Date('2026-12-05T00:00:00Z');
    const past = new Date('2026-12-01T00:00:00Z');
    assert.equal(isOverdue({ status: 'pending', dueDate: past }, now), true);
    assert.equal(isOverdue({ status: 'delivered', dueDate: past }, now), true);
    assert.equal(isOverdue({ status: 'accepted', dueDate: past }, now), false);
    assert.equal(isOverdue({ status: 'pending', dueDate: new Date('2026-12-09T00:00:00Z') }, now), false);
    assert.equal(isOverdue({ status: 'pending' }, now), false);
  });
});
