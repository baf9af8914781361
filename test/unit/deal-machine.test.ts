import assert from 'node:assert/strict';
import {
  canAssignBroker,
  canProposeTerms,
  canView,
  DEAL_TRANSITION_NAMES,
  dealRoleOf,
  isAgreed,
  nextTermSheetVersion,
  planBrokerAssignment,
  planDealTransition,
  termSheetAcceptance,
  type BrokerSeatState,
  type DealTransition,
} from '../../server/deals/deal-machine';
import { DEAL_ROLES, DEAL_STATUSES, type DealRole, type DealStatus } from '../../server/api-contract/enums';
import { diffTermSheets } from '../../server/api-contract/term-sheet-diff';

/** Every allowed move, written out by hand: [from, transition, role, to]. Everything else is refused. */
const ALLOWED: [DealStatus, DealTransition, DealRole, DealStatus][] = [
  ['negotiating', 'agree', 'system', 'agreed'],
  ['agreed', 'request_payment', 'system', 'awaiting_payment'],
  ['agreed', 'complete', 'system', 'closed_won'],
  ['awaiting_payment', 'complete', 'system', 'closed_won'],
  ['agreed', 'start_delivery', 'system', 'delivering'],
  ['awaiting_payment', 'start_delivery', 'system', 'delivering'],
  ['delivering', 'complete', 'system', 'closed_won'],
  ['negotiating', 'cancel', 'seller', 'cancelled'],
  ['negotiating', 'cancel', 'buyer', 'cancelled'],
  ['negotiating', 'cancel', 'admin', 'cancelled'],
  ['agreed', 'cancel', 'seller', 'cancelled'],
  ['agreed', 'cancel', 'buyer', 'cancelled'],
  ['agreed', 'cancel', 'admin', 'cancelled'],
  ['awaiting_payment', 'cancel', 'seller', 'cancelled'],
  ['awaiting_payment', 'cancel', 'buyer', 'cancelled'],
  ['awaiting_payment', 'cancel', 'admin', 'cancelled'],
  ['negotiating', 'walk_away', 'seller', 'closed_lost'],
  ['negotiating', 'walk_away', 'buyer', 'closed_lost'],
];

/** Refusals are `forbidden` when the role may never take the transition, else `conflict`. */
const ROLES_OF: Record<DealTransition, DealRole[]> = {
  agree: ['system'],
  request_payment: ['system'],
  start_delivery: ['system'],
  complete: ['system'],
  cancel: ['seller', 'buyer', 'admin'],
  walk_away: ['seller', 'buyer'],
};

