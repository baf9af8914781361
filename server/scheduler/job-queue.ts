/** Enqueueing, claiming and finishing durable jobs, each with one atomic operation. */
import mongoose from 'mongoose';
import { JobModel, type JobDoc } from './job.model';
import { isDuplicateKeyError } from '../common/duplicate-key';
import { currentRequestId } from '../common/request-context';

export interface NewJob {
  type: string;
  runAt: Date;
  payload?: Record<string, unknown>;
  dedupeKey?: string;
}

/** Adds a job; with a dedupeKey already taken, returns the job that holds it instead. */
export async function enqueueJob(job: NewJob): Promise<JobDoc> {
  try {
    const created = await JobModel.create({
      ...job,
      status: 'pending',
      attempts: 0,
      requestId: currentRequestId(),
    });
    return created.toObject() as JobDoc;
  } catch (err) {
    if (isDuplicateKeyError(err) && job.dedupeKey) {
      const existing = (await JobModel.findOne({ dedupeKey: job.dedupeKey }).lean()) as JobDoc | null;
      if (existing) return existing;
    }
    throw err;
  }
}

const dueFilter = (now: Date) => ({
  $or: [
    { status: 'pending' as const, runAt: mongoose.trusted({ $lte: now }) },
    { status: 'running' as const, lockedUntil: mongoose.trusted({ $lt: now }) },
  ],
});

/** Jobs of these types that are due: pending whose time has come, or running whose worker died. */
export async function findDueJobs(now: Date, types: readonly string[], limit: number): Promise<JobDoc[]> {
  return (await JobModel.find({ type: mongoose.trusted({ $in: types }), ...dueFilter(now) })
    .sort({ runAt: 1, _id: 1 })
    .limit(limit)
    .lean()) as JobDoc[];
}

/**
 * Marks the job running for `workerId` if it is still due; null when another worker took or
 * finished it. Call it only while holding the job's lock (`job:<id>`): FerretDB does not isolate
 * updates, so the lock, not the filter, is what keeps two workers from claiming one job.
 */
export async function claimJob(
  jobId: JobDoc['_id'],
  workerId: string,
  now: Date,
  lockMs: number,
): Promise<JobDoc | null> {
  return (await JobModel.findOneAndUpdate(
    { _id: jobId, ...dueFilter(now) },
    {
      $set: { status: 'running', lockedBy: workerId, lockedUntil: new Date(now.getTime() + lockMs) },
      $inc: { attempts: 1 },
    },
    { returnDocument: 'after' },
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
