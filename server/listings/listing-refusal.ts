import { AppError } from '../common/errors';
import type { ListingPlan } from './listing-lifecycle';

/** The API error for a transition or edit the listing life cycle refused. */
export function refusalError(plan: Extract<ListingPlan, { ok: false }>): AppError {
  switch (plan.reason) {
    case 'forbidden':
    case 'unverified_org':
      return AppError.forbidden(plan.message);
    case 'invalid_state':
      return AppError.conflict(plan.message);
    case 'reason_required':
      return AppError.validation([{ field: 'reason', message: plan.message }]);
    default:
      return AppError.validation([{ field: 'transition', message: plan.message }]);
  }
}
