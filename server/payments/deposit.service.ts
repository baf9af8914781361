/**
 * Bid deposits, one flow for both listing kinds that may ask one: an auction (`pricing.deposit`
 * or `pricing.depositPct`) of its bidders, a call for proposals (`deposit` or `depositPct`) of
 * its proposers. A verified organization pays its deposit before it may bid or propose, through
 * the same payments as fees (bank transfer confirmed by an operator, or Stripe Checkout). What
 * becomes of the deposits once bids end is deposit-settlement.ts.
 */
import { AppError } from '../common/errors';
import { actingOrganizationId, type SessionUser } from '../common/session-user';
import type { ListingKind, PaymentProvider, Currency } from '../api-contract/enums';
import { loadVisibleListing, type ListingRef } from '../listings';
import { findDealDoc } from '../deals';
import { depositsOfListing } from './deal-payments';
import { keptDepositRefundAt } from './deposit-rules';
import { depositOfOrg } from './deposit-status';
import type { PaymentDoc } from './payment.model';
import type { PaymentDeps } from './payment-deps';
import { startSubjectPayment, type PayableLine } from './payment.service';
import { paymentView } from './payment.view';

/** What the listing's kind calls things, in the answers' messages. */
const WORDS: Record<ListingKind, { listing: string; bid: string; own: string }> = {
  offer: { listing: 'auction', bid: 'bid', own: 'offer' },
  demand: { listing: 'call for proposals', bid: 'propose', own: 'demand' },
};

/** The deposit the listing asks (an auction's or a call's); 409 when it asks none. */
function depositLine(listing: ListingRef): PayableLine {
  if (!listing.deposit)
    throw AppError.conflict(
      listing.kind === 'offer'
        ? 'This offer asks no deposit of its bidders'
        : 'This demand asks no deposit of its proposers',
    );
  return {
    purpose: 'bid_deposit',
    payer: 'bidder',
    amount: listing.deposit.amount,
    currency: listing.deposit.currency as Currency,
  };
}

/** Starts (or resumes) the acting organization's deposit on the auction or the call. */
export async function startDeposit(
  user: SessionUser,
  kind: ListingKind,
  listingId: string,
  provider: PaymentProvider,
  deps: PaymentDeps,
) {
  const listing = await loadVisibleListing(kind, listingId, user);
  const line = depositLine(listing);
  const words = WORDS[kind];
  const orgId = actingOrganizationId(user);
  if (!orgId || !user.organization?.verified)
    throw AppError.forbidden(`Only a member of a verified organization may pay a deposit and ${words.bid}`);
  if (orgId === listing.ownerOrgId)
    throw AppError.forbidden(`You cannot ${words.bid} on your own ${words.own}`);
  if (
    listing.status !== 'published' ||
    listing.deadlineClosedAt ||
    (listing.deadline && listing.deadline <= new Date())
  )
    throw AppError.conflict(
      `The ${words.listing} is not taking ${kind === 'offer' ? 'bids' : 'proposals'}; no deposit can be paid now`,
    );
  const subject = {
    kind: kind === 'offer' ? ('deposit' as const) : ('call_deposit' as const),
    id: listing.id,
    title: listing.title,
    payerOrgId: orgId,
  };
  return startSubjectPayment(user, subject, line, provider, deps);
}

/**
 * A deposit as its payer and the listing's owner read it: a runner-up's deposit still kept says
 * for how many days after the winner's deal ends (`keepDays`) and, once that deal has ended,
 * until when (`keptUntil`: refunded then, unless the owner offers its bidder the technology).
 */
async function depositView(deposit: PaymentDoc, keepDays: number) {
  const view = paymentView(deposit);
  const kept = deposit.status === 'paid' && !deposit.deposit?.outcome && deposit.deposit?.keptForRunnerUpAt;
  if (!kept || !view.deposit) return view;
  const winnerDealId = deposit.deposit?.keptForDealId;
  const winnerDeal = winnerDealId ? await findDealDoc(String(winnerDealId)) : null;
  const until = keptDepositRefundAt(winnerDeal, keepDays);
  return { ...view, deposit: { ...view.deposit, keepDays, keptUntil: until?.toISOString() } };
}

/** What the acting organization owes and has paid on the auction or the call, for its bid form. */
export async function myDeposit(
  user: SessionUser,
  kind: ListingKind,
  listingId: string,
  /** RUNNER_UP_DEPOSIT_KEEP_DAYS. */
  keepDays: number,
) {
  const listing = await loadVisibleListing(kind, listingId, user);
  const required = listing.deposit ?? null;
  const orgId = actingOrganizationId(user);
  const live = required && orgId ? await depositOfOrg(listing.id, orgId) : null;
  return {
    required: !!required,
    ...(required ? { amount: required.amount, currency: required.currency } : {}),
    status: live ? live.status : 'none',
    ...(live ? { payment: await depositView(live, keepDays) } : {}),
  };
}

/** Every deposit on the auction or the call, for the listing's owner and operators. */
export async function listingDeposits(
  user: SessionUser,
  kind: ListingKind,
  listingId: string,
  /** RUNNER_UP_DEPOSIT_KEEP_DAYS. */
  keepDays: number,
) {
  const listing = await loadVisibleListing(kind, listingId, user);
  if (user.role !== 'admin' && actingOrganizationId(user) !== listing.ownerOrgId)
    throw AppError.forbidden(`Only the ${WORDS[kind].own}'s owner and operators see its deposits`);
  const deposits = await depositsOfListing(listing.id);
  return { deposits: await Promise.all(deposits.map((d) => depositView(d, keepDays))) };
}
