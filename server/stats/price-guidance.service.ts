/**
 * Price guidance answered from its bucket (one document per field and currency, read by `_id`,
 * kept by the deal store's writes through the statistics' follower).
 */
import type { Currency, TransferMode } from '../api-contract/enums';
import { readPriceBucket } from './stats-rollup.store';
import { appraisedValuations } from '../appraisals';
import { ensureStatsRollups, statsCaughtUp } from './stats-rollup-sync';
import {
  GUIDANCE_MIN_DEALS,
  priceBucketId,
  priceGuidance,
  trlBand,
  type PriceEntry,
  type PriceGuidance,
  type TrlBand,
} from './price-guidance-rules';

export interface PriceGuidanceQuery {
  field: string;
  currency: Currency;
  trl?: number;
  transferMode?: TransferMode;
}

export interface PriceGuidanceAnswer extends PriceGuidance {
  field: string;
  currency: Currency;
  trlBand?: TrlBand;
  transferMode?: TransferMode;
  /** Fewer comparable deals than this tell their number alone. */
  minDeals: number;
  /** The second source, shown apart: experts' valuations (their ranges' midpoints) of the field, currency and TRL band. */
  appraised: PriceGuidance;
}

export async function priceGuidanceFor(query: PriceGuidanceQuery): Promise<PriceGuidanceAnswer> {
  await statsCaughtUp();
  await ensureStatsRollups(); // rebuilt first when there are none of the current layout
  const band = trlBand(query.trl);
  const entries = await readPriceBucket(priceBucketId(query.field, query.currency));
  return {
    field: query.field,
    currency: query.currency,
    ...(band ? { trlBand: band } : {}),
    ...(query.transferMode ? { transferMode: query.transferMode } : {}),
    minDeals: GUIDANCE_MIN_DEALS,
    ...priceGuidance(entries, { trlBand: band, transferMode: query.transferMode }),
    appraised: await appraisedGuidance(query.field, query.currency, band),
  };
}

/** Valuations carry no transfer mode: they compare by field, currency and TRL band alone. */
async function appraisedGuidance(field: string, currency: Currency, band: TrlBand | undefined) {
  const entries = (await appraisedValuations())
    .filter((v) => v.field === field && v.currency === currency)
    .map((v): PriceEntry => ({ d: '', v: v.value, b: trlBand(v.trl), m: 'license_non_exclusive' }));
  return priceGuidance(entries, { trlBand: band });
}
