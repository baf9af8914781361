/** The refund of a winner's deposit surplus over its deal's fees (payments/deposit-surplus.service.ts), retried until made. */
import type { AppContext } from '../context';
import { refundDepositSurplus } from '../payments/deposit-surplus.service';
import type { JobHandler } from './scheduler';
import { DEPOSIT_SURPLUS_REFUND } from './job-types';

export function depositSurplusJobHandlers(
  ctx: Pick<AppContext, 'bus' | 'config'>,
): Record<string, JobHandler> {
  return {
    [DEPOSIT_SURPLUS_REFUND]: (job) => refundDepositSurplus(ctx, String(job.payload?.dealId)),
  };
}
