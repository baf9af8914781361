/** What makes an offer well-formed, and complete enough to be reviewed. Pure. */
import type { ErrorDetail } from '../common/errors';
import { futureRule, requiredRule, subFieldRule } from '../listings';

export interface OfferPricingInput {
  model?: string;
  amount?: number | null;
  currency?: string;
  reservePrice?: number | null;
  closesAt?: Date | string | null;
  /** A fixed bid deposit, in minor units of the offer's currency. */
  deposit?: number | null;
  /** Or a bid deposit as a whole percentage of the starting price. */
  depositPct?: number | null;
}

export interface OfferRuleInput {
  field?: string;
  subField?: string | null;
  summary?: string;
  description?: string;
  transferModes?: string[];
  province?: string | null;
  pricing?: OfferPricingInput | null;
}

/** Rules between fields; `checkTimes` also asks that an auction closes in the future. */
export function offerViolations(
  offer: OfferRuleInput,
  opts: { now: Date; checkTimes: boolean },
): ErrorDetail[] {
  return [...subFieldRule(offer.field, offer.subField), ...pricingViolations(offer.pricing ?? {}, opts)];
}

function pricingViolations(p: OfferPricingInput, opts: { now: Date; checkTimes: boolean }): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const need = (key: keyof OfferPricingInput, why: string) => {
    if (p[key] === undefined || p[key] === null)
      details.push({ field: `pricing.${key}`, message: `pricing.${key} is required ${why}` });
  };
  const refuse = (key: keyof OfferPricingInput) => {
    if (p[key] !== undefined && p[key] !== null) {
      details.push({ field: `pricing.${key}`, message: `pricing.${key} is only allowed for auctions` });
    }
  };
  if (p.model === 'fixed') need('amount', 'for a fixed price');
  if (p.model === 'auction') {
    need('amount', 'for an auction (its starting price)');
    need('reservePrice', 'for an auction');
    need('closesAt', 'for an auction');
    if (opts.checkTimes) details.push(...futureRule('pricing.closesAt', p.closesAt, opts.now));
    if (p.deposit != null && p.depositPct != null) {
      const message =
        'Ask either a fixed deposit (pricing.deposit) or a percentage (pricing.depositPct), not both';
      details.push({ field: 'pricing.depositPct', message });
    }
  } else {
    refuse('reservePrice');
    refuse('closesAt');
    refuse('deposit');
    refuse('depositPct');
  }
  return details;
}

/** Everything above, with the clock, plus the texts a reviewer needs. */
export function offerSubmitViolations(offer: OfferRuleInput, now: Date): ErrorDetail[] {
  return [
    ...requiredRule('summary', offer.summary),
    ...requiredRule('description', offer.description),
    ...requiredRule('transferModes', offer.transferModes),
    ...requiredRule('province', offer.province),
    ...offerViolations(offer, { now, checkTimes: true }),
  ];
}

/** Why an offer awaiting review can no longer be published as it is (the auction closed meanwhile). */
export function offerApprovalConflict(offer: OfferRuleInput, now: Date): string | undefined {
  if (offer.pricing?.model !== 'auction') return undefined;
  const late = futureRule('pricing.closesAt', offer.pricing.closesAt, now);
  return late.length > 0
    ? 'The auction’s closing time has passed: reject it so the owner can set a new one'
    : undefined;
}
