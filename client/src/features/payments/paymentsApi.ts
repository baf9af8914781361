/** The payments API as the client uses it. Money is an integer in minor units, as the server sends it. */
import type { Currency, Locale, PaymentProvider, PaymentPurpose, PaymentStatus } from '@contract/enums';
import { api } from '../../api';
import type { ApiRequestBody, ApiResponse } from '../../api/responses';

export type { PaymentProvider, PaymentStatus };
/** Who pays a deal's fee line. */
export type Payer = 'buyer' | 'seller';
/** Who pays a payment: a party of a deal, or the organization that requested an appraisal. */
export type PaymentPayer = Payer | 'requester';

export interface FeeLine {
  purpose: PaymentPurpose;
  amount: number;
  currency: Currency;
  payer: Payer;
  status?: PaymentStatus;
  paymentId?: string;
  provider?: PaymentProvider;
  /** The milestone whose acceptance made this share of the success fee due (absent: due on signing). */
  milestone?: number;
}

/** A share of a paid fee the exchange owes a broker or an expert. */
export interface PaymentPayee {
  userId: string;
  purpose: PaymentPurpose;
  amount: number;
}

/** A fee's payment: of a deal (`dealId`) or of an appraisal (`appraisalId`, with its `title`). */
export interface Payment {
  id: string;
  dealId?: string;
  appraisalId?: string;
  /** A listing fee's offer or demand. */
  listingId?: string;
  listingKind?: 'offer' | 'demand';
  title?: string;
  purpose: PaymentPurpose;
  payer: PaymentPayer;
  payerOrgId: string;
  amount: number;
  currency: Currency;
  provider: PaymentProvider;
  status: PaymentStatus;
  reference: string;
  receiptNumber?: string;
  checkoutUrl?: string;
  duplicate?: boolean;
  refundReason?: string;
  paidAt?: string;
  refundedAt?: string;
  createdAt?: string;
  stripe?: { refundStatus?: string };
  payees?: PaymentPayee[];
  /** A deposit's fate; here what the operators' list acts on: a surplus refund waiting for them. */
  deposit?: {
    surplusRefunded?: number;
    surplusRefundNeedsOperator?: {
      key: string;
      amount: number;
      error?: string;
      since?: string;
      retries: number;
    };
  };
}

export interface AdminPayment extends Payment {
  /** The deal's title, or the appraisal's (its listing's title). */
  dealTitle?: string;
  dealStatus?: string;
  payerOrgName?: string;
}

export interface BankTransferInstructions {
  bankName: string;
  accountName: string;
  accountNumber: string;
  amount: number;
  currency: Currency;
  reference: string;
}

export interface StartedPayment {
  payment: Payment;
  checkoutUrl?: string;
  instructions?: BankTransferInstructions;
}

/** A payment with what it pays for: a deal, or an appraisal. */
export interface PaymentWithDeal {
  payment: Payment;
  deal?: { id: string; title: string; status: string };
  appraisal?: { id: string; title: string };
  /** The offer or demand a listing fee is paid for. */
  listing?: { kind: 'offer' | 'demand'; id: string; title: string };
  instructions?: BankTransferInstructions;
}

export interface LedgerEntry {
  id: string;
  at: string;
  kind: 'payment_started' | 'payment_received' | 'payment_failed' | 'refund' | Payout['kind'];
  paymentId: string;
  /** The exchange pays the shares it owes brokers and experts (payouts). */
  payer: PaymentPayer | 'exchange';
  amount: number;
  currency: Currency;
  provider: PaymentProvider;
  reference: string;
  source: 'member' | 'operator' | 'stripe' | 'system';
  note?: string;
}

/** The operators' payouts: every share the exchange owes or owed, newest first, and each person's totals. */
export type PayoutList = ApiResponse<'/api/admin/payouts'>;
/**
 * A share of a paid fee the exchange owes a broker (commission) or an expert (share of an
 * appraisal fee): due when its fee is paid, paid when an operator records the transfer (with its
 * reference), cancelled when the fee is refunded.
 */
export type Payout = PayoutList['payouts'][number];
export type PayoutStatus = Payout['status'];
/** What the exchange owes (still due) and has paid one person in one currency. */
export type PayoutTotal = PayoutList['totals'][number];
/** A broker's or an expert's own shares and totals. */
export type MyPayoutList = ApiResponse<'/api/payouts/mine'>;
/** What POST /api/admin/payouts/:id/paid takes. */
export type PayoutPaidBody = ApiRequestBody<'/api/admin/payouts/{id}/paid', 'post'>;

