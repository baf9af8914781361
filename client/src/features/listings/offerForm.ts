import {
  CURRENCIES,
  IP_STATUSES,
  PRICING_MODELS,
  TRL_MAX,
  TRL_MIN,
  type Currency,
  type Locale,
} from '@contract/enums';
import type { PricingModel } from '@contract/enums';
import { isoToLocalInput, localInputToIso } from '../../dates';
import { minorToMajorString, parseMajorInput } from '../../money';
import type { Offer } from '../../types';
import {
  checkChoice,
  checkFuture,
  checkIntegerRange,
  checkMaxItems,
  checkText,
  type Issues,
} from '../../validation';
import {
  commonPayload,
  commonValuesOf,
  emptyCommonValues,
  optionalText,
  validateCommon,
  type CommonListingValues,
} from './commonListingFields';
import { IP_NUMBERS_MAX, LONG_TEXT_MAX, NUMBERED_IP_STATUSES, SECTORS_MAX } from './listingRules';

export interface OfferValues extends CommonListingValues {
  description: string;
  trl: string;
  ipStatus: string;
  ipNumbers: string[];
  pricingModel: PricingModel;
  /** Amounts as typed, in major units of `currency`. */
  amount: string;
  currency: Currency;
  reservePrice: string;
  closesAt: string;
  /** An auction's bid deposit, in major units of `currency` ('' when none is asked). */
  deposit: string;
  /**
   * The percentage of the starting price an auction's deposit was set as (through the API), kept
   * so that saving the form sends it back rather than its amount; typing a deposit clears it.
   */
  depositPct: number | undefined;
  sectors: string[];
}

export function emptyOfferValues(locale: Locale): OfferValues {
  return {
    ...emptyCommonValues(locale),
    description: '',
    trl: '',
    ipStatus: 'none',
    ipNumbers: [],
    pricingModel: 'negotiable',
    amount: '',
    currency: 'VND',
    reservePrice: '',
    closesAt: '',
    deposit: '',
    depositPct: undefined,
    sectors: [],
  };
}

export function offerValuesOf(offer: Offer): OfferValues {
  const currency = offer.pricing?.currency ?? 'VND';
  const major = (n: number | undefined) => (typeof n === 'number' ? minorToMajorString(n, currency) : '');
  return {
    ...commonValuesOf(offer),
    description: offer.description ?? '',
    trl: offer.trl ? String(offer.trl) : '',
    ipStatus: offer.ipStatus ?? 'none',
    ipNumbers: offer.ipNumbers ?? [],
    pricingModel: offer.pricing?.model ?? 'negotiable',
    amount: major(offer.pricing?.amount),
    currency,
    reservePrice: major(offer.pricing?.reservePrice),
    closesAt: isoToLocalInput(offer.pricing?.closesAt),
    deposit: major(offer.pricing?.deposit),
    depositPct: offer.pricing?.depositPct ?? undefined,
    sectors: offer.sectors ?? [],
  };
}

export function hasIpNumbers(ipStatus: string): boolean {
  return NUMBERED_IP_STATUSES.includes(ipStatus);
}

function checkAmount(
  issues: Issues,
  name: string,
  text: string,
  currency: Currency,
  required: boolean,
): void {
  if (!text.trim()) {
    if (required) issues[name] = { key: 'required' };
    return;
  }
  const minor = parseMajorInput(text, currency);
  if (minor === null) issues[name] = { key: 'amount', params: { currency } };
  else if (required && minor <= 0) issues[name] = { key: 'positive' };
}

export function validateOffer(v: OfferValues, now = new Date()): Issues {
  const issues: Issues = {};
  validateCommon(v, issues);
  checkText(issues, 'description', v.description, { max: LONG_TEXT_MAX });
  checkIntegerRange(issues, 'trl', v.trl, TRL_MIN, TRL_MAX);
  checkChoice(issues, 'ipStatus', v.ipStatus, IP_STATUSES);
  if (hasIpNumbers(v.ipStatus)) checkMaxItems(issues, 'ipNumbers', v.ipNumbers, IP_NUMBERS_MAX);
  checkMaxItems(issues, 'sectors', v.sectors, SECTORS_MAX);
  checkChoice(issues, 'pricing.model', v.pricingModel, PRICING_MODELS);
  checkChoice(issues, 'pricing.currency', v.currency, CURRENCIES);
  checkAmount(issues, 'pricing.amount', v.amount, v.currency, v.pricingModel !== 'negotiable');
  if (v.pricingModel === 'auction') {
    checkAmount(issues, 'pricing.reservePrice', v.reservePrice, v.currency, false);
    checkFuture(issues, 'pricing.closesAt', localInputToIso(v.closesAt), now);
    if (!v.depositPct) checkAmount(issues, 'pricing.deposit', v.deposit, v.currency, false);
  }
  return issues;
}

/** The JSON body of `POST /api/offers` and `PATCH /api/offers/:id`; call only on valid values. */
export function offerPayload(v: OfferValues) {
  const minor = (text: string) =>
    text.trim() ? (parseMajorInput(text, v.currency) ?? undefined) : undefined;
  const auction = v.pricingModel === 'auction';
  const deposit = auction ? minor(v.deposit) : undefined;
  return {
    ...commonPayload(v),
    description: optionalText(v.description),
    trl: Number(v.trl),
    ipStatus: v.ipStatus,
    ipNumbers: hasIpNumbers(v.ipStatus) ? v.ipNumbers : [],
    sectors: v.sectors,
    pricing: {
      model: v.pricingModel,
      currency: v.currency,
      amount: minor(v.amount),
      reservePrice: auction ? minor(v.reservePrice) : undefined,
      closesAt: auction ? localInputToIso(v.closesAt) : undefined,
      // An auction's deposit, when it asks one: the percentage it was set as, or a fixed amount.
      ...(auction && v.depositPct ? { depositPct: v.depositPct } : deposit ? { deposit } : {}),
    },
  };
}
