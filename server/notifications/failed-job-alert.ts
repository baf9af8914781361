/**
 * A durable job that failed for good (its retries spent) is work the exchange owes someone (an
 * auction's losers not told, a deal not finished): every operator gets a notification naming
 * it, once per job (the notification store's dedupe key).
 */
import type { AppContext } from '../context';
import { createNotification } from './notification.service';
import { operatorIds } from '../auth';
import type { JobDoc } from '../scheduler';

export const JOB_FAILED_NOTIFICATION = 'operator.job_failed';

export async function alertOperatorsOfFailedJob(
  ctx: Pick<AppContext, 'bus' | 'config'>,
  job: JobDoc,
  error: unknown,
): Promise<void> {
  const reason = String((error as Error)?.message ?? error).slice(0, 300);
  const jobId = String(job._id);
  for (const operator of await operatorIds()) {
    await createNotification(ctx, {
      userId: operator,
      type: JOB_FAILED_NOTIFICATION,
      title: {
        vi: `Tác vụ nền thất bại sau ${job.attempts ?? 0} lần thử: ${job.type}`,
        en: `A background job failed after ${job.attempts ?? 0} attempts: ${job.type}`,
      },
      body: { vi: reason, en: reason },
      data: { jobId, jobType: job.type, payload: job.payload ?? {}, error: reason },
      dedupeKey: `${JOB_FAILED_NOTIFICATION}:${jobId}:${operator}`,
    });
  }
}
