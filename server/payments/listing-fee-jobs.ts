/** The refund of a rejected listing's paid fee (payments/listing-fee.service.ts), retried until it is made. */
import type { AppContext } from '../context';
import type { ListingKind } from '../api-contract/enums';
import { settleRejectedListingFee } from './listing-fee.service';
import { LISTING_FEE_REFUND, type JobHandler } from '../scheduler';

export function listingFeeJobHandlers(ctx: Pick<AppContext, 'bus' | 'config'>): Record<string, JobHandler> {
  return {
    [LISTING_FEE_REFUND]: (job) =>
      settleRejectedListingFee(
        ctx,
        job.payload?.kind === 'demand' ? 'demand' : ('offer' as ListingKind),
        String(job.payload?.listingId),
      ),
  };
}
