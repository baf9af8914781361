/** The payments API as the client uses it. Money is an integer in minor units, as the server sends it. */
import type { Currency, Locale, PaymentProvider, PaymentPurpose, PaymentStatus } from '@contract/enums';
import { api } from '../../api';

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

/** An entry of the operators' payouts: a share of a paid fee now owed, or no longer owed after its refund. */
export interface Payout {
  id: string;
  at: string;
  kind: 'payout_due' | 'payout_cancelled';
  purpose: PaymentPurpose;
  payeeUserId: string;
  payeeName: string;
  amount: number;
  currency: Currency;
  paymentId: string;
  dealId?: string;
  appraisalId?: string;
  reference: string;
}

/** What the exchange owes one person in one currency, after refunds. */
export interface PayoutTotal {
  payeeUserId: string;
  name: string;
  currency: Currency;
  owed: number;
}

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

export async function listPayments(status: PaymentStatus | undefined, signal?: AbortSignal) {
  return api<{ payments: AdminPayment[]; total: number }>('/api/admin/payments', {
    query: { status, limit: 100 },
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
export function listPayouts(signal?: AbortSignal) {
  return api<{ payouts: Payout[]; totals: PayoutTotal[] }>('/api/admin/payouts', { signal });
}

export async function refundPayment(id: string, reason: string): Promise<Payment> {
  const body = await api<{ payment: Payment }>(`/api/admin/payments/${encodeURIComponent(id)}/refund`, {
    method: 'POST',
    body: { reason },
  });
  return body.payment;
}

export function receiptUrl(paymentId: string, lang: Locale): string {
  return `/api/payments/${encodeURIComponent(paymentId)}/receipt?lang=${lang}`;
}
