/**
 * The deal's negotiation as an explicit state graph (named states, named transitions, who may
 * take each), plus the pure rules for roles, visibility and versioned term sheets.
 *
 *   negotiating ──agree──▶ agreed ──request_payment──▶ awaiting_payment ──complete──▶ closed_won
 *        │                   └──────────────complete (no fees due)──────────────────────▲
 *        │        agreed | awaiting_payment ──start_delivery (milestones)──▶ delivering ─┘
 *        │                                                  (complete: every milestone settled)
 *        └──walk_away──▶ closed_lost
 *   negotiating | agreed | awaiting_payment ──cancel (with a reason)──▶ cancelled
 *
 * `agree`, `request_payment` and `complete` are taken by the system only, when their guard
 * holds (both parties accepted the latest term sheet; fees exist; every fee is paid / none is
 * due). Those guards need data the service has; this table only says who and from where.
 */
import type { DealRole, DealStatus, UserRole } from '../api-contract/enums';

export const DEAL_TERMINAL_STATES: readonly DealStatus[] = ['closed_won', 'closed_lost', 'cancelled'];

export type DealParty = 'seller' | 'buyer';

export const DEAL_TRANSITION_NAMES = [
  'agree',
  'request_payment',
  'start_delivery',
  'complete',
  'cancel',
  'walk_away',
] as const;
export type DealTransition = (typeof DEAL_TRANSITION_NAMES)[number];

export interface DealTransitionRule {
  from: readonly DealStatus[];
  to: DealStatus;
  roles: readonly DealRole[];
  requiresReason?: boolean;
}

export const DEAL_TRANSITIONS: Readonly<Record<DealTransition, DealTransitionRule>> = {
  agree: { from: ['negotiating'], to: 'agreed', roles: ['system'] },
  request_payment: { from: ['agreed'], to: 'awaiting_payment', roles: ['system'] },
  /** Fees paid (or none due) on terms with milestones: the delivery plan starts. */
  start_delivery: { from: ['agreed', 'awaiting_payment'], to: 'delivering', roles: ['system'] },
  complete: { from: ['agreed', 'awaiting_payment', 'delivering'], to: 'closed_won', roles: ['system'] },
  cancel: {
    from: ['negotiating', 'agreed', 'awaiting_payment'],
    to: 'cancelled',
    roles: ['seller', 'buyer', 'admin'],
    requiresReason: true,
  },
  walk_away: { from: ['negotiating'], to: 'closed_lost', roles: ['seller', 'buyer'] },
};

/** Codes are the API's error codes: 403 forbidden, 409 conflict, 400 validation_failed. */
export type DealPlan =
  | { ok: true; to: DealStatus }
  | { ok: false; code: 'forbidden' | 'conflict' | 'validation_failed'; message: string };

/**
 * Decides whether `role` may take `transition` from `state`. The role is checked first, then
 * the state (409 when another step got there first), then the reason for `cancel`.
 */
export function planDealTransition(
  state: DealStatus,
  transition: DealTransition,
  role: DealRole,
  input: { reason?: string } = {},
): DealPlan {
  const rule = DEAL_TRANSITIONS[transition];
  if (!rule.roles.includes(role)) {
    return { ok: false, code: 'forbidden', message: `A ${role} may not ${words(transition)} this deal.` };
  }
  if (!rule.from.includes(state)) {
    return {
      ok: false,
      code: 'conflict',
      message: `The deal is ${words(state)}; it cannot ${words(transition)}.`,
    };
  }
  if (rule.requiresReason && !input.reason?.trim()) {
    return { ok: false, code: 'validation_failed', message: 'A reason is required.' };
  }
  return { ok: true, to: rule.to };
}

function words(code: string): string {
  return code.replaceAll('_', ' ');
}

/**
 * The role a user plays in a deal. Membership of a party's organization comes first: an
 * operator or broker who belongs to the seller's or buyer's organization acts as that party
 * and gets no mediating powers over their own deal. `system` is never returned: only the
 * server's own jobs act as the system.
 */
export function dealRoleOf(
  deal: { sellerOrgId: string; buyerOrgId: string; brokerUserId?: string | null },
  user: { id: string; organizationId?: string | null; role: UserRole },
): DealRole {
  if (user.organizationId && user.organizationId === deal.sellerOrgId) return 'seller';
  if (user.organizationId && user.organizationId === deal.buyerOrgId) return 'buyer';
  if (deal.brokerUserId && user.id === deal.brokerUserId) return 'broker';
  if (user.role === 'admin') return 'admin';
  return 'outsider';
}

/** Parties, the assigned broker, operators and the system see a deal; outsiders do not. */
export function canView(role: DealRole): boolean {
  return role !== 'outsider';
}

/**
 * Who may put a new term-sheet version on the table: the parties and the broker (who mediates
 * by drafting terms), only while negotiating. Accepting stays with the parties.
 */
export function canProposeTerms(state: DealStatus, role: DealRole): boolean {
  return state === 'negotiating' && (role === 'seller' || role === 'buyer' || role === 'broker');
}

/** A party or an operator may assign a broker to a deal that is still open. */
export function canAssignBroker(state: DealStatus, role: DealRole): boolean {
  return !DEAL_TERMINAL_STATES.includes(state) && (role === 'seller' || role === 'buyer' || role === 'admin');
}

/**
 * How many times a deal's broker may be assigned or proposed: each change writes to the deal's timeline, so
 * an unbounded assign/remove loop would grow the deal document without end.
 */
export const MAX_BROKER_ASSIGNMENTS = 20;

