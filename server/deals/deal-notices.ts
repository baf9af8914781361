/**
 * Tells the people of a deal about each of its steps: a bid placed (the listing's owner), a
 * negotiation opened (the owner), a term sheet proposed or accepted (the other party), the
 * agreement, fees due (each payer their share), a payment received, the deal closed, lost or
 * cancelled, a broker proposed (the other party) or assigned (the parties and the broker). Bid
 * decisions are told by bids/bid-notices.ts, messages while people are away by
 * negotiation/message-notices.ts. People are the active members of a party's organization and the broker.
 */
import type { AppContext } from '../context';
import type { DomainEvents } from '../common/events';
import type { Currency } from '../api-contract/enums';
import { OUTCOME_REASON_LABELS } from '../api-contract/labels';
import { outcomeWords } from '../api-contract/outcome-words';
import type { Label } from '../api-contract/taxonomy';
import { activeMemberIds } from '../auth';
import { listingModel } from '../listings';
import { cachedDealView } from './deal-view-cache';
import type { DealView } from './deal.view';
import { organizationNames, userNames } from './names';
import { dealFeeLines } from '../fees';
import { createNotification } from '../notifications';
import { DEAL_NOTICE, type MilestoneStep, dealName, type Notice } from './deal-notice-text';

export type DealNoticeDeps = Pick<AppContext, 'bus' | 'config'>;

type Party = 'seller' | 'buyer';
/** Who a deal's parties and broker are: the stored deal, or its cached view. */
type DealSides = { sellerOrgId: unknown; buyerOrgId: unknown; brokerUserId?: unknown };
const orgOf = (deal: DealSides, party: Party) => (party === 'seller' ? deal.sellerOrgId : deal.buyerOrgId);
const otherParty = (party: Party): Party => (party === 'seller' ? 'buyer' : 'seller');
const brokerOf = (deal: DealSides) => (deal.brokerUserId ? [String(deal.brokerUserId)] : []);

/**
 * Creates one notification per recipient (each once per `key`), linking to the deal. They are
 * created at once, so that they are inserted by one command (and their lists stored by another).
 */
async function tell(
  deps: DealNoticeDeps,
  deal: DealView,
  recipients: string[],
  type: string,
  key: string,
  notice: Notice,
): Promise<void> {
  const dealId = deal.id;
  const reference = deal.reference;
  await Promise.all(
    [...new Set(recipients)].map((userId) =>
      createNotification(deps, {
        userId,
        type,
        ...notice,
        link: `/deals/${dealId}`,
        data: { dealId, ...(reference ? { reference } : {}), listingKind: deal.listingKind },
        dedupeKey: `${userId}:${type}:${dealId}:${key}`,
      }),
    ),
  );
}

async function parties(deal: DealSides, which: Party[] = ['seller', 'buyer']): Promise<string[]> {
  return activeMemberIds(which.map((p) => orgOf(deal, p)));
}

type DealEvent = DomainEvents['deal.event'];

/** Why a deal was cancelled, in words: the reason's label and the note, or the words given. */
function cancellationWords(deal: DealView, reason: unknown): Label {
  const outcome = deal.outcome;
  if (!outcome) {
    const words = typeof reason === 'string' ? reason : '';
    return { vi: words, en: words };
  }
  const label = OUTCOME_REASON_LABELS[outcome.reason];
  return { vi: outcomeWords(outcome, label.vi), en: outcomeWords(outcome, label.en) };
}

/** The notifications of one deal event (those that concern no one are skipped). */
export async function notifyDealEvent(deps: DealNoticeDeps, event: DealEvent): Promise<void> {
  // The cached view: the deal store's write that raised the event has just put the deal there.
  const deal = await cachedDealView(event.dealId);
  if (!deal) return;
  const p = (event.payload ?? {}) as Record<string, unknown>;
  const name = dealName(deal);
  switch (event.event) {
    case 'deal:created': {
      // A deal from an accepted bid is told by the bid's own notices; a direct one to the owner.
      if (deal.bidId) return;
      const owner: Party = deal.listingKind === 'offer' ? 'seller' : 'buyer';
      const opener = String(orgOf(deal, otherParty(owner)));
      const org = (await organizationNames([opener])).get(opener) ?? '';
      return tell(
        deps,
        deal,
        await parties(deal, [owner]),
        'deal.opened',
        'opened',
        DEAL_NOTICE.opened(name, org),
      );
    }
    case 'terms:proposed': {
      const sheet = (p.termSheet ?? {}) as Record<string, unknown>;
      const version = Number(sheet.version);
      if (version === 1 && deal.bidId) return; // the accepted bid itself
      const by = String(sheet.proposedByRole);
      const to: Party[] = by === 'seller' || by === 'buyer' ? [otherParty(by)] : ['seller', 'buyer'];
      const recipients = (await parties(deal, to)).filter((id) => id !== String(sheet.proposedBy));
      const price = { amount: Number(sheet.price), currency: sheet.currency as Currency };
      const notice = DEAL_NOTICE.termsProposed(name, version, price);
      return tell(deps, deal, recipients, 'terms.proposed', `v${version}`, notice);
    }
    case 'terms:accepted': {
      if (p.agreed === true) return; // the agreement is told by its status change
      const role = p.role as Party;
      const version = Number(p.version);
      const recipients = await parties(deal, [otherParty(role)]);
      const notice = DEAL_NOTICE.termsAccepted(name, version);
      return tell(deps, deal, recipients, 'terms.accepted', `v${version}:${role}`, notice);
    }
    case 'deal:status':
      return notifyStatus(deps, deal, name, p);
    case 'payment:received': {
      const paid = { amount: Number(p.amount), currency: p.currency as Currency };
      const notice = DEAL_NOTICE.paymentReceived(name, paid);
      return tell(deps, deal, await parties(deal), 'payment.received', String(p.paymentId), notice);
    }
    case 'broker:proposed': {
      const brokerId = String(p.brokerUserId);
      const brokerName = (await userNames([brokerId])).get(brokerId) ?? '';
      const key = `${brokerId}:${deal.updatedAt ? Date.parse(deal.updatedAt) : 0}`;
      const recipients = await parties(deal, [otherParty(p.role as Party)]);
      const notice = DEAL_NOTICE.brokerProposed(name, brokerName);
      return tell(deps, deal, recipients, 'deal.broker_proposed', key, notice);
    }
    case 'broker:assigned': {
      const brokerId = String(p.brokerUserId);
      const brokerName = (await userNames([brokerId])).get(brokerId) ?? '';
      const key = `${brokerId}:${deal.updatedAt ? Date.parse(deal.updatedAt) : 0}`;
      await tell(deps, deal, [brokerId], 'deal.broker_assigned', key, DEAL_NOTICE.youAreBroker(name));
      const recipients = (await parties(deal)).filter((id) => id !== brokerId);
      const notice = DEAL_NOTICE.brokerAssigned(name, brokerName);
      return tell(deps, deal, recipients, 'deal.broker_assigned', key, notice);
    }
    case 'milestone:changed':
      return notifyMilestone(deps, deal, name, p);
    default:
      return;
  }
}

