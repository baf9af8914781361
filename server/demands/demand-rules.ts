/** What makes a demand well-formed, and complete enough to be reviewed. Pure. */
import type { ErrorDetail } from '../common/errors';
import { futureRule, requiredRule, subFieldRule } from '../listings';

export interface DemandRuleInput {
  field?: string;
  subField?: string | null;
  summary?: string;
  problem?: string;
  province?: string | null;
  budget?: { min?: number | null; max?: number | null; currency?: string } | null;
  mode?: string;
  deadline?: Date | string | null;
  /** A call's fixed deposit, in minor units of the budget's currency. */
  deposit?: number | null;
  /** Or a call's deposit as a whole percentage of the budget's maximum. */
  depositPct?: number | null;
}

/** A deposit only on a call for proposals, fixed or a percentage (not both), a percentage of a budget that has a maximum. */
function depositViolations(demand: DemandRuleInput): ErrorDetail[] {
  const fixed = demand.deposit != null;
  const pct = demand.depositPct != null;
  if (!fixed && !pct) return [];
  if (demand.mode !== 'call_for_proposals') {
    const field = fixed ? 'deposit' : 'depositPct';
    return [
      { field, message: `${field} is only allowed for a call for proposals (mode call_for_proposals)` },
    ];
  }
  if (fixed && pct) {
    const message =
      'Ask either a fixed deposit (deposit) or a percentage of the budget (depositPct), not both';
    return [{ field: 'depositPct', message }];
  }
  if (pct && demand.budget?.max == null) {
    const message =
      'depositPct is a percentage of the budget’s maximum: set budget.max, or ask a fixed deposit';
    return [{ field: 'depositPct', message }];
  }
  return [];
}

/** Rules between fields; `checkTimes` also asks that the deadline is in the future. */
export function demandViolations(
  demand: DemandRuleInput,
  opts: { now: Date; checkTimes: boolean },
): ErrorDetail[] {
  const details = subFieldRule(demand.field, demand.subField);
  const { min, max } = demand.budget ?? {};
  if (min != null && max != null && min > max) {
    details.push({ field: 'budget.min', message: 'budget.min must not be greater than budget.max' });
  }
  if (demand.mode === 'call_for_proposals' && !demand.deadline) {
    details.push({ field: 'deadline', message: 'deadline is required for a call for proposals' });
  }
  details.push(...depositViolations(demand));
  if (opts.checkTimes) details.push(...futureRule('deadline', demand.deadline, opts.now));
  return details;
}

export function demandSubmitViolations(demand: DemandRuleInput, now: Date): ErrorDetail[] {
  return [
    ...requiredRule('summary', demand.summary),
    ...requiredRule('problem', demand.problem),
    ...requiredRule('province', demand.province),
    ...demandViolations(demand, { now, checkTimes: true }),
  ];
}

/** Why a demand awaiting review can no longer be published as it is (its deadline passed meanwhile). */
export function demandApprovalConflict(demand: DemandRuleInput, now: Date): string | undefined {
  if (futureRule('deadline', demand.deadline, now).length === 0) return undefined;
  return 'The demand’s deadline has passed: reject it so the owner can set a new one';
}
