/**
 * The exchange's fees: the schedule operators configure, and the integer arithmetic that turns
 * a deal price into what each side owes.
 *
 * Rounding rule: every amount is an integer in the currency's minor unit (VND has none, so
 * whole đồng; USD in cents). A percentage is computed as price × basis points / 10 000 in
 * BigInt, rounded half up to the minor unit, then clamped to the schedule's [min, max] for the
 * currency, then split. A split gives the odd minor unit to the buyer. Lines of zero are left
 * out. The minimum applies even when it exceeds the price: it is the exchange's floor per deal.
 *
 * The broker's commission is paid by the exchange out of the success fee it collected, so it
 * is not among the fees the parties owe (a deal closes when those are paid); it is returned by
 * `computeBrokerCommission` with payer `exchange`, for the payout record.
 */
import Joi from 'joi';
import {
  APPRAISAL_TYPES,
  CURRENCIES,
  CURRENCY_DECIMALS,
  type AppraisalType,
  type Currency,
  type ListingKind,
  type Locale,
} from '../api-contract/enums';

const BPS_DENOMINATOR = 10_000n;

export type FeePayer = 'buyer' | 'seller';

export interface FeeSchedule {
  successFee: {
    /** Share of the deal price in basis points: 200 = 2 %. */
    percentBps: number;
    /** Per currency, in minor units. */
    min: Record<Currency, number>;
    max: Record<Currency, number>;
    payer: FeePayer | 'split';
  };
  /** The broker's share of the success fee in basis points: 3000 = 30 %. */
  brokerShareBps: number;
  /** A flat fee for publishing a listing, per kind and currency, in minor units. */
  listingFee?: Partial<Record<ListingKind, Partial<Record<Currency, number>>>>;
  /** A flat fee for an appraisal, per type and currency, in minor units; paid by the requester. */
  appraisalFee?: Partial<Record<AppraisalType, Partial<Record<Currency, number>>>>;
  /** The experts' share of an appraisal fee in basis points: 7000 = 70 %. */
  expertShareBps?: number;
}

export interface FeeLine {
  purpose: 'success_fee' | 'listing_fee';
  amount: number;
  currency: Currency;
  payer: FeePayer;
}

/** What a requester owes for an appraisal. */
export interface AppraisalFeeLine {
  purpose: 'appraisal_fee';
  amount: number;
  currency: Currency;
  payer: 'requester';
}

/** A share of a paid fee the exchange owes to someone who earned it (a broker, an expert). */
export interface Payee {
  userId: string;
  purpose: 'broker_commission' | 'expert_share';
  amount: number;
}

export interface BrokerCommission {
  purpose: 'broker_commission';
  amount: number;
  currency: Currency;
  payer: 'exchange';
}

export interface DealPrice {
  price: number;
  currency: Currency;
  hasBroker: boolean;
}

/** 2 % success fee split between the parties; a broker earns 30 % of it. */
export const DEFAULT_FEE_SCHEDULE: FeeSchedule = {
  successFee: {
    percentBps: 200,
    min: { VND: 2_000_000, USD: 10_000 },
    max: { VND: 500_000_000, USD: 2_500_000 },
    payer: 'split',
  },
  brokerShareBps: 3000,
  appraisalFee: {
    technology: { VND: 10_000_000, USD: 50_000 },
    valuation: { VND: 20_000_000, USD: 100_000 },
  },
  expertShareBps: 7000,
};

export const DEFAULT_EXPERT_SHARE_BPS = 7000;

const minorAmount = Joi.number().integer().min(0).max(Number.MAX_SAFE_INTEGER);
const bps = Joi.number().integer().min(0).max(10_000);
const perCurrency = (required: boolean) =>
  Joi.object(Object.fromEntries(CURRENCIES.map((c) => [c, required ? minorAmount.required() : minorAmount])));

export const feeScheduleSchema = Joi.object<FeeSchedule>({
  successFee: Joi.object({
    percentBps: bps.required(),
    min: perCurrency(true).required(),
    max: perCurrency(true).required(),
    payer: Joi.string().valid('buyer', 'seller', 'split').required(),
  })
    .required()
    .custom((fee: FeeSchedule['successFee'], helpers) => {
      const inverted = CURRENCIES.find((c) => fee.min[c] > fee.max[c]);
      return inverted
        ? helpers.message({ custom: `successFee.min.${inverted} exceeds successFee.max.${inverted}` })
        : fee;
    }),
  brokerShareBps: bps.required(),
  listingFee: Joi.object({ offer: perCurrency(false), demand: perCurrency(false) }),
  appraisalFee: Joi.object(Object.fromEntries(APPRAISAL_TYPES.map((t) => [t, perCurrency(false)]))),
  expertShareBps: bps,
});