/**
 * A milestone's step is told to whoever acts next: a delivery to the buyer, changes asked for to
 * the seller, a dispute to the other party and the broker, an acceptance or a resolution to both.
 */
async function notifyMilestone(
  deps: DealNoticeDeps,
  deal: DealView,
  name: string,
  p: Record<string, unknown>,
): Promise<void> {
  const n = Number(p.n);
  const action = String(p.action);
  const step: MilestoneStep | null =
    action === 'deliver'
      ? 'delivered'
      : action === 'request_changes'
        ? 'changes_requested'
        : action === 'accept' || action === 'auto_accept'
          ? 'accepted'
          : action === 'dispute'
            ? 'disputed'
            : action === 'resolve'
              ? 'resolved'
              : action === 'record_payment'
                ? 'payment_recorded'
                : action === 'confirm_payment'
                  ? 'payment_confirmed'
                  : null;
  if (!step) return;
  const to: Party[] =
    step === 'delivered' || step === 'payment_confirmed'
      ? ['buyer']
      : step === 'changes_requested' || step === 'payment_recorded'
        ? ['seller']
        : ['seller', 'buyer'];
  const recipients = [...(await parties(deal, to)), ...(step === 'disputed' ? brokerOf(deal) : [])].filter(
    (id) => id !== p.byUserId,
  );
  const key = `m${n}:${action}:${deal.updatedAt ? Date.parse(deal.updatedAt) : 0}`;
  const notice = DEAL_NOTICE.milestone(name, n, String(p.title ?? ''), step);
  return tell(deps, deal, recipients, `deal.milestone_${step}`, key, notice);
}

async function notifyStatus(
  deps: DealNoticeDeps,
  deal: DealView,
  name: string,
  p: Record<string, unknown>,
): Promise<void> {
  const status = String(p.status);
  const everyone = async () => [...(await parties(deal)), ...brokerOf(deal)];
  if (status === 'agreed')
    return tell(deps, deal, await everyone(), 'deal.agreed', status, DEAL_NOTICE.agreed(name));
  if (status === 'delivering')
    return tell(deps, deal, await everyone(), 'deal.delivering', status, DEAL_NOTICE.delivering(name));
  if (status === 'closed_won')
    return tell(deps, deal, await everyone(), 'deal.closed', status, DEAL_NOTICE.closedWon(name));
  if (status === 'closed_lost' || status === 'cancelled') {
    // Everyone but the person who ended it.
    const recipients = (await everyone()).filter((id) => id !== p.byUserId);
    const notice =
      status === 'cancelled'
        ? DEAL_NOTICE.cancelled(name, cancellationWords(deal, p.reason))
        : DEAL_NOTICE.closedLost(name);
    return tell(deps, deal, recipients, `deal.${status}`, status, notice);
  }
  if (status === 'awaiting_payment') {
    const lines = dealFeeLines(deal, deps.config.feeSchedule);
    for (const party of ['seller', 'buyer'] as const) {
      const owed = lines
        .filter((l) => l.payer === party)
        .map((l) => ({ amount: l.amount, currency: l.currency }));
      const notice = DEAL_NOTICE.feeDue(name, owed);
      await tell(deps, deal, await parties(deal, [party]), 'deal.fee_due', status, notice);
    }
  }
}

/** The listing's owner hears of each bid or proposal placed on it. */
export async function notifyBidPlaced(
  deps: DealNoticeDeps,
  event: DomainEvents['bid.changed'],
): Promise<void> {
  if (event.status !== 'submitted') return;
  const title =
    event.listingTitle ??
    (await listingModel(event.listingKind).findById(event.listingId).lean<{ title?: string }>())?.title;
  const notice = DEAL_NOTICE.bidReceived(title ?? '', event.listingKind);
  const owners = await activeMemberIds([event.listingOwnerOrgId]);
  await Promise.all(
    owners.map((userId) =>
      createNotification(deps, {
        userId,
        type: 'bid.received',
        ...notice,
        link: `/${event.listingKind}s/${event.listingId}`,
        data: { bidId: event.bidId, listingKind: event.listingKind, listingId: event.listingId },
        dedupeKey: `${userId}:bid.received:${event.bidId}`,
      }),
    ),
  );
}
