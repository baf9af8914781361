/** The refund of a winner's deposit surplus over its deal's fees (payments/deposit-surplus.service.ts), retried until made. */
import type { AppContext } from '../context';
import { refundDepositSurplus } from './deposit-surplus.service';
import { DEPOSIT_SURPLUS_REFUND, type JobHandler } from '../scheduler';

export function depositSurplusJobHandlers(
  ctx: Pick<AppContext, 'bus' | 'config'>,
): Record<string, JobHandler> {
  return {
    [DEPOSIT_SURPLUS_REFUND]: (job) => refundDepositSurplus(ctx, String(job.payload?.dealId)),
  };
}
