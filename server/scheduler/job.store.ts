/**
 * The job store: the only code that writes durable jobs. Enqueueing, claiming and finishing
 * each is one operation; a job is claimed and run while its worker holds the job's lock. The jobs
 * that are pending or running are also listed in one document (read by `_id`), so finding the
 * due ones does not ask the database to filter the whole jobs collection every second; a
 * slow sweep (`findDueJobsByScan`) catches any job that list missed.
 */
import mongoose from 'mongoose';
import { AppError } from '../common/errors';
import { JobModel, type JobDoc } from './job.model';
import { isDuplicateKeyError } from '../common/duplicate-key';
import { holdLocks, type ModelReads } from '../common/store';
import { currentRequestId } from '../common/request-context';
import { putOwnerListEntries, readOwnerList } from '../read-models';

/** Reads of jobs for code outside the store (metrics): no writes. */
export const jobReads: ModelReads<typeof JobModel> = JobModel;

const ACTIVE_JOBS = 'jobs:active';
/**
 * Pending jobs due later than this are left out of the list (it stays small however many
 * auctions are open); the sweep, which runs more often than this, puts them in as they near.
 */
export const JOB_LIST_HORIZON_MS = 30 * 60_000;

/**
 * Keeps the job's line in the list of active jobs: pending at runAt (when due within the
 * horizon), running until lockedUntil; gone when finished.
 */
async function followJob(
  job: Pick<JobDoc, '_id' | 'status' | 'runAt' | 'lockedUntil'> | null,
): Promise<void> {
  if (!job) return;
  const id = String(job._id);
  const runAt = +new Date(job.runAt);
  if (job.status === 'pending' && runAt > Date.now() + JOB_LIST_HORIZON_MS)
    await putOwnerListEntries(ACTIVE_JOBS, [], [id]);
  else if (job.status === 'pending')
    await putOwnerListEntries(ACTIVE_JOBS, [{ id, s: 'pending', at: runAt }]);
  else if (job.status === 'running')
    await putOwnerListEntries(ACTIVE_JOBS, [
      { id, s: 'running', at: +new Date(job.lockedUntil ?? job.runAt) },
    ]);
  else await putOwnerListEntries(ACTIVE_JOBS, [], [id]);
}

async function followJobById(id: JobDoc['_id']): Promise<void> {
  await followJob(
    (await JobModel.findById(id, { status: 1, runAt: 1, lockedUntil: 1 }).lean()) as JobDoc | null,
  );
}

export interface NewJob {
  type: string;
  runAt: Date;
  payload?: Record<string, unknown>;
  dedupeKey?: string;
}

/**
 * The time a job is to run, refused when it is no time at all: `new Date(undefined)` reached the
 * store as "Invalid Date", which the database refuses with a message naming neither the job nor
 * its cause. This names both, and nothing is written.
 */
export function validRunAt(type: string, runAt: unknown, payload?: unknown): Date {
  if (runAt instanceof Date && !Number.isNaN(runAt.getTime())) return runAt;
  throw new AppError(
    'internal',
    `Job ${type} was given no time to run (runAt ${String(runAt)}; payload ${JSON.stringify(payload ?? {})})`,
  );
}

/** Adds a job; with a dedupeKey already taken, returns the job that holds it instead. */
export async function enqueueJob(job: NewJob): Promise<JobDoc> {
  validRunAt(job.type, job.runAt, job.payload);
  try {
    const created = (
      await JobModel.create({ ...job, status: 'pending', attempts: 0, requestId: currentRequestId() })
    ).toObject() as JobDoc;
    await followJob(created);
    return created;
  } catch (err) {
    if (isDuplicateKeyError(err) && job.dedupeKey) {
      const existing = (await JobModel.findOne({ dedupeKey: job.dedupeKey }).lean()) as JobDoc | null;
      if (existing) return existing;
    }
    throw err;
  }
}

/**
 * Adds a job unless its dedupeKey is taken; true when this call added it. Unlike enqueueJob it
 * never reads the job holding the key (a filter on the jobs collection), for callers that only
 * need the job to exist: scheduling again after a stop.
 */
