/**
 * Bid deposits on auctions that ask for one (`pricing.deposit` or `pricing.depositPct`): a
 * verified organization pays its deposit before it may bid, through the same payments as fees
 * (bank transfer confirmed by an operator, or Stripe Checkout). What becomes of the deposits at
 * the close is deposit-settlement.ts.
 */
import { AppError } from '../common/errors';
import { actingOrganizationId, type SessionUser } from '../common/session-user';
import type { PaymentProvider } from '../api-contract/enums';
import { loadVisibleListing, type ListingRef } from '../bids/listing-ref';
import { depositsOfOffer } from './deal-payments';
import { depositOfOrg } from './deposit-status';
import type { PaymentDeps } from './payment-deps';
import { startSubjectPayment, type PayableLine } from './payment.service';
import { paymentView } from './payment.view';
import type { Currency } from '../api-contract/enums';

/** The auction's deposit; 409 when it asks none. */
function depositLine(offer: ListingRef): PayableLine {
  if (offer.pricingModel !== 'auction' || !offer.deposit)
    throw AppError.conflict('This offer asks no deposit of its bidders');
  return {
    purpose: 'bid_deposit',
    payer: 'bidder',
    amount: offer.deposit.amount,
    currency: offer.deposit.currency as Currency,
  };
}

/** Starts (or resumes) the acting organization's deposit on the auction. */
export async function startDeposit(
  user: SessionUser,
  offerId: string,
  provider: PaymentProvider,
  deps: PaymentDeps,
) {
  const offer = await loadVisibleListing('offer', offerId, user);
  const line = depositLine(offer);
  const orgId = actingOrganizationId(user);
  if (!orgId || !user.organization?.verified)
    throw AppError.forbidden('Only a member of a verified organization may pay a deposit and bid');
  if (orgId === offer.ownerOrgId) throw AppError.forbidden('You cannot bid on your own offer');
  if (
    offer.status !== 'published' ||
    offer.deadlineClosedAt ||
    (offer.deadline && offer.deadline <= new Date())
  )
    throw AppError.conflict('The auction is not taking bids; no deposit can be paid now');
  const subject = { kind: 'deposit' as const, id: offer.id, title: offer.title, payerOrgId: orgId };
  return startSubjectPayment(user, subject, line, provider, deps);
}

/** What the acting organization owes and has paid on the auction, for its bid form. */
export async function myDeposit(user: SessionUser, offerId: string) {
  const offer = await loadVisibleListing('offer', offerId, user);
  const required = offer.pricingModel === 'auction' && offer.deposit ? offer.deposit : null;
  const orgId = actingOrganizationId(user);
  const live = required && orgId ? await depositOfOrg(offer.id, orgId) : null;
  return {
    required: !!required,
    ...(required ? { amount: required.amount, currency: required.currency } : {}),
    status: live ? live.status : 'none',
    ...(live ? { payment: paymentView(live) } : {}),
  };
}

/** Every deposit on the auction, for the offer's owner and operators. */
export async function offerDeposits(user: SessionUser, offerId: string) {
  const offer = await loadVisibleListing('offer', offerId, user);
  if (user.role !== 'admin' && actingOrganizationId(user) !== offer.ownerOrgId)
    throw AppError.forbidden("Only the offer's owner and operators see its deposits");
  const deposits = await depositsOfOffer(offer.id);
  return { deposits: deposits.map(paymentView) };
}
