/**
 * How well a technology offer answers a technology demand: a score in [0, 1] and the reasons
 * behind it, in Vietnamese and English. Pure: the text relevance comes from the search engine.
 *
 * The score is a weighted sum of factors, clamped to [0, 1]. Bonuses (their sum is 1):
 *
 * | factor           | weight | earned when                                                    |
 * | ---------------- | -----: | -------------------------------------------------------------- |
 * | text             |   0.30 | × the engine's relevance (0..1)                                 |
 * | field            |   0.12 | same top-level field                                            |
 * | subField         |   0.08 | and the same sub-field                                          |
 * | trl              |   0.15 | the offer's TRL reaches the demand's minimum                    |
 * | price            |   0.10 | the offer's price lies in the budget, in the same currency      |
 * | transferMode     |   0.10 | the offer has a transfer mode the demand accepts                |
 * | province         |   0.05 | same province                                                   |
 * | keywords         |   0.10 | × shared keywords / 3, at most 1                                |
 *
 * Penalties: the TRL below the minimum −0.30 (a demand's minimum TRL is a hard need); a price
 * above the budget −0.10; no acceptable transfer mode −0.10. Neutral (0): anything either side
 * leaves unsaid, a negotiable or unpriced offer, a price below the budget's minimum, and a
 * price in another currency (currencies are never converted or compared).
 */
import {
  PROVINCES,
  type Currency,
  type Locale,
  type PricingModel,
  type TransferMode,
} from '../api-contract/enums';
import { TRANSFER_MODE_LABELS } from '../api-contract/labels';
import { findField, subFieldLabel, type Label } from '../api-contract/taxonomy';

export interface MatchWeights {
  text: number;
  field: number;
  subField: number;
  trl: number;
  price: number;
  transferMode: number;
  province: number;
  keywords: number;
  /** Subtracted; give them as positive numbers. */
  trlBelowPenalty: number;
  /** An offer above the TRL the demand's organisation turned down as too low (added), or at or below it (subtracted). */
  trlAboveTurnedDown: number;
  trlTurnedDownPenalty: number;
  overBudgetPenalty: number;
  transferModeMismatchPenalty: number;
}

export const DEFAULT_MATCH_WEIGHTS: Readonly<MatchWeights> = {
  text: 0.3,
  field: 0.12,
  subField: 0.08,
  trl: 0.15,
  price: 0.1,
  transferMode: 0.1,
  province: 0.05,
  keywords: 0.1,
  trlBelowPenalty: 0.3,
  trlAboveTurnedDown: 0.05,
  trlTurnedDownPenalty: 0.1,
  overBudgetPenalty: 0.1,
  transferModeMismatchPenalty: 0.1,
};

/** Shared keywords that earn the full keyword weight. */
const KEYWORDS_FOR_FULL_WEIGHT = 3;
/** Text relevance from which "the texts are close" is worth saying. */
const TEXT_REASON_THRESHOLD = 0.5;

export interface MatchDemand {
  field?: string | null;
  subField?: string | null;
  minTrl?: number | null;
  /**
   * The highest TRL the demand's organisation walked away from (or cancelled) as too low: its
   * outcome reasons teach the matcher to show it more mature technology first.
   */
  trlTurnedDown?: number | null;
  /** Budget in minor units of `currency`. */
  budgetMin?: number | null;
  budgetMax?: number | null;
  currency?: Currency | null;
  transferModes?: readonly TransferMode[] | null;
  province?: string | null;
  keywords?: readonly string[] | null;
}

export interface MatchOffer {
  field?: string | null;
  subField?: string | null;
  trl?: number | null;
  pricingModel?: PricingModel | null;
  /** Asking price (or an auction's starting price) in minor units of `currency`. */
  price?: number | null;
  currency?: Currency | null;
  transferModes?: readonly TransferMode[] | null;
  province?: string | null;
  keywords?: readonly string[] | null;
}

export type MatchReasonCode =
  | 'text_relevant'
  | 'same_field'
  | 'same_sub_field'
  | 'trl_meets'
  | 'trl_below'
  | 'trl_above_turned_down'
  | 'trl_turned_down'
  | 'price_within_budget'
  | 'price_above_budget'
  | 'price_negotiable'
  | 'currency_differs'
  | 'transfer_mode_accepted'
  | 'transfer_mode_mismatch'
  | 'same_province'
  | 'shared_keywords';

export interface MatchReason {
  code: MatchReasonCode;
  params: Record<string, string | number | string[]>;
  text: Label;
  /** How the factor moved the score (for an icon beside the text). */
  effect: 'positive' | 'neutral' | 'negative';
}

export interface MatchResult {
  score: number;
  reasons: MatchReason[];
}

export interface MatchInput {
  demand: MatchDemand;
  offer: MatchOffer;
  /** The search engine's relevance of the offer to the demand, 0..1. */
  textRelevance?: number | null;
  /** Folds text for keyword comparison; defaults to `foldVietnamese`. */
  fold?: (text: string) => string;
}