export async function enqueueJobIfAbsent(job: NewJob & { dedupeKey: string }): Promise<boolean> {
  validRunAt(job.type, job.runAt, job.payload);
  try {
    const created = (
      await JobModel.create({ ...job, status: 'pending', attempts: 0, requestId: currentRequestId() })
    ).toObject() as JobDoc;
    await followJob(created);
    return true;
  } catch (err) {
    if (isDuplicateKeyError(err)) return false;
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
  const t = now.getTime();
  const due = (await readOwnerList(ACTIVE_JOBS))
    .filter((e) => (e.s === 'pending' ? e.at <= t : e.at < t))
    .sort((a, b) => a.at - b.at)
    .slice(0, limit * 2);
  if (due.length === 0) return [];
  const jobs = (await JobModel.find({
    _id: mongoose.trusted({ $in: due.map((e) => e.id) }),
  }).lean()) as JobDoc[];
  const found = new Set(jobs.map((j) => String(j._id)));
  const gone = due.filter((e) => !found.has(e.id)).map((e) => e.id);
  if (gone.length > 0) await putOwnerListEntries(ACTIVE_JOBS, [], gone);
  return jobs
    .filter((j) => types.includes(j.type) && isDue(j, now))
    .sort((a, b) => +new Date(a.runAt) - +new Date(b.runAt) || (String(a._id) < String(b._id) ? -1 : 1))
    .slice(0, limit);
}

function isDue(job: JobDoc, now: Date): boolean {
  if (job.status === 'pending') return new Date(job.runAt) <= now;
  return job.status === 'running' && !!job.lockedUntil && new Date(job.lockedUntil) < now;
}

/**
 * The slow way, for the sweep: the jobs due within the horizon found by filtering the jobs
 * collection, each put in the list of active jobs (so a crash between a job's write and its
 * list line loses nothing, and jobs due later enter the list as they near).
 */
export async function listJobsDueSoon(now: Date): Promise<number> {
  const jobs = (await JobModel.find(dueFilter(new Date(now.getTime() + JOB_LIST_HORIZON_MS)), {
    status: 1,
    runAt: 1,
    lockedUntil: 1,
  }).lean()) as JobDoc[];
  for (const job of jobs) await followJob(job);
  return jobs.length;
}

/**
 * Runs `fn` holding the job's lock (renewed while the job runs); null when another process holds
 * it (it is claiming or running this job now).
 */
export function holdJob<T>(jobId: JobDoc['_id'], lockMs: number, fn: () => Promise<T>): Promise<T | null> {
  return holdLocks([`job:${String(jobId)}`], fn, { timing: { ttlMs: lockMs, waitMs: 0 }, busy: 'skip' });
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
  const job = (await JobModel.findOneAndUpdate(
    { _id: jobId, ...dueFilter(now) },
    {
      $set: { status: 'running', lockedBy: workerId, lockedUntil: new Date(now.getTime() + lockMs) },
      $inc: { attempts: 1 },
    },
    { returnDocument: 'after' },
  ).lean()) as JobDoc | null;
  await followJob(job);
  return job;
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
  await followJobById(job._id);
}

export async function rescheduleJob(job: JobDoc, runAt: Date): Promise<void> {
  validRunAt(job.type, runAt, job.payload);
  await JobModel.updateOne(held(job), {
    $set: { status: 'pending', runAt, attempts: 0 },
    $unset: { lockedBy: 1, lockedUntil: 1 },
  });
  await followJobById(job._id);
}

/** A job that schedules its own next run: enqueued once (its type is its key), brought back if it ever finished or failed. */
export async function ensureRecurringJob(type: string, runAt: Date): Promise<void> {
  const job = await enqueueJob({ type, runAt, dedupeKey: type });
  if (job.status !== 'done' && job.status !== 'failed') return;
  await JobModel.updateOne(
    { _id: job._id, status: job.status },
    { $set: { status: 'pending', runAt, attempts: 0 } },
  );
  await followJobById(job._id);
}

export async function requeueJob(job: JobDoc): Promise<void> {
  await JobModel.updateOne(
    { _id: job._id, status: 'done' },
    { $set: { status: 'pending', runAt: new Date(), attempts: 0 } },
  );
  await followJobById(job._id);
}

/** Records a failed run: retried later with back-off (2, 4, 8 … s), or failed for good after `maxAttempts`; true then. */
export async function failJob(job: JobDoc, error: unknown, maxAttempts: number): Promise<boolean> {
  const attempts = job.attempts ?? 1;
  const lastError = String((error as Error)?.message ?? error).slice(0, 500);
  const retry = attempts < maxAttempts;
  await JobModel.updateOne(held(job), {
    $set: retry
      ? { status: 'pending', runAt: new Date(Date.now() + 1000 * 2 ** attempts), lastError }
      : { status: 'failed', finishedAt: new Date(), lastError },
    $unset: { lockedBy: 1, lockedUntil: 1 },
  });
  await followJobById(job._id);
  return !retry;
}
