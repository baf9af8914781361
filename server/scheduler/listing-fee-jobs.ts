/** The refund of a rejected listing's paid fee (payments/listing-fee.service.ts), retried until it is made. */
import type { AppContext } from '../context';
import type { ListingKind } from '../api-contract/enums';
import { settleRejectedListingFee } from '../payments/listing-fee.service';
import type { JobHandler } from './scheduler';
import { LISTING_FEE_REFUND } from './job-types';

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
