/**
 * The payment providers behind small interfaces, so the services never see the Stripe SDK and
 * tests can wrap a provider to watch what the exchange asked of it.
 */
import type { Currency, Locale } from '../../api-contract/enums';

export interface CheckoutRequest {
  paymentId: string;
  /**
   * What is paid for: a deal's fee carries `dealId`, an appraisal's `appraisalId`, a bid deposit
   * `offerId`, a listing fee `listingId`.
   */
  dealId?: string;
  appraisalId?: string;
  offerId?: string;
  /** A call for proposals' deposit. */
  demandId?: string;
  listingId?: string;
  purpose: string;
  /** Minor units, passed to Stripe as is (VND is zero-decimal there too). */
  amount: number;
  currency: Currency;
  description: string;
  successUrl: string;
  cancelUrl: string;
  idempotencyKey: string;
  locale: Locale;
}

export interface CheckoutSession {
  id: string;
  url: string;
  paymentIntentId?: string;
}

export interface RefundRequest {
  paymentIntentId: string;
  idempotencyKey: string;
  paymentId: string;
  /** Part of the payment (a deposit's surplus); the whole of it when absent. */
  amount?: number;
  /** Names a partial refund in its metadata, so its events never refund the whole payment. */
  part?: 'surplus';
}

export interface ProviderRefund {
  id: string;
  /** Stripe's refund status: succeeded, pending, requires_action, failed or canceled. */
  status: string;
}

/** A webhook event as the exchange reads it: Stripe's `Event` shape, verified. */
export interface VerifiedEvent {
  id: string;
  type: string;
  data: { object: Record<string, unknown> };
}

export interface StripeProvider {
  createCheckoutSession(req: CheckoutRequest): Promise<CheckoutSession>;
  /** Closes an open session; says so when the customer completed it first. */
  expireCheckoutSession(sessionId: string): Promise<'expired' | 'completed'>;
  createRefund(req: RefundRequest): Promise<ProviderRefund>;
  /** Verifies the signature over the exact bytes received; throws when it does not match or is stale. */
  verifyWebhook(rawBody: Buffer, signature: string): VerifiedEvent;
}

export interface BankTransferInstructions {
  bankName: string;
  accountName: string;
  accountNumber: string;
  amount: number;
  currency: Currency;
  reference: string;
}

export interface BankTransferProvider {
  instructions(payment: { amount: number; currency: Currency; reference: string }): BankTransferInstructions;
}
