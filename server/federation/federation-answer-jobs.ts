/**
 * Owners' answers to inquiries from partner exchanges sent back by a durable job each (made when
 * the answer is given): an attempt that fails schedules the job again for the answer's next
 * attempt (backoff doubling from FEDERATION_RETRY_MS), until it is delivered or given up. A
 * restart loses none.
 */
import type { AppContext } from '../context';
import { deliverAnswer } from './answer.service';
import { FEDERATION_ANSWER, type JobHandler } from '../scheduler';

export function federationAnswerJobHandlers(
  ctx: Pick<AppContext, 'bus' | 'config'>,
): Record<string, JobHandler> {
  return {
    [FEDERATION_ANSWER]: async (job) => {
      const { receivedInquiryId, answerId } = job.payload as { receivedInquiryId: string; answerId: string };
      const outcome = await deliverAnswer(ctx, receivedInquiryId, answerId);
      return outcome?.retryAt ? { rescheduleAt: outcome.retryAt } : undefined;
    },
  };
}
