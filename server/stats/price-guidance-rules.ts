/**
 * Price guidance from the exchange's own agreed deals: for a field and currency (and, if asked,
 * a TRL band and a transfer mode), how many comparable deals there are and the 25th, 50th and
 * 75th percentiles of their agreed value. Fewer than GUIDANCE_MIN_DEALS deals reveal the count
 * alone, so no single deal's price can be read off. Pure: no database here.
 */
import type { TransferMode } from '../api-contract/enums';
import { agreedTransferMode, agreedValue, keyPart } from './stats-rules';

/** Below this many comparable deals, only their number is told (k-anonymity). */
export const GUIDANCE_MIN_DEALS = 5;

export const TRL_BANDS = ['1-3', '4-6', '7-9'] as const;
export type TrlBand = (typeof TRL_BANDS)[number];

/** The agreements whose price stands as evidence: agreed, awaiting payment, or closed won. */
const STANDING = new Set(['agreed', 'awaiting_payment', 'closed_won']);

export function trlBand(trl: unknown): TrlBand | undefined {
  const n = Number(trl);
  if (!Number.isInteger(n) || n < 1 || n > 9) return undefined;
  return n <= 3 ? '1-3' : n <= 6 ? '4-6' : '7-9';
}

/** One agreed deal as evidence: its id, agreed value, TRL band and transfer mode. */
export interface PriceEntry {
  d: string;
  v: number;
  b?: TrlBand;
  m: TransferMode;
}

/** The bucket of a field and currency: one document holds its deals' entries. */
export function priceBucketId(field: string, currency: string): string {
  return `price:${keyPart(field)}:${keyPart(currency)}`;
}

type Doc = Record<string, any>;

/**
 * What a deal contributes: nothing unless its agreement stands and its field is known. The
 * transfer mode is the agreed sheet's; a sheet from before sheets named it counts as a licence,
 * exclusive or not as it says.
 */
export function priceEvidence(
  deal: Doc,
  listing: { field?: string | null; trl?: unknown },
): { bucket: string; entry: PriceEntry } | null {
  if (!STANDING.has(deal.status)) return null;
  const value = agreedValue(deal);
  const field = deal.field ?? listing.field;
  if (!value || !field) return null;
  const mode = agreedTransferMode(deal) as TransferMode;
  const band = trlBand(listing.trl);
  return {
    bucket: priceBucketId(field, value.currency),
    entry: { d: String(deal._id), v: value.amount, ...(band ? { b: band } : {}), m: mode },
  };
}

/** The entries with the deal's entry replaced (or taken out when `entry` is null). */
export function withEntry(
  entries: readonly PriceEntry[],
  dealId: string,
  entry: PriceEntry | null,
): PriceEntry[] {
  const rest = entries.filter((e) => e.d !== dealId);
  return entry ? [...rest, entry] : rest;
}

/**
 * The q-quantile of ascending `sorted` values, interpolated linearly between the two nearest
 * ranks (as spreadsheets' PERCENTILE.INC does), rounded to a whole minor unit.
 */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new RangeError('no values');
  const rank = (sorted.length - 1) * q;
  const low = Math.floor(rank);
  const high = Math.min(low + 1, sorted.length - 1);
  return Math.round(sorted[low] + (sorted[high] - sorted[low]) * (rank - low));
}

export interface PriceGuidance {
  count: number;
  p25?: number;
  median?: number;
  p75?: number;
}

export function priceGuidance(
  entries: readonly PriceEntry[],
  filter: { trlBand?: TrlBand; transferMode?: TransferMode },
  minDeals = GUIDANCE_MIN_DEALS,
): PriceGuidance {
  const values = entries
    .filter(
      (e) =>
        (!filter.trlBand || e.b === filter.trlBand) && (!filter.transferMode || e.m === filter.transferMode),
    )
    .map((e) => e.v)
    .sort((a, b) => a - b);
  if (values.length < minDeals) return { count: values.length };
  return {
    count: values.length,
    p25: quantile(values, 0.25),
    median: quantile(values, 0.5),
    p75: quantile(values, 0.75),
  };
}