export function brokerAssignmentsLeft(timeline: readonly { event: string }[]): number {
  const counted = ['broker_assigned', 'broker_proposed'];
  return MAX_BROKER_ASSIGNMENTS - timeline.filter((e) => counted.includes(e.event)).length;
}

/** The deal as a broker assignment sees it. */
export interface BrokerSeatState {
  status: DealStatus;
  timeline: readonly { event: string }[];
  brokerUserId?: string;
  brokerProposal?: { userId: string; orgId: string; role: DealParty };
  sellerOrgId: string;
  buyerOrgId: string;
}

export type BrokerAssignment =
  | { ok: false; code: 'conflict'; message: string }
  /** The broker takes the seat now, with these parties' consent; `agreedWith`: the party that proposed them. */
  | { ok: true; outcome: 'seated'; consents: string[]; replaced?: string; agreedWith?: DealParty }
  /** The broker is proposed by `orgId` (a party) and waits for the other party. */
  | { ok: true; outcome: 'proposed'; orgId: string; replaced?: string }
  /** The party proposed the same broker before: nothing changes. */
  | { ok: true; outcome: 'unchanged'; replaced?: string };

/**
 * What naming `brokerUserId` does to the deal. An operator (`party` null) seats the broker at
 * once, without consents; a party proposes them, and seats them with both parties' consent when
 * the other party had proposed the same broker. Refused once the deal has ended or its broker
 * has changed `MAX_BROKER_ASSIGNMENTS` times.
 */
export function planBrokerAssignment(
  deal: BrokerSeatState,
  brokerUserId: string,
  party: DealParty | null,
): BrokerAssignment {
  if (DEAL_TERMINAL_STATES.includes(deal.status)) {
    return { ok: false, code: 'conflict', message: 'The deal has ended; its broker can no longer change.' };
  }
  if (brokerAssignmentsLeft(deal.timeline) <= 0) {
    return {
      ok: false,
      code: 'conflict',
      message: `A deal’s broker can be assigned at most ${MAX_BROKER_ASSIGNMENTS} times; ask an operator for help.`,
    };
  }
  const replaced = deal.brokerUserId || undefined;
  if (!party) return { ok: true, outcome: 'seated', consents: [], replaced };
  const myOrg = party === 'seller' ? deal.sellerOrgId : deal.buyerOrgId;
  const proposal = deal.brokerProposal;
  if (proposal && proposal.userId === brokerUserId) {
    if (proposal.orgId === myOrg) return { ok: true, outcome: 'unchanged', replaced };
    return {
      ok: true,
      outcome: 'seated',
      consents: [proposal.orgId, myOrg],
      replaced,
      agreedWith: proposal.role,
    };
  }
  return { ok: true, outcome: 'proposed', orgId: myOrg, replaced };
}

// ---- Term sheets -------------------------------------------------------------------------

export interface TermSheetVersionState {
  version: number;
  acceptedBy: readonly DealParty[];
}

export type TermSheetAcceptance =
  | { ok: true; acceptedBy: DealParty[]; agreed: boolean; changed: boolean }
  | { ok: false; code: 'forbidden' | 'conflict' | 'not_found'; message: string };

/**
 * Whether `role` may accept term-sheet `version`, and what follows. Only the seller and the
 * buyer accept; only the latest version can be accepted (an older one is stale: 409), which is
 * how a new version voids every acceptance of earlier ones. The deal becomes `agreed` when both
 * parties have accepted the latest version. Accepting twice changes nothing and is not an
 * error, even after the deal moved on. Pass `status` to refuse acceptance once the deal has
 * left `negotiating`.
 */
export function termSheetAcceptance(
  state: { versions: readonly TermSheetVersionState[]; status?: DealStatus },
  version: number,
  role: DealRole,
): TermSheetAcceptance {
  if (role !== 'seller' && role !== 'buyer') {
    return { ok: false, code: 'forbidden', message: 'Only the seller and the buyer can accept terms.' };
  }
  const target = state.versions.find((v) => v.version === version);
  if (!target) return { ok: false, code: 'not_found', message: `There is no term sheet version ${version}.` };
  if (version !== latestVersion(state.versions)) {
    return { ok: false, code: 'conflict', message: `Version ${version} has been replaced by a newer one.` };
  }
  const agreedBefore = bothAccepted(target.acceptedBy);
  if (target.acceptedBy.includes(role)) {
    return { ok: true, acceptedBy: [...target.acceptedBy], agreed: agreedBefore, changed: false };
  }
  if (state.status && state.status !== 'negotiating') {
    return {
      ok: false,
      code: 'conflict',
      message: `The deal is ${words(state.status)}; terms can no longer be accepted.`,
    };
  }
  const acceptedBy = [...target.acceptedBy, role];
  return { ok: true, acceptedBy, agreed: bothAccepted(acceptedBy), changed: true };
}

/** Whether both parties accepted the latest version. */
export function isAgreed(versions: readonly TermSheetVersionState[]): boolean {
  const latest = latestVersion(versions);
  const sheet = versions.find((v) => v.version === latest);
  return sheet !== undefined && bothAccepted(sheet.acceptedBy);
}

/** The highest version number, or 0 when there is none. */
export function latestVersion(versions: readonly { version: number }[]): number {
  return versions.reduce((max, v) => Math.max(max, v.version), 0);
}

/** The number the next proposed term sheet gets (1 for the first). */
export function nextTermSheetVersion(versions: readonly { version: number }[]): number {
  return latestVersion(versions) + 1;
}

function bothAccepted(acceptedBy: readonly DealParty[]): boolean {
  return acceptedBy.includes('seller') && acceptedBy.includes('buyer');
}
