/** What makes a demand well-formed, and complete enough to be reviewed. Pure. */
import type { ErrorDetail } from '../common/errors';
import { futureRule, requiredRule, subFieldRule } from '../listings/listing-rules';

export interface DemandRuleInput {
  field?: string;
  subField?: string | null;
  summary?: string;
  problem?: string;
  province?: string | null;
  budget?: { min?: number | null; max?: number | null; currency?: string } | null;
  mode?: string;
  deadline?: Date | string | null;
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