describe('deal machine', () => {
  describe('every state × transition × role', () => {
    for (const state of DEAL_STATUSES) {
      for (const transition of DEAL_TRANSITION_NAMES) {
        for (const role of DEAL_ROLES) {
          const allowed = ALLOWED.find(([s, t, r]) => s === state && t === transition && r === role);
          const code = ROLES_OF[transition].includes(role) ? 'conflict' : 'forbidden';
          it(`${role} ${transition} in ${state} → ${allowed ? allowed[3] : code}`, () => {
            const plan = planDealTransition(state, transition, role, { reason: 'changed our plans' });
            if (allowed) assert.deepEqual(plan, { ok: true, to: allowed[3] });
            else {
              assert.equal(plan.ok, false);
              assert.equal(!plan.ok && plan.code, code);
              assert.ok(!plan.ok && plan.message.length > 0);
            }
          });
        }
      }
    }
  });

  it('the expected table has one entry per allowed move and no duplicates', () => {
    const keys = ALLOWED.map(([s, t, r]) => `${s}/${t}/${r}`);
    assert.equal(new Set(keys).size, keys.length);
  });

  it('when a party cancels without a reason, then it is a validation failure', () => {
    for (const input of [undefined, {}, { reason: '  ' }]) {
      const plan = planDealTransition('negotiating', 'cancel', 'buyer', input);
      assert.equal(!plan.ok && plan.code, 'validation_failed');
    }
  });

  it('walking away needs no reason', () => {
    assert.deepEqual(planDealTransition('negotiating', 'walk_away', 'seller'), {
      ok: true,
      to: 'closed_lost',
    });
  });

  describe('dealRoleOf', () => {
    const deal = { sellerOrgId: 'inst', buyerOrgId: 'ent', brokerUserId: 'u-broker' };

    it('members of the seller and buyer organizations are seller and buyer', () => {
      assert.equal(dealRoleOf(deal, { id: 'u1', organizationId: 'inst', role: 'member' }), 'seller');
      assert.equal(dealRoleOf(deal, { id: 'u2', organizationId: 'ent', role: 'member' }), 'buyer');
    });

    it('the assigned broker is broker; another broker is an outsider', () => {
      assert.equal(dealRoleOf(deal, { id: 'u-broker', organizationId: 'bf', role: 'broker' }), 'broker');
      assert.equal(dealRoleOf(deal, { id: 'u-other', organizationId: 'bf', role: 'broker' }), 'outsider');
    });

    it('an operator is admin, unless they belong to a party, where they act as that party', () => {
      assert.equal(dealRoleOf(deal, { id: 'op', organizationId: null, role: 'admin' }), 'admin');
      assert.equal(dealRoleOf(deal, { id: 'op', organizationId: 'ent', role: 'admin' }), 'buyer');
    });

    it('anyone else is an outsider, including users without an organization', () => {
      assert.equal(dealRoleOf(deal, { id: 'u3', organizationId: 'rival', role: 'member' }), 'outsider');
      assert.equal(
        dealRoleOf({ sellerOrgId: 'inst', buyerOrgId: 'ent' }, { id: 'u4', role: 'member' }),
        'outsider',
      );
    });
  });

  it('everyone but an outsider can view a deal', () => {
    assert.deepEqual(
      DEAL_ROLES.filter((r) => canView(r)),
      ['seller', 'buyer', 'broker', 'admin', 'system'],
    );
  });

  it('parties and the broker propose terms, only while negotiating', () => {
    assert.deepEqual(
      DEAL_ROLES.filter((r) => canProposeTerms('negotiating', r)),
      ['seller', 'buyer', 'broker'],
    );
    for (const state of DEAL_STATUSES.filter((s) => s !== 'negotiating')) {
      assert.equal(canProposeTerms(state, 'seller'), false);
    }
  });

  it('parties and operators assign a broker to an open deal, not to a finished one', () => {
    assert.deepEqual(
      DEAL_ROLES.filter((r) => canAssignBroker('agreed', r)),
      ['seller', 'buyer', 'admin'],
    );
    for (const state of ['closed_won', 'closed_lost', 'cancelled'] as const)
      assert.equal(canAssignBroker(state, 'admin'), false);
  });

  describe('term sheet acceptance', () => {
    const one = { versions: [{ version: 1, acceptedBy: [] }] };

    it('when the seller accepts the latest version, then it is recorded but not yet agreed', () => {
      assert.deepEqual(termSheetAcceptance(one, 1, 'seller'), {
        ok: true,
        acceptedBy: ['seller'],
        agreed: false,
        changed: true,
      });
    });

    it('when the second party accepts the same version, then the deal becomes agreed', () => {
      const state = {
        versions: [{ version: 1, acceptedBy: ['seller' as const] }],
        status: 'negotiating' as const,
      };
      assert.deepEqual(termSheetAcceptance(state, 1, 'buyer'), {
        ok: true,
        acceptedBy: ['seller', 'buyer'],
        agreed: true,
        changed: true,
      });
    });

    it('when a party accepts twice, then nothing changes and it is not an error', () => {
      const state = { versions: [{ version: 1, acceptedBy: ['seller' as const] }] };
      assert.deepEqual(termSheetAcceptance(state, 1, 'seller'), {
        ok: true,
        acceptedBy: ['seller'],
        agreed: false,
        changed: false,
      });
    });

    it('when a newer version exists, then accepting an older one is a conflict', () => {
      const state = {
        versions: [
          { version: 1, acceptedBy: ['seller' as const] },
          { version: 2, acceptedBy: [] },
        ],
      };
      const result = termSheetAcceptance(state, 1, 'buyer');
      assert.equal(!result.ok && result.code, 'conflict');
    });

    it('a new version voids earlier acceptances: both must accept it again', () => {
      const state = {
        versions: [
          { version: 2, acceptedBy: [] },
          { version: 1, acceptedBy: ['seller' as const, 'buyer' as const] },
        ],
      };
      assert.equal(isAgreed(state.versions), false);
      const result = termSheetAcceptance(state, 2, 'buyer');
      assert.equal(result.ok && result.agreed, false);
    });

    it('when the broker, an operator, the system or an outsider accepts, then it is forbidden', () => {
      for (const role of ['broker', 'admin', 'system', 'outsider'] as const) {
        const result = termSheetAcceptance(one, 1, role);
        assert.equal(!result.ok && result.code, 'forbidden');
      }
    });

    it('when the version does not exist, then it is not found', () => {
      const result = termSheetAcceptance(one, 7, 'seller');
      assert.equal(!result.ok && result.code, 'not_found');
      const none = termSheetAcceptance({ versions: [] }, 1, 'seller');
      assert.equal(!none.ok && none.code, 'not_found');
    });

    it('when the deal is no longer negotiating, then a new acceptance is a conflict', () => {
      const result = termSheetAcceptance({ ...one, status: 'cancelled' }, 1, 'seller');
      assert.equal(!result.ok && result.code, 'conflict');
    });

    it('when a retry arrives after the deal was agreed, then it answers ok and unchanged', () => {
      const state = {
        versions: [{ version: 1, acceptedBy: ['seller' as const, 'buyer' as const] }],
        status: 'agreed' as const,
      };
      assert.deepEqual(termSheetAcceptance(state, 1, 'buyer'), {
        ok: true,
        acceptedBy: ['seller', 'buyer'],
        agreed: true,
        changed: false,
      });
    });

    it('versions are numbered from 1 upwards', () => {
      assert.equal(nextTermSheetVersion([]), 1);
      assert.equal(nextTermSheetVersion([{ version: 1 }, { version: 3 }, { version: 2 }]), 4);
    });
  });

  describe('diffTermSheets', () => {
    const base = {
      version: 1,
      price: 500_000_000,
      currency: 'VND',
      royaltyPct: 3,
      exclusivity: true,
      territory: 'Việt Nam',
      durationMonths: 24,
      milestones: [{ title: 'Chuyển giao hồ sơ', dueDate: '2025-09-01' }],
      createdAt: '2025-06-01T00:00:00Z',
    };

    it('when nothing but bookkeeping changed, then there is no difference', () => {
      assert.deepEqual(diffTermSheets(base, { ...base, version: 2, createdAt: '2025-06-02T00:00:00Z' }), []);
    });

    it('lists the changed terms in their usual order', () => {
      const next = { ...base, version: 2, durationMonths: 36, price: 600_000_000, exclusivity: false };
      assert.deepEqual(diffTermSheets(base, next), ['price', 'exclusivity', 'durationMonths']);
    });

    it('compares milestones deeply', () => {
      const same = { ...base, milestones: [{ title: 'Chuyển giao hồ sơ', dueDate: '2025-09-01' }] };
      const moved = { ...base, milestones: [{ title: 'Chuyển giao hồ sơ', dueDate: '2025-10-01' }] };
      const added = { ...base, milestones: [...base.milestones, { title: 'Đào tạo' }] };
      assert.deepEqual(diffTermSheets(base, same), []);
      assert.deepEqual(diffTermSheets(base, moved), ['milestones']);
      assert.deepEqual(diffTermSheets(base, added), ['milestones']);
      const stored = {
        ...base,
        milestones: [{ _id: 'm1', title: 'Chuyển giao hồ sơ', dueDate: '2025-09-01' }],
      };
      assert.deepEqual(diffTermSheets(base, { ...stored, proposedByRole: 'broker' }), []);
    });

    it('treats missing, undefined and null alike, and reports a term set or cleared', () => {
      const { royaltyPct: _omitted, ...withoutRoyalty } = base;
      assert.deepEqual(diffTermSheets(withoutRoyalty, { ...withoutRoyalty, royaltyPct: null }), []);
      assert.deepEqual(diffTermSheets(base, { ...base, territory: undefined }), ['territory']);
      assert.deepEqual(diffTermSheets(withoutRoyalty, base), ['royaltyPct']);
    });

    it('compares dates by instant and puts unknown keys last, alphabetically', () => {
      const a = { ...base, signingDate: new Date('2025-07-01T00:00:00Z'), zeta: 1, alpha: 1 };
      const b = { ...base, signingDate: new Date('2025-07-01T00:00:00Z'), zeta: 2, alpha: 2, price: 1 };
      assert.deepEqual(diffTermSheets(a, b), ['price', 'alpha', 'zeta']);
    });
  });
});

