/** Enqueueing, claiming and finishing durable jobs, each with one atomic operation. */
import mongoose from 'mongoose';
import { JobModel, type JobDoc } from './job.model';

export interface NewJob {
  type: string;
  runAt: Date;
  payload?: Record<string, unknown>;
  dedupeKey?: string;
}

/** Adds a job; with a dedupeKey already taken, returns the job that holds it instead. */
export async function enqueueJob(job: NewJob): Promise<JobDoc> {
  try {
    const created = await JobModel.create({ ...job, status: 'pending', attempts: 0 });
    return created.toObject() as JobDoc;
  } catch (err) {
    if ((err as { code?: number }).code === 11000 && job.dedupeKey) {
      const existing = (await JobModel.findOne({ dedupeKey: job.dedupeKey }).lean()) as JobDoc | null;
      if (existing) return existing;
    }
    throw err;
  }
}

/**
 * Marks one due job as running for `workerId`: a pending job whose time has come, or a running
 * one whose lock expired (its worker died), of the types the worker handles. On MongoDB this one findOneAndUpdate is enough; on
 * FerretDB two processes may both get the job, so the scheduler also takes the job's lock.
 */
export async function claimDueJob(
  workerId: string,
  now: Date,
  lockMs: number,
  types: readonly string[],
): Promise<JobDoc | null> {
  return (await JobModel.findOneAndUpdate(
    {
      type: mongoose.trusted({ $in: types }),
      $or: [
        { status: 'pending', runAt: mongoose.trusted({ $lte: now }) },
        { status: 'running', lockedUntil: mongoose.trusted({ $lt: now }) },
      ],
    },
    {
      $set: { status: 'running', lockedBy: workerId, lockedUntil: new Date(now.getTime() + lockMs) },
      $inc: { attempts: 1 },
    },
    { sort: { runAt: 1, _id: 1 }, returnDocument: 'after' },
  ).lean()) as JobDoc | null;
}

/** Finishing is done by the worker holding the job's lock (see scheduler.ts), so it needs no further guard. */
function held(job: JobDoc) {
  return { _id: job._id, status: 'running' as const };
}

export async function completeJob(job: JobDoc): Promise<void> {
  await JobModel.updateOne(held(job), {
    $set: { status: 'done', finishedAt: new Date() },
    $unset: { lockedBy: 1, lockedUntil: 1 },
  });
}

export async function rescheduleJob(job: JobDoc, runAt: Date): Promise<void> {
  await JobModel.updateOne(held(job), {
    $set: { status: 'pending', runAt, attempts: 0 },
    $unset: { lockedBy: 1, lockedUntil: 1 },
  });
}

export async function requeueJob(job: JobDoc): Promise<void> {
  await JobModel.updateOne(
    { _id: job._id, status: 'done' },
    { $set: { status: 'pending', runAt: new Date(), attempts: 0 } },
  );
}

export async function failJob(job: JobDoc, error: unknown, maxAttempts: number): Promise<void> {
  const attempts = job.attempts ?? 1;
  const lastError = String((error as Error)?.message ?? error).slice(0, 500);
  const retry = attempts < maxAttempts;
  await JobModel.updateOne(held(job), {
    $set: retry
      ? { status: 'pending', runAt: new Date(Date.now() + 1000 * 2 ** attempts), lastError }
      : { status: 'failed', finishedAt: new Date(), lastError },
    $unset: { lockedBy: 1, lockedUntil: 1 },
  });
}
