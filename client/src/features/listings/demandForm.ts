import {
  CURRENCIES,
  DEMAND_MODES,
  TRL_MAX,
  TRL_MIN,
  type Currency,
  type DemandMode,
  type Locale,
} from '@contract/enums';
import { isoToLocalInput, localInputToIso } from '../../dates';
import { minorToMajorString, parseMajorInput } from '../../money';
import type { Demand } from '../../types';
import { checkChoice, checkFuture, checkIntegerRange, checkText, type Issues } from '../../validation';
import {
  commonPayload,
  commonValuesOf,
  emptyCommonValues,
  optionalText,
  validateCommon,
  type CommonListingValues,
} from './commonListingFields';
import { LONG_TEXT_MAX } from './listingRules';

export interface DemandValues extends CommonListingValues {
  problem: string;
  desiredOutcome: string;
  minTrl: string;
  /** Budget bounds as typed, in major units of `currency`. */
  budgetMin: string;
  budgetMax: string;
  currency: Currency;
  mode: DemandMode;
  deadline: string;
  /** A call's deposit per proposer, in major units of `currency` ('' when none is asked). */
  deposit: string;
  /**
   * The percentage of the budget's maximum the deposit was set as, kept so that saving the form
   * sends it back rather than its amount; typing a deposit clears it.
   */
  depositPct: number | undefined;
}

export function emptyDemandValues(locale: Locale): DemandValues {
  return {
    ...emptyCommonValues(locale),
    problem: '',
    desiredOutcome: '',
    minTrl: '',
    budgetMin: '',
    budgetMax: '',
    currency: 'VND',
    mode: 'open',
    deadline: '',
    deposit: '',
    depositPct: undefined,
  };
}

export function demandValuesOf(demand: Demand): DemandValues {
  const currency = demand.budget?.currency ?? 'VND';
  const major = (n: number | null | undefined) =>
    typeof n === 'number' ? minorToMajorString(n, currency) : '';
  return {
    ...commonValuesOf(demand),
    problem: demand.problem ?? '',
    desiredOutcome: demand.desiredOutcome ?? '',
    minTrl: demand.minTrl ? String(demand.minTrl) : '',
    budgetMin: major(demand.budget?.min),
    budgetMax: major(demand.budget?.max),
    currency,
    mode: demand.mode ?? 'open',
    deadline: isoToLocalInput(demand.deadline),
    deposit: demand.depositPct ? '' : major(demand.deposit),
    depositPct: demand.depositPct ?? undefined,
  };
}

export function validateDemand(v: DemandValues, now = new Date()): Issues {
  const issues: Issues = {};
  validateCommon(v, issues);
  checkText(issues, 'problem', v.problem, { max: LONG_TEXT_MAX });
  checkText(issues, 'desiredOutcome', v.desiredOutcome, { max: LONG_TEXT_MAX });
  checkIntegerRange(issues, 'minTrl', v.minTrl, TRL_MIN, TRL_MAX);
  checkChoice(issues, 'budget.currency', v.currency, CURRENCIES);
  const min = parseBudget(issues, 'budget.min', v.budgetMin, v.currency);
  const max = parseBudget(issues, 'budget.max', v.budgetMax, v.currency);
  if (min !== null && max !== null && min > max) issues['budget.max'] = { key: 'minAboveMax' };
  checkChoice(issues, 'mode', v.mode, DEMAND_MODES);
  if (v.mode === 'call_for_proposals') {
    checkFuture(issues, 'deadline', localInputToIso(v.deadline), now);
    if (!v.depositPct && v.deposit.trim()) {
      const deposit = parseMajorInput(v.deposit, v.currency);
      if (deposit === null) issues.deposit = { key: 'amount', params: { currency: v.currency } };
    }
  }
  return issues;
}

function parseBudget(issues: Issues, name: string, text: string, currency: Currency): number | null {
  if (!text.trim()) {
    issues[name] = { key: 'required' };
    return null;
  }
  const minor = parseMajorInput(text, currency);
  if (minor === null) issues[name] = { key: 'amount', params: { currency } };
  return minor;
}

/** The JSON body of `POST /api/demands` and `PATCH /api/demands/:id`; call only on valid values. */
export function demandPayload(v: DemandValues) {
  return {
    ...commonPayload(v),
    problem: optionalText(v.problem),
    desiredOutcome: optionalText(v.desiredOutcome),
    minTrl: Number(v.minTrl),
    budget: {
      min: parseMajorInput(v.budgetMin, v.currency) ?? 0,
      max: parseMajorInput(v.budgetMax, v.currency) ?? 0,
      currency: v.currency,
    },
    mode: v.mode,
    deadline: v.mode === 'call_for_proposals' ? localInputToIso(v.deadline) : undefined,
    ...callDeposit(v),
  };
}

/** A call's deposit as set: the percentage it was set as, a fixed amount, or none (cleared). */
function callDeposit(v: DemandValues): { deposit: number | null; depositPct: number | null } {
  if (v.mode !== 'call_for_proposals') return { deposit: null, depositPct: null };
  if (v.depositPct) return { deposit: null, depositPct: v.depositPct };
  const deposit = v.deposit.trim() ? parseMajorInput(v.deposit, v.currency) : null;
  return { deposit: deposit || null, depositPct: null };
}
