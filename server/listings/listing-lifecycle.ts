/**
 * The life cycle of a listing (technology offer or demand) as data, and the pure rule that
 * decides whether one actor may move a listing from its current status by a named transition.
 *
 *   draft ──submit──▶ pending_review ──approve──▶ published ──close──▶ closed
 *     ▲                    │                         │ └────expire──▶ expired
 *     └──────reject────────┘                         │
 *   draft | pending_review | published ──withdraw──▶ withdrawn
 *
 * closed, withdrawn and expired are terminal. There is deliberately no "reopen": bids, deals
 * and the city's statistics refer to a listing as it ended, so relisting means copying it into
 * a new draft (a service concern), which then goes through review again.
 */
import type { ListingStatus } from '../api-contract/enums';

export type ListingActorKind = 'owner' | 'admin' | 'system' | 'other';

/**
 * Who asks. `owner` is a member of the listing's organization; `verifiedOrg` is that
 * organization's verified flag (only read for `submit`: unverified organizations may draft
 * but not publish).
 */
export interface Actor {
  kind: ListingActorKind;
  verifiedOrg?: boolean;
}
export type ListingActor = Actor;

export const LISTING_TRANSITION_NAMES = [
  'submit',
  'approve',
  'reject',
  'withdraw',
  'close',
  'expire',
] as const;
export type ListingTransition = (typeof LISTING_TRANSITION_NAMES)[number];

export interface ListingTransitionRule {
  from: readonly ListingStatus[];
  to: ListingStatus;
  actors: readonly ListingActorKind[];
  /** The actor's organization must be verified. */
  requiresVerifiedOrg?: boolean;
  /** A non-blank reason must be given (it is shown to the owner). */
  requiresReason?: boolean;
}

export const LISTING_TRANSITIONS: Readonly<Record<ListingTransition, ListingTransitionRule>> = {
  submit: { from: ['draft'], to: 'pending_review', actors: ['owner'], requiresVerifiedOrg: true },
  approve: { from: ['pending_review'], to: 'published', actors: ['admin'] },
  reject: { from: ['pending_review'], to: 'draft', actors: ['admin'], requiresReason: true },
  withdraw: { from: ['draft', 'pending_review', 'published'], to: 'withdrawn', actors: ['owner'] },
  close: { from: ['published'], to: 'closed', actors: ['owner', 'system'] },
  expire: { from: ['published'], to: 'expired', actors: ['system'] },
};

/**
 * Why a transition was refused. Suggested API error codes: forbidden → 403 `forbidden`,
 * unverified_org → 403 `forbidden`, invalid_state → 409 `conflict`,
 * reason_required → 400 `validation_failed`, unknown_transition → 400 `validation_failed`.
 */
export type ListingRefusal =
  'forbidden' | 'unverified_org' | 'invalid_state' | 'reason_required' | 'unknown_transition';

export type ListingPlan =
  { ok: true; to: ListingStatus } | { ok: false; reason: ListingRefusal; message: string };

/**
 * Decides whether `actor` may take `transition` from `current`. Checks, in order: the actor
 * (so strangers learn nothing about the state), the current status, the verified
 * organization, then the reason. The service applies `to` with a conditional update on
 * `current`, so a concurrent change makes the update miss instead of overwriting.
 */
export function planListingTransition(
  current: ListingStatus,
  transition: ListingTransition,
  actor: Actor,
  input: { reason?: string } = {},
): ListingPlan {
  const rule: ListingTransitionRule | undefined = Object.hasOwn(LISTING_TRANSITIONS, transition)
    ? LISTING_TRANSITIONS[transition]
    : undefined;
  if (!rule) return refuse('unknown_transition', `Unknown listing transition "${transition}".`);
  if (!rule.actors.includes(actor.kind)) {
    return refuse('forbidden', `A ${actor.kind} may not ${transition} a listing.`);
  }
  if (!rule.from.includes(current)) {
    return refuse('invalid_state', `A listing in ${current} cannot be ${pastTense(transition)}.`);
  }
  if (rule.requiresVerifiedOrg && actor.verifiedOrg !== true) {
    return refuse('unverified_org', 'Only a verified organization can submit a listing for publication.');
  }
  if (rule.requiresReason && !input.reason?.trim()) {
    return refuse('reason_required', `A reason is required to ${transition} a listing.`);
  }
  return { ok: true, to: rule.to };
}

/** The transitions `actor` could take now (for the buttons a client shows). */
export function availableListingTransitions(current: ListingStatus, actor: Actor): ListingTransition[] {
  return LISTING_TRANSITION_NAMES.filter((t) => {
    const rule = LISTING_TRANSITIONS[t];
    return rule.actors.includes(actor.kind) && rule.from.includes(current);
  });
}

/**
 * Statuses in which the owner may PATCH a listing. Editing a listing in `pending_review`
 * takes it out of the review queue and back to `draft` (so an operator never approves a text
 * they did not read); the owner then submits again. Published listings are not edited in
 * place: a change to one is kept as its pending revision until an operator approves it
 * (listing-revision.ts), because bids were made against the published text.
 */
export const editableStatuses: readonly ListingStatus[] = ['draft', 'pending_review'];

/** Whether `actor` may edit a listing in `current`, and the status the edit leaves it in. */
export function planListingEdit(current: ListingStatus, actor: Actor): ListingPlan {
  if (actor.kind !== 'owner') return refuse('forbidden', 'Only the owner may edit a listing.');
  if (!editableStatuses.includes(current)) {
    return refuse('invalid_state', `A listing in ${current} cannot be edited.`);
  }
  return { ok: true, to: 'draft' };
}

function refuse(reason: ListingRefusal, message: string): ListingPlan {
  return { ok: false, reason, message };
}

function pastTense(transition: ListingTransition): string {
  const forms: Record<ListingTransition, string> = {
    submit: 'submitted',
    approve: 'approved',
    reject: 'rejected',
    withdraw: 'withdrawn',
    close: 'closed',
    expire: 'expired',
  };
  return forms[transition];
}
