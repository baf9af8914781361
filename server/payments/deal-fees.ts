/**
 * The fee lines a deal owes, from its agreed term sheet and the configured schedule; and which
 * payment, among a deal's payments, stands for each line. Pure: no database here.
 */
import type { Currency, PaymentStatus } from '../api-contract/enums';
import {
  brokerCommissionShares,
  computeBrokerCommission,
  computeDealFees,
  type FeeLine,
  type FeeSchedule,
} from './fees';
import { agreedValue } from '../deals/term-sheet-rules';

export interface DealTerms {
  agreedVersion?: number | null;
  termSheets: readonly {
    version: number;
    price: number;
    currency: string;
    milestones?: readonly { amount?: number | null }[];
  }[];
  brokerUserId?: unknown;
  /** The winner's auction deposit, held against what the buyer owes. */
  depositCredit?: { amount?: number | null; currency?: string | null } | null;
}

/** A fee line, less the part of it the buyer's deposit already covers (`credited`). */
export type DealFeeLine = FeeLine & { credited?: number };

/** The agreed value (the price, never less than the milestones move), or null while no version is agreed. */
export function agreedPrice(deal: DealTerms): { price: number; currency: Currency } | null {
  if (!deal.agreedVersion) return null;
  const sheet = deal.termSheets.find((s) => s.version === deal.agreedVersion);
  return sheet ? { price: agreedValue(sheet), currency: sheet.currency as Currency } : null;
}

/**
 * What the parties owe once terms are agreed; none before. The buyer's auction deposit is
 * credited against the buyer's lines (in their currency), up to what they come to: a line it
 * covers whole is owed no more.
 */
export function dealFeeLines(deal: DealTerms, schedule: FeeSchedule): DealFeeLine[] {
  const agreed = agreedPrice(deal);
  if (!agreed) return [];
  const lines: DealFeeLine[] = computeDealFees(
    { ...agreed, hasBroker: Boolean(deal.brokerUserId) },
    schedule,
  );
  let credit = deal.depositCredit?.currency === agreed.currency ? (deal.depositCredit.amount ?? 0) : 0;
  return lines.map((line) => {
    if (credit <= 0 || line.payer !== 'buyer') return line;
    const credited = Math.min(credit, line.amount);
    credit -= credited;
    return { ...line, amount: line.amount - credited, credited };
  });
}

/** A line nothing is left to pay of: the deposit covered it. */
export const fullyCredited = (line: { amount: number; credited?: number }) =>
  line.amount === 0 && !!line.credited;

/**
 * The deal's fee lines with the broker's share of each (0 without a broker): the share of a line
 * falls due when that line is paid. `commission` is the broker's whole commission (0 without).
 */
export function dealFeeLinesWithBrokerShares(deal: DealTerms, schedule: FeeSchedule) {
  const lines = dealFeeLines(deal, schedule);
  const agreed = agreedPrice(deal);
  const commission =
    agreed && deal.brokerUserId ? computeBrokerCommission({ ...agreed, hasBroker: true }, schedule) : null;
  const shares = commission ? brokerCommissionShares(lines, commission.amount, schedule) : [];
  return {
    commission: commission?.amount ?? 0,
    lines: lines.map((line, i) => ({ line, brokerShare: shares[i] ?? 0 })),
  };
}

export interface PaymentOfLine {
  purpose: string;
  payer: string;
  status: PaymentStatus;
  openKey?: string | null;
  createdAt: Date | string;
}

/** The payment that stands for a fee line: its live one (pending or paid), else its latest. */
export function paymentForLine<P extends PaymentOfLine>(
  line: { purpose: string; payer: string },
  payments: readonly P[],
): P | undefined {
  const ofLine = payments
    .filter((p) => p.purpose === line.purpose && p.payer === line.payer)
    .sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime());
  return ofLine.find((p) => p.openKey) ?? ofLine.find((p) => p.status === 'paid') ?? ofLine[0];
}

/** Every line has a paid payment or was covered by the deposit (a deal with no lines owes nothing). */
export function allFeesPaid(lines: readonly DealFeeLine[], payments: readonly PaymentOfLine[]): boolean {
  return lines.every(
    (line) =>
      fullyCredited(line) ||
      payments.some((p) => p.purpose === line.purpose && p.payer === line.payer && p.status === 'paid'),
  );
}
