/**
 * Inquiries to partner exchanges delivered by a durable job each (made when the inquiry is sent):
 * an attempt that fails schedules the job again for the inquiry's next attempt (backoff doubling
 * from FEDERATION_RETRY_MS), until it is delivered or given up. A restart loses none.
 */
import type { AppContext } from '../context';
import { deliverInquiry } from './inquiry.service';
import { FEDERATION_INQUIRY, type JobHandler } from '../scheduler';

export function federationInquiryJobHandlers(
  ctx: Pick<AppContext, 'bus' | 'config'>,
): Record<string, JobHandler> {
  return {
    [FEDERATION_INQUIRY]: async (job) => {
      const { inquiryId } = job.payload as { inquiryId: string };
      const outcome = await deliverInquiry(ctx, inquiryId);
      return outcome?.retryAt ? { rescheduleAt: outcome.retryAt } : undefined;
    },
  };
}