/** Query keys of the payouts (the operators' list and the caller's own). */
export const payoutKeys = {
  admin: ['admin', 'payouts'] as const,
  mine: ['payouts', 'mine'] as const,
};

export async function getProviders(signal?: AbortSignal): Promise<PaymentProvider[]> {
  return (await api<{ providers: PaymentProvider[] }>('/api/payments/providers', { signal })).providers;
}

export async function getFees(dealId: string, signal?: AbortSignal): Promise<FeeLine[]> {
  return (await api<{ fees: FeeLine[] }>(`/api/deals/${encodeURIComponent(dealId)}/fees`, { signal })).fees;
}

export function startPayment(
  dealId: string,
  provider: PaymentProvider,
  payer: Payer,
): Promise<StartedPayment> {
  return api<StartedPayment>(`/api/deals/${encodeURIComponent(dealId)}/payments`, {
    method: 'POST',
    body: { provider, payer },
  });
}

export function getPayment(id: string, signal?: AbortSignal): Promise<PaymentWithDeal> {
  return api<PaymentWithDeal>(`/api/payments/${encodeURIComponent(id)}`, { signal });
}

export async function getLedger(dealId: string, signal?: AbortSignal): Promise<LedgerEntry[]> {
  return (
    await api<{ entries: LedgerEntry[] }>(`/api/deals/${encodeURIComponent(dealId)}/ledger`, { signal })
  ).entries;
}

/** What the operators' list may show besides a status: the deposits' surplus refunds waiting for them. */
export type PaymentAttention = 'surplus_refund';

export async function listPayments(
  filter: { status?: PaymentStatus; attention?: PaymentAttention },
  signal?: AbortSignal,
) {
  return api<{ payments: AdminPayment[]; total: number }>('/api/admin/payments', {
    query: { ...filter, limit: 100 },
    signal,
  });
}

/** An operator records a bank transfer received, with what the bank statement shows. */
export async function confirmPayment(
  id: string,
  receipt: { amount: number; bankReference: string; receivedOn: string },
): Promise<Payment> {
  const body = await api<{ payment: Payment }>(`/api/admin/payments/${encodeURIComponent(id)}/confirm`, {
    method: 'POST',
    body: receipt,
  });
  return body.payment;
}

/** What the exchange owes brokers and experts: each share, newest first, and each person's totals. */
export function listPayouts(signal?: AbortSignal): Promise<PayoutList> {
  return api<PayoutList>('/api/admin/payouts', { signal });
}

/** The signed-in user's own shares (a broker's commissions, an expert's shares) and totals. */
export function myPayouts(signal?: AbortSignal): Promise<MyPayoutList> {
  return api<MyPayoutList>('/api/payouts/mine', { signal });
}

/** An operator records that the exchange paid a due share, with the transfer's reference. */
export async function markPayoutPaid(id: string, body: PayoutPaidBody): Promise<Payout | undefined> {
  const res = await api<ApiResponse<'/api/admin/payouts/{id}/paid', 'post'>>(
    `/api/admin/payouts/${encodeURIComponent(id)}/paid`,
    { method: 'POST', body },
  );
  return res.payout;
}

export async function refundPayment(id: string, reason: string): Promise<Payment> {
  const body = await api<{ payment: Payment }>(`/api/admin/payments/${encodeURIComponent(id)}/refund`, {
    method: 'POST',
    body: { reason },
  });
  return body.payment;
}

/** An operator retries a deposit's surplus refund handed to them (Stripe asked again at once). */
export async function retrySurplusRefund(id: string): Promise<Payment> {
  const path = `/api/admin/payments/${encodeURIComponent(id)}/surplus-refund/retry`;
  return (await api<{ payment: Payment }>(path, { method: 'POST' })).payment;
}

/** An operator records a deposit's surplus refund handed to them as made outside the exchange. */
export async function recordSurplusRefund(id: string, reference: string): Promise<Payment> {
  const path = `/api/admin/payments/${encodeURIComponent(id)}/surplus-refund/recorded`;
  return (await api<{ payment: Payment }>(path, { method: 'POST', body: { reference } })).payment;
}

export function receiptUrl(paymentId: string, lang: Locale): string {
  return `/api/payments/${encodeURIComponent(paymentId)}/receipt?lang=${lang}`;
}
