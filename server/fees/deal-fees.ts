/**
 * The fee lines a deal owes, from its agreed term sheet and the configured schedule; and which
 * payment, among a deal's payments, stands for each line. Pure: no database here.
 */
import type { Currency, PaymentStatus } from '../api-contract/enums';
import {
  allocateProportionally,
  brokerCommissionShares,
  brokerShareOfFee,
  computeSuccessFee,
  splitFee,
  type FeeLine,
  type FeeSchedule,
} from './fees';
import { agreedValue } from './agreed-value';

export interface DealTerms {
  agreedVersion?: number | null;
  termSheets: readonly {
    version: number;
    price: number;
    currency: string;
    milestones?: readonly { amount?: number | null }[];
  }[];
  brokerUserId?: unknown;
  /**
   * The winner's deposit, held against what the party that paid it (`payer`: an auction's buyer,
   * a call's chosen proposer, the seller; the buyer when unset) owes.
   */
  depositCredit?: { amount?: number | null; currency?: string | null; payer?: string | null } | null;
  /** The delivery plan as it stands: which milestones are accepted (for how much) or cancelled. */
  delivery?: readonly { n: number; status: string; acceptedAmount?: number | null }[] | null;
}

/**
 * A fee line, less the part of it the buyer's deposit already covers (`credited`); a milestone's
 * line names its milestone (`milestone`), the line due on signing names none.
 */
export type DealFeeLine = FeeLine & { credited?: number; milestone?: number };

/** The agreed value (the price, never less than the milestones move), or null while no version is agreed. */
export function agreedPrice(deal: DealTerms): { price: number; currency: Currency } | null {
  if (!deal.agreedVersion) return null;
  const sheet = deal.termSheets.find((s) => s.version === deal.agreedVersion);
  return sheet ? { price: agreedValue(sheet), currency: sheet.currency as Currency } : null;
}

/** A part of the agreed value on which a fee falls due: the balance on signing, or one milestone. */
interface Instalment {
  milestone?: number;
  /** What the fee is reckoned on: the milestone's amount (or the part of it accepted). */
  value: number;
  /** The whole deal's fee share this part carries before any reduction. */
  fee: number;
  due: boolean;
}

/**
 * The deal's fee spread over what it pays for: a deal without milestones owes its whole success fee
 * on signing; with milestones, the fee on the whole agreed value (the schedule's minimum and
 * maximum are for a whole deal) is shared in proportion between the balance due on signing and
 * each milestone, and a milestone's share falls due when it is accepted: reduced in proportion
 * when accepted for a partial amount, none when it is cancelled.
 */
function instalments(
  deal: DealTerms,
  schedule: FeeSchedule,
): { currency: Currency; parts: Instalment[] } | null {
  const agreed = agreedPrice(deal);
  if (!agreed) return null;
  const sheet = deal.termSheets.find((s) => s.version === deal.agreedVersion)!;
  const total = computeSuccessFee(agreed.price, agreed.currency, schedule);
  const amounts = (sheet.milestones ?? []).map((m) => m.amount ?? 0);
  if (amounts.length === 0)
    return { currency: agreed.currency, parts: [{ value: agreed.price, fee: total, due: true }] };
  const balance = agreed.price - amounts.reduce((a, x) => a + x, 0);
  const shares = allocateProportionally(total, [balance, ...amounts]);
  const stateOf = new Map((deal.delivery ?? []).map((m) => [m.n, m]));
  const parts: Instalment[] = [{ value: balance, fee: shares[0], due: true }];
  amounts.forEach((amount, i) => {
    const n = i + 1;
    const state = stateOf.get(n);
    const accepted = state?.status === 'accepted';
    const value = state?.status === 'cancelled' ? 0 : accepted ? (state?.acceptedAmount ?? amount) : amount;
    const fee = amount > 0 ? Number((BigInt(shares[n]) * BigInt(value)) / BigInt(amount)) : 0;
    parts.push({ milestone: n, value, fee, due: accepted });
  });
  return { currency: agreed.currency, parts };
}

/**
 * Every fee line the deal's terms plan, due now or later (a milestone's when it is accepted), in
 * the order they fall due. The winner's deposit is credited against its payer's lines (an
 * auction's buyer, a call's chosen proposer: the seller) in that order (in their currency), up to
 * what they come to: a line it covers whole is owed no more.
 */