/** The success fee in total, before it is split between the parties. */
export function computeSuccessFee(price: number, currency: Currency, schedule: FeeSchedule): number {
  assertMinorAmount(price, 'price');
  assertCurrency(currency);
  const { percentBps, min, max } = schedule.successFee;
  const percent = percentOf(BigInt(price), percentBps);
  return Number(clamp(percent, BigInt(min[currency]), BigInt(max[currency])));
}

/** What the parties owe for a deal at `price`: one line per payer, none of zero. */
export function computeDealFees(deal: DealPrice, schedule: FeeSchedule): FeeLine[] {
  const total = computeSuccessFee(deal.price, deal.currency, schedule);
  return splitFee('success_fee', total, deal.currency, schedule);
}

/** A fee as the schedule says it is owed: by one payer, or split with the odd unit to the buyer; no line of zero. */
export function splitFee<P extends string>(
  purpose: P,
  total: number,
  currency: Currency,
  schedule: FeeSchedule,
) {
  const line = (payer: FeePayer, amount: number) => ({ purpose, amount, currency, payer });
  const { payer } = schedule.successFee;
  const lines =
    payer === 'split'
      ? [line('buyer', total - Math.floor(total / 2)), line('seller', Math.floor(total / 2))]
      : [line(payer, total)];
  return lines.filter((l) => l.amount > 0);
}

/**
 * A royalty: `royaltyPct` (up to two decimals) of the licensee's net sales, rounded half up to
 * the minor unit.
 */
export function computeRoyalty(netSales: number, royaltyPct: number, currency: Currency): number {
  assertMinorAmount(netSales, 'netSales');
  assertCurrency(currency);
  if (!(royaltyPct >= 0 && royaltyPct <= 100)) throw new RangeError(`royaltyPct out of range: ${royaltyPct}`);
  return Number(percentOf(BigInt(netSales), Math.round(royaltyPct * 100)));
}

/**
 * The exchange's fee on a royalty: the success fee's percentage of it (without the deal's minimum
 * and maximum, which are for a whole deal), owed as the success fee is (one payer, or split with
 * the odd unit to the buyer); lines of zero are left out.
 */
export function computeRoyaltyFees(royalty: number, currency: Currency, schedule: FeeSchedule) {
  assertMinorAmount(royalty, 'royalty');
  const total = Number(percentOf(BigInt(royalty), schedule.successFee.percentBps));
  return splitFee('royalty_fee', total, currency, schedule);
}

/**
 * The broker's share of each line of the exchange's fee on one royalty report, as a deal's fee
 * lines share theirs: the broker share of the whole fee, divided over its lines so that they add
 * up to it (brokerCommissionShares). Each falls due when its line is paid.
 */
export function royaltyFeeBrokerShares(
  lines: readonly { amount: number }[],
  schedule: FeeSchedule,
): number[] {
  const fee = lines.reduce((sum, l) => sum + l.amount, 0);
  const commission = brokerShareOfFee(fee, schedule);
  return commission ? brokerCommissionShares(lines, commission, schedule) : lines.map(() => 0);
}

/** The broker's share of the success fee, paid by the exchange; null when there is no broker. */
export function computeBrokerCommission(deal: DealPrice, schedule: FeeSchedule): BrokerCommission | null {
  if (!deal.hasBroker) return null;
  const fee = computeSuccessFee(deal.price, deal.currency, schedule);
  const amount = Number(percentOf(BigInt(fee), schedule.brokerShareBps));
  return { purpose: 'broker_commission', amount, currency: deal.currency, payer: 'exchange' };
}

/**
 * The fee for publishing a listing, owed by its owner (the would-be seller of an offer, the
 * would-be buyer of a demand); null when the schedule sets none for this kind and currency.
 */
export function computeListingFee(
  kind: ListingKind,
  currency: Currency,
  schedule: FeeSchedule,
): FeeLine | null {
  const amount = schedule.listingFee?.[kind]?.[currency];
  if (!amount) return null;
  return { purpose: 'listing_fee', amount, currency, payer: kind === 'offer' ? 'seller' : 'buyer' };
}

/** The fee for an appraisal of `type`, owed by its requester; null when the schedule sets none. */
export function computeAppraisalFee(
  type: AppraisalType,
  currency: Currency,
  schedule: FeeSchedule,
): AppraisalFeeLine | null {
  const amount = schedule.appraisalFee?.[type]?.[currency];
  if (!amount) return null;
  return { purpose: 'appraisal_fee', amount, currency, payer: 'requester' };
}

