import assert from 'node:assert/strict';
import { LISTING_STATUSES, type ListingStatus } from '../../server/api-contract/enums';
import {
  availableListingTransitions,
  editableStatuses,
  LISTING_TRANSITION_NAMES,
  planListingEdit,
  planListingTransition,
  type ListingActorKind,
  type ListingTransition,
} from '../../server/listings/listing-lifecycle';

const ACTOR_KINDS: ListingActorKind[] = ['owner', 'admin', 'system', 'other'];

/** Every allowed move, written out by hand: [from, transition, actor, to]. */
const ALLOWED: [ListingStatus, ListingTransition, ListingActorKind, ListingStatus][] = [
  ['draft', 'submit', 'owner', 'pending_review'],
  ['pending_review', 'approve', 'admin', 'published'],
  ['pending_review', 'reject', 'admin', 'draft'],
  ['draft', 'withdraw', 'owner', 'withdrawn'],
  ['pending_review', 'withdraw', 'owner', 'withdrawn'],
  ['published', 'withdraw', 'owner', 'withdrawn'],
  ['published', 'close', 'owner', 'closed'],
  ['published', 'close', 'system', 'closed'],
  ['published', 'expire', 'system', 'expired'],
];

/** Who may ever take each transition, also by hand. */
const ACTORS_OF: Record<ListingTransition, ListingActorKind[]> = {
  submit: ['owner'],
  approve: ['admin'],
  reject: ['admin'],
  withdraw: ['owner'],
  close: ['owner', 'system'],
  expire: ['system'],
};

describe('listing life cycle', () => {
  describe('every status × transition × actor (verified, with a reason)', () => {
    for (const from of LISTING_STATUSES) {
      for (const transition of LISTING_TRANSITION_NAMES) {
        for (const kind of ACTOR_KINDS) {
          const allowed = ALLOWED.find(([f, t, a]) => f === from && t === transition && a === kind);
          const expected = allowed
            ? { ok: true, to: allowed[3] }
            : { ok: false, reason: ACTORS_OF[transition].includes(kind) ? 'invalid_state' : 'forbidden' };
          it(`${kind} ${transition} from ${from} → ${allowed ? allowed[3] : expected.reason}`, () => {
            const plan = planListingTransition(
              from,
              transition,
              { kind, verifiedOrg: true },
              { reason: 'why' },
            );
            if (plan.ok) assert.deepEqual(plan, expected);
            else {
              assert.deepEqual({ ok: plan.ok, reason: plan.reason }, expected);
              assert.ok(plan.message.length > 0);
            }
          });
        }
      }
    }
  });

  it('when an unverified organization submits a draft, then it is refused as unverified_org', () => {
    const plan = planListingTransition('draft', 'submit', { kind: 'owner', verifiedOrg: false });
    assert.equal(plan.ok, false);
    assert.equal(!plan.ok && plan.reason, 'unverified_org');
  });

  it('when the verified flag is missing, then submit is refused (fails closed)', () => {
    const plan = planListingTransition('draft', 'submit', { kind: 'owner' });
    assert.equal(!plan.ok && plan.reason, 'unverified_org');
  });

  it('when an unverified organization withdraws its draft, then that is allowed', () => {
    assert.deepEqual(planListingTransition('draft', 'withdraw', { kind: 'owner', verifiedOrg: false }), {
      ok: true,
      to: 'withdrawn',
    });
  });

  it('when an operator rejects without a reason or with only spaces, then a reason is required', () => {
    for (const input of [{}, { reason: '' }, { reason: '   ' }]) {
      const plan = planListingTransition('pending_review', 'reject', { kind: 'admin' }, input);
      assert.equal(!plan.ok && plan.reason, 'reason_required');
    }
  });

  it('when a stranger tries to approve a draft, then the answer is forbidden, not a hint about its state', () => {
    const plan = planListingTransition('draft', 'approve', { kind: 'other' });
    assert.equal(!plan.ok && plan.reason, 'forbidden');
  });

  it('when a transition name is unknown, then it is refused without throwing', () => {
    const plan = planListingTransition('draft', 'reopen' as ListingTransition, { kind: 'owner' });
    assert.equal(!plan.ok && plan.reason, 'unknown_transition');
    const inherited = planListingTransition('draft', 'toString' as ListingTransition, { kind: 'owner' });
    assert.equal(!inherited.ok && inherited.reason, 'unknown_transition');
  });

  it('closed, withdrawn and expired listings accept no transition from anyone', () => {
    for (const status of ['closed', 'withdrawn', 'expired'] as const) {
      for (const kind of ACTOR_KINDS) assert.deepEqual(availableListingTransitions(status, { kind }), []);
    }
  });

  it('the owner of a published listing sees withdraw and close as the available actions', () => {
    assert.deepEqual(availableListingTransitions('published', { kind: 'owner' }), ['withdraw', 'close']);
    assert.deepEqual(availableListingTransitions('pending_review', { kind: 'admin' }), ['approve', 'reject']);
  });

  describe('editing', () => {
    it('drafts and listings awaiting review are editable; others are not', () => {
      assert.deepEqual([...editableStatuses], ['draft', 'pending_review']);
    });

    it('when the owner edits a listing awaiting review, then it goes back to draft', () => {
      assert.deepEqual(planListingEdit('pending_review', { kind: 'owner' }), { ok: true, to: 'draft' });
      assert.deepEqual(planListingEdit('draft', { kind: 'owner' }), { ok: true, to: 'draft' });
    });

    it('when the owner edits a published, closed, withdrawn or expired listing, then it is refused as invalid_state', () => {
      for (const status of ['published', 'closed', 'withdrawn', 'expired'] as const) {
        const plan = planListingEdit(status, { kind: 'owner' });
        assert.equal(!plan.ok && plan.reason, 'invalid_state');
      }
    });

    it('when anyone but the owner edits, then it is forbidden', () => {
      for (const kind of ['admin', 'system', 'other'] as const) {
        const plan = planListingEdit('draft', { kind });
        assert.equal(!plan.ok && plan.reason, 'forbidden');
      }
    });
  });
});