function plannedFeeLines(deal: DealTerms, schedule: FeeSchedule): (DealFeeLine & { due: boolean })[] {
  const plan = instalments(deal, schedule);
  if (!plan) return [];
  let credit = deal.depositCredit?.currency === plan.currency ? (deal.depositCredit.amount ?? 0) : 0;
  const creditedPayer = deal.depositCredit?.payer ?? 'buyer';
  return plan.parts.flatMap((part) =>
    splitFee('success_fee', part.fee, plan.currency, schedule).map((fee) => {
      const line: DealFeeLine & { due: boolean } = {
        ...fee,
        ...(part.milestone ? { milestone: part.milestone } : {}),
        due: part.due,
      };
      if (credit <= 0 || line.payer !== creditedPayer) return line;
      const credited = Math.min(credit, line.amount);
      credit -= credited;
      return { ...line, amount: line.amount - credited, credited };
    }),
  );
}

/**
 * What of the winner's deposit the deal's fees take: the part credited against its payer's lines,
 * every planned line counted (a milestone's at what it stands to owe); null until terms are agreed
 * or without a deposit.
 */
export function depositCovered(deal: DealTerms, schedule: FeeSchedule): number | null {
  if (!deal.depositCredit || !agreedPrice(deal)) return null;
  return plannedFeeLines(deal, schedule).reduce((sum, l) => sum + (l.credited ?? 0), 0);
}

const withoutDue = ({ due: _due, ...line }: DealFeeLine & { due: boolean }): DealFeeLine => line;

/** What the parties owe now: on signing, and on each milestone accepted so far; none before terms are agreed. */
export function dealFeeLines(deal: DealTerms, schedule: FeeSchedule): DealFeeLine[] {
  return plannedFeeLines(deal, schedule)
    .filter((l) => l.due)
    .map(withoutDue);
}

/** A line nothing is left to pay of: the deposit covered it. */
export const fullyCredited = (line: { amount: number; credited?: number }) =>
  line.amount === 0 && !!line.credited;

/**
 * The deal's fee lines due now with the broker's share of each (0 without a broker): the share of
 * a line falls due when that line is paid. `commission` is the broker's whole commission on the
 * fees the deal plans (0 without).
 */
export function dealFeeLinesWithBrokerShares(deal: DealTerms, schedule: FeeSchedule) {
  const planned = plannedFeeLines(deal, schedule);
  const gross = planned.reduce((sum, l) => sum + l.amount + (l.credited ?? 0), 0);
  const commission = deal.brokerUserId ? brokerShareOfFee(gross, schedule) : 0;
  // Shared over each line's whole amount: a line the deposit covers carries its share too (it
  // falls due against the deposit, credited-payouts.ts), not left to the lines still paid.
  const wholeLines = planned.map((l) => ({ amount: l.amount + (l.credited ?? 0) }));
  const shares = commission ? brokerCommissionShares(wholeLines, commission, schedule) : [];
  return {
    commission,
    lines: planned
      .map((line, i) => ({ line: withoutDue(line), brokerShare: shares[i] ?? 0, due: line.due }))
      .filter((l) => l.due)
      .map(({ line, brokerShare }) => ({ line, brokerShare })),
  };
}

export interface PaymentOfLine {
  purpose: string;
  payer: string;
  milestone?: number | null;
  status: PaymentStatus;
  openKey?: string | null;
  createdAt: Date | string;
}

/** Whether the payment pays this line (the same purpose, payer and milestone, or none). */
export const paysLine = (
  p: PaymentOfLine,
  line: { purpose: string; payer: string; milestone?: number | null },
): boolean =>
  p.purpose === line.purpose && p.payer === line.payer && (p.milestone ?? null) === (line.milestone ?? null);

/** The payment that stands for a fee line: its live one (pending or paid), else its latest. */
export function paymentForLine<P extends PaymentOfLine>(
  line: { purpose: string; payer: string; milestone?: number | null },
  payments: readonly P[],
): P | undefined {
  const ofLine = payments
    .filter((p) => paysLine(p, line))
    .sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime());
  return ofLine.find((p) => p.openKey) ?? ofLine.find((p) => p.status === 'paid') ?? ofLine[0];
}

/** Every line has a paid payment or was covered by the deposit (a deal with no lines owes nothing). */
export function allFeesPaid(lines: readonly DealFeeLine[], payments: readonly PaymentOfLine[]): boolean {
  return lines.every(
    (line) => fullyCredited(line) || payments.some((p) => paysLine(p, line) && p.status === 'paid'),
  );
}