interface Contribution {
  points: number;
  reason?: Omit<MatchReason, 'effect'>;
}

/**
 * Scores how well `offer` answers `demand`. Reasons come best first: bonuses by size, then
 * neutral remarks, then penalties.
 */
export function scoreMatch(input: MatchInput, weights: Partial<MatchWeights> = {}): MatchResult {
  const w: MatchWeights = { ...DEFAULT_MATCH_WEIGHTS, ...weights };
  const { demand, offer } = input;
  const fold = input.fold ?? foldVietnamese;
  const contributions: Contribution[] = [
    textFactor(input.textRelevance, w),
    fieldFactor(demand, offer, w),
    trlFactor(demand, offer, w),
    turnedDownFactor(demand, offer, w),
    priceFactor(demand, offer, w),
    transferModeFactor(demand, offer, w),
    provinceFactor(demand, offer, w),
    keywordFactor(demand, offer, w, fold),
  ];
  const total = contributions.reduce((sum, c) => sum + c.points, 0);
  const reasons = contributions
    .filter((c): c is Required<Contribution> => c.reason !== undefined)
    .sort((a, b) => b.points - a.points)
    .map(({ points, reason }) => ({ ...reason, effect: effectOf(points) }));
  return { score: round4(Math.min(1, Math.max(0, total))), reasons };
}

/** The reasons' texts in one locale, as the matches endpoint returns them. */
export function reasonTexts(reasons: readonly MatchReason[], locale: Locale): string[] {
  return reasons.map((r) => r.text[locale]);
}