describe('planBrokerAssignment (who sits as the deal’s broker)', () => {
  const deal = (over: Partial<BrokerSeatState> = {}): BrokerSeatState => ({
    status: 'negotiating',
    timeline: [],
    sellerOrgId: 'org-s',
    buyerOrgId: 'org-b',
    ...over,
  });

  it('an operator seats the broker at once, without consents, naming the one replaced', () => {
    assert.deepEqual(planBrokerAssignment(deal({ brokerUserId: 'old' }), 'new', null), {
      ok: true,
      outcome: 'seated',
      consents: [],
      replaced: 'old',
    });
  });

  it('a party proposes; the other party naming the same broker seats them with both consents', () => {
    assert.deepEqual(planBrokerAssignment(deal(), 'br', 'buyer'), {
      ok: true,
      outcome: 'proposed',
      orgId: 'org-b',
      replaced: undefined,
    });
    const proposed = deal({ brokerProposal: { userId: 'br', orgId: 'org-b', role: 'buyer' } });
    assert.deepEqual(planBrokerAssignment(proposed, 'br', 'seller'), {
      ok: true,
      outcome: 'seated',
      consents: ['org-b', 'org-s'],
      replaced: undefined,
      agreedWith: 'buyer',
    });
    assert.deepEqual(planBrokerAssignment(proposed, 'br', 'buyer'), {
      ok: true,
      outcome: 'unchanged',
      replaced: undefined,
    });
    // Another broker named by the other party replaces the proposal with theirs.
    assert.deepEqual(planBrokerAssignment(proposed, 'other', 'seller'), {
      ok: true,
      outcome: 'proposed',
      orgId: 'org-s',
      replaced: undefined,
    });
  });

  it('an ended deal, or one whose broker changed too often, refuses with 409', () => {
    for (const status of ['closed_won', 'closed_lost', 'cancelled'] as const) {
      const plan = planBrokerAssignment(deal({ status }), 'br', null);
      assert.equal(plan.ok, false);
    }
    const busy = deal({ timeline: Array.from({ length: 20 }, () => ({ event: 'broker_proposed' })) });
    const plan = planBrokerAssignment(busy, 'br', 'seller');
    assert.ok(!plan.ok && plan.code === 'conflict' && /at most 20 times/.test(plan.message));
  });
});