/** Every appraisal fee the schedule sets, as a list (a type and currency left out are free). */
export function appraisalFeeList(schedule: FeeSchedule) {
  return APPRAISAL_TYPES.flatMap((type) =>
    CURRENCIES.flatMap((currency) => {
      const fee = computeAppraisalFee(type, currency, schedule);
      return fee ? [{ type, currency, amount: fee.amount }] : [];
    }),
  );
}

/**
 * The experts' share of a paid appraisal fee, divided equally among the experts who took the
 * request on; the first experts take the odd minor units, so the shares add up exactly.
 */
export function expertShares(fee: number, expertIds: readonly string[], schedule: FeeSchedule): Payee[] {
  if (expertIds.length === 0) return [];
  const total = percentOf(BigInt(fee), schedule.expertShareBps ?? DEFAULT_EXPERT_SHARE_BPS);
  const count = BigInt(expertIds.length);
  const base = total / count;
  const odd = Number(total % count);
  return expertIds
    .map((userId, i) => ({
      userId,
      purpose: 'expert_share' as const,
      amount: Number(base) + (i < odd ? 1 : 0),
    }))
    .filter((p) => p.amount > 0);
}

/**
 * An amount in minor units as the locale writes money: formatMoney(200000000, 'VND', 'vi') is
 * "200.000.000 ₫", formatMoney(10000, 'USD', 'en') is "$100.00". The decimal string goes to
 * Intl as text, so no amount ever passes through floating point.
 */
export function formatMoney(amount: number, currency: Currency, locale: Locale): string {
  assertCurrency(currency);
  if (!Number.isSafeInteger(amount)) throw new RangeError(`amount must be a safe integer, got ${amount}`);
  const decimals = CURRENCY_DECIMALS[currency];
  const digits = Math.abs(amount)
    .toString()
    .padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = decimals > 0 ? `.${digits.slice(-decimals)}` : '';
  const text = `${amount < 0 ? '-' : ''}${whole}${fraction}` as `${number}`;
  return moneyFormatter(currency, locale, decimals).format(text);
}

// Building an Intl.NumberFormat costs far more than formatting with one: one per currency and locale.
const moneyFormatters = new Map<string, Intl.NumberFormat>();

function moneyFormatter(currency: Currency, locale: Locale, decimals: number): Intl.NumberFormat {
  const key = `${currency}:${locale}`;
  let formatter = moneyFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-US', {
      style: 'currency',
      currency,
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    moneyFormatters.set(key, formatter);
  }
  return formatter;
}

/** value × bps / 10 000, rounded half up (value ≥ 0). */
/** The broker's share of a success fee of `fee`. */
export function brokerShareOfFee(fee: number, schedule: FeeSchedule): number {
  return Number(percentOf(BigInt(fee), schedule.brokerShareBps));
}

/**
 * `total` shared in proportion to `weights`, in whole units that add up to it exactly: each gets
 * its share rounded down, and the units left go to the largest remainders (the earlier on a tie).
 */
export function allocateProportionally(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, w) => a + w, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (BigInt(total) * BigInt(w)) / BigInt(sum));
  const remainders = weights.map((w, i) => ({ i, r: (BigInt(total) * BigInt(w)) % BigInt(sum) }));
  let left = BigInt(total) - exact.reduce((a, x) => a + x, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left <= 0n) break;
    exact[i] += 1n;
    left -= 1n;
  }
  return exact.map(Number);
}

function percentOf(value: bigint, basisPoints: number): bigint {
  return (value * BigInt(basisPoints) + BPS_DENOMINATOR / 2n) / BPS_DENOMINATOR;
}

function clamp(value: bigint, low: bigint, high: bigint): bigint {
  if (value < low) return low;
  if (value > high) return high;
  return value;
}

function assertMinorAmount(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer in minor units, got ${value}`);
  }
}

function assertCurrency(currency: string): asserts currency is Currency {
  if (!(CURRENCIES as readonly string[]).includes(currency))
    throw new RangeError(`unknown currency ${currency}`);
}

/**
 * The broker's commission divided over the fee lines it comes from, so the share of a paid line
 * can be counted as earned: each line's share is its amount × the broker share (rounded half up),
 * the last line takes what is left, so the shares always add up to `commission` exactly.
 */
export function brokerCommissionShares(
  lines: readonly { amount: number }[],
  commission: number,
  schedule: FeeSchedule,
): number[] {
  if (lines.length === 0) return [];
  const shares = lines.slice(0, -1).map((l) => Number(percentOf(BigInt(l.amount), schedule.brokerShareBps)));
  const rest = commission - shares.reduce((sum, s) => sum + s, 0);
  return [...shares, Math.max(0, rest)];
}
