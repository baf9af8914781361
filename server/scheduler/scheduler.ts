/**
 * The durable scheduler's loop: every interval it runs its sweeps (which enqueue work they find
 * due), then claims and runs the due jobs it finds, one by one. Any number of processes
 * may run it against the same database: a job is claimed and run only under its lock
 * (`job:<id>`), which a dead process's lock gives up after `lockMs`.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { logger } from '../common/logger';
import type { Worker } from '../runtime-types';
import {
  claimJob,
  completeJob,
  failJob,
  findDueJobs,
  holdJob,
  listJobsDueSoon,
  rescheduleJob,
} from './job.store';
import type { JobDoc } from './job.model';
import { withRequestId } from '../common/request-context';

export type JobResult = void | { rescheduleAt: Date };
export type JobHandler = (job: JobDoc) => Promise<JobResult>;

export interface SchedulerOptions {
  handlers: Record<string, JobHandler>;
  /** Safety nets that read whole collections: run at start, then every `sweepIntervalMs`. */
  sweeps?: (() => Promise<void>)[];
  /** How often the due jobs are looked for (one read by `_id`). */
  intervalMs: number;
  sweepIntervalMs?: number;
  /** How long a claimed job stays locked; a worker that dies frees it when this expires. */
  lockMs?: number;
  maxAttempts?: number;
  workerId?: string;
  /** Told of a job that failed for good (after its retries): operators must hear of it. */
  onFailedForGood?: (job: JobDoc, error: unknown) => Promise<void>;
}

const JOBS_PER_TICK = 50;

export function startScheduler(
  opts: SchedulerOptions,
): Worker & { workerId: string; tick(pass?: { sweep?: boolean }): Promise<void> } {
  const workerId = opts.workerId ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const lockMs = opts.lockMs ?? 60_000;
  const maxAttempts = opts.maxAttempts ?? 5;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  async function runJob(job: JobDoc): Promise<void> {
    const handler = opts.handlers[job.type];
    try {
      if (!handler) throw new Error(`no handler for job type ${job.type}`);
      const result = await handler(job);
      if (result && 'rescheduleAt' in result) await rescheduleJob(job, result.rescheduleAt);
      else await completeJob(job);
    } catch (err) {
      logger.error({ err, jobId: String(job._id), type: job.type }, 'scheduled job failed');
      const forGood = await failJob(job, err, maxAttempts);
      if (forGood && opts.onFailedForGood) {
        await opts
          .onFailedForGood(job, err)
          .catch((alertErr) =>
            logger.error(
              { err: alertErr, jobId: String(job._id) },
              'operators could not be alerted of a failed job',
            ),
          );
      }
    }
  }

  let sweptAt = 0;
  const sweeps = [() => listJobsDueSoon(new Date()).then(() => undefined), ...(opts.sweeps ?? [])];

  /** One pass: the sweeps when they are due (or `sweep` says so), then the due jobs. */
  async function tick(pass: { sweep?: boolean } = { sweep: true }): Promise<void> {
    if (pass.sweep || Date.now() - sweptAt >= (opts.sweepIntervalMs ?? 600_000)) {
      sweptAt = Date.now();
      for (const sweep of sweeps) {
        if (stopped) return;
        await sweep();
      }
    }
    const due = await findDueJobs(new Date(), Object.keys(opts.handlers), JOBS_PER_TICK);
    for (const candidate of due) {
      if (stopped) return;
      // Passed over when another process is claiming or running this job now.
      await holdJob(candidate._id, lockMs, async () => {
        const job = await claimJob(candidate._id, workerId, new Date(), lockMs);
        if (job) await withRequestId(job.requestId ?? `job-${String(job._id)}`, () => runJob(job));
      });
    }
  }

  function schedule(delay: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      current = tick({ sweep: false })
        .catch((err) => logger.warn({ err }, 'scheduler tick failed'))
        .finally(() => schedule(opts.intervalMs));
    }, delay);
  }

  schedule(0);
  return {
    name: 'scheduler',
    workerId,
    tick,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