/**
 * A small Vietnamese fold for comparing keywords: lower case, no tones or marks, đ → d,
 * single spaces. "Nước  Thải" and "nuoc thai" fold alike.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function textFactor(relevance: number | null | undefined, w: MatchWeights): Contribution {
  const r =
    typeof relevance === 'number' && Number.isFinite(relevance) ? Math.min(1, Math.max(0, relevance)) : 0;
  const points = w.text * r;
  if (r < TEXT_REASON_THRESHOLD) return { points };
  const percent = Math.round(r * 100);
  return {
    points,
    reason: {
      code: 'text_relevant',
      params: { relevance: percent },
      text: { vi: `nội dung tương đồng (${percent}%)`, en: `closely related text (${percent}%)` },
    },
  };
}

function fieldFactor(demand: MatchDemand, offer: MatchOffer, w: MatchWeights): Contribution {
  if (!demand.field || demand.field !== offer.field) return { points: 0 };
  if (demand.subField && demand.subField === offer.subField) {
    const label = subFieldLabel(demand.subField) ?? { vi: demand.subField, en: demand.subField };
    return {
      points: w.field + w.subField,
      reason: { code: 'same_sub_field', params: { subField: demand.subField }, text: sameField(label) },
    };
  }
  const label = findField(demand.field)?.label ?? { vi: demand.field, en: demand.field };
  return {
    points: w.field,
    reason: { code: 'same_field', params: { field: demand.field }, text: sameField(label) },
  };
}

function sameField(label: Label): Label {
  return { vi: `cùng lĩnh vực: ${lowerFirst(label.vi)}`, en: `same field: ${lowerFirst(label.en)}` };
}

function trlFactor(demand: MatchDemand, offer: MatchOffer, w: MatchWeights): Contribution {
  const min = demand.minTrl;
  const trl = offer.trl;
  if (typeof min !== 'number' || typeof trl !== 'number') return { points: 0 };
  const params = { trl, minTrl: min };
  if (trl >= min) {
    return {
      points: w.trl,
      reason: {
        code: 'trl_meets',
        params,
        text: { vi: `TRL ${trl} đạt mức tối thiểu ${min}`, en: `TRL ${trl} meets the minimum ${min}` },
      },
    };
  }
  return {
    points: -w.trlBelowPenalty,
    reason: {
      code: 'trl_below',
      params,
      text: { vi: `TRL ${trl} thấp hơn mức tối thiểu ${min}`, en: `TRL ${trl} is below the minimum ${min}` },
    },
  };
}

function turnedDownFactor(demand: MatchDemand, offer: MatchOffer, w: MatchWeights): Contribution {
  const floor = demand.trlTurnedDown;
  const trl = offer.trl;
  if (typeof floor !== 'number' || typeof trl !== 'number') return { points: 0 };
  const params = { trl, turnedDown: floor };
  if (trl > floor) {
    return {
      points: w.trlAboveTurnedDown,
      reason: {
        code: 'trl_above_turned_down',
        params,
        text: {
          vi: `TRL ${trl} cao hơn mức ${floor} bạn từng thấy chưa đủ chín`,
          en: `TRL ${trl} is above the ${floor} you found too low before`,
        },
      },
    };
  }
  return {
    points: -w.trlTurnedDownPenalty,
    reason: {
      code: 'trl_turned_down',
      params,
      text: {
        vi: `Bạn từng dừng một giao dịch vì TRL ${floor} chưa đủ chín`,
        en: `You walked away from TRL ${floor} as too low before`,
      },
    },
  };
}

function priceFactor(demand: MatchDemand, offer: MatchOffer, w: MatchWeights): Contribution {
  const hasBudget = typeof demand.budgetMin === 'number' || typeof demand.budgetMax === 'number';
  if (!hasBudget) return { points: 0 };
  if (offer.pricingModel === 'negotiable' || typeof offer.price !== 'number') {
    return {
      points: 0,
      reason: {
        code: 'price_negotiable',
        params: {},
        text: { vi: 'giá thương lượng', en: 'price open to negotiation' },
      },
    };
  }
  if (!offer.currency || !demand.currency) return { points: 0 };
  if (offer.currency !== demand.currency) {
    const params = { priceCurrency: offer.currency, budgetCurrency: demand.currency };
    return {
      points: 0,
      reason: {
        code: 'currency_differs',
        params,
        text: {
          vi: `giá bằng ${offer.currency}, ngân sách bằng ${demand.currency}: không so sánh`,
          en: `price in ${offer.currency}, budget in ${demand.currency}: not compared`,
        },
      },
    };
  }
  const params = { price: offer.price, currency: offer.currency };
  if (typeof demand.budgetMax === 'number' && offer.price > demand.budgetMax) {
    return {
      points: -w.overBudgetPenalty,
      reason: {
        code: 'price_above_budget',
        params,
        text: { vi: 'giá vượt ngân sách', en: 'price above budget' },
      },
    };
  }
  if (typeof demand.budgetMin === 'number' && offer.price < demand.budgetMin) return { points: 0 };
  return {
    points: w.price,
    reason: {
      code: 'price_within_budget',
      params,
      text: { vi: 'giá nằm trong ngân sách', en: 'price within budget' },
    },
  };
}

function transferModeFactor(demand: MatchDemand, offer: MatchOffer, w: MatchWeights): Contribution {
  const wanted = demand.transferModes ?? [];
  const offered = offer.transferModes ?? [];
  if (wanted.length === 0 || offered.length === 0) return { points: 0 };
  const shared = offered.filter((m) => wanted.includes(m));
  if (shared.length === 0) {
    return {
      points: -w.transferModeMismatchPenalty,
      reason: {
        code: 'transfer_mode_mismatch',
        params: {},
        text: { vi: 'không có hình thức chuyển giao phù hợp', en: 'no acceptable transfer mode' },
      },
    };
  }
  const names = (locale: Locale) =>
    shared.map((m) => lowerFirst(TRANSFER_MODE_LABELS[m]?.[locale] ?? m)).join(', ');
  return {
    points: w.transferMode,
    reason: {
      code: 'transfer_mode_accepted',
      params: { modes: shared },
      text: {
        vi: `hình thức chuyển giao phù hợp: ${names('vi')}`,
        en: `transfer mode accepted: ${names('en')}`,
      },
    },
  };
}

function provinceFactor(demand: MatchDemand, offer: MatchOffer, w: MatchWeights): Contribution {
  if (!demand.province || demand.province !== offer.province) return { points: 0 };
  const label = PROVINCES.find((p) => p.code === demand.province)?.label ?? {
    vi: demand.province,
    en: demand.province,
  };
  return {
    points: w.province,
    reason: {
      code: 'same_province',
      params: { province: demand.province },
      text: { vi: `cùng tỉnh/thành: ${label.vi}`, en: `same province: ${label.en}` },
    },
  };
}

function keywordFactor(
  demand: MatchDemand,
  offer: MatchOffer,
  w: MatchWeights,
  fold: (text: string) => string,
): Contribution {
  const offered = new Set((offer.keywords ?? []).map(fold).filter(Boolean));
  const seen = new Set<string>();
  const shared: string[] = [];
  for (const keyword of demand.keywords ?? []) {
    const folded = fold(keyword);
    if (!folded || seen.has(folded) || !offered.has(folded)) continue;
    seen.add(folded);
    shared.push(keyword.trim());
  }
  if (shared.length === 0) return { points: 0 };
  const list = shared.join(', ');
  return {
    points: w.keywords * Math.min(1, shared.length / KEYWORDS_FOR_FULL_WEIGHT),
    reason: {
      code: 'shared_keywords',
      params: { keywords: shared },
      text: { vi: `từ khóa chung: ${list}`, en: `shared keywords: ${list}` },
    },
  };
}

function effectOf(points: number): MatchReason['effect'] {
  if (points > 0) return 'positive';
  if (points < 0) return 'negative';
  return 'neutral';
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase() + text.slice(1);
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
