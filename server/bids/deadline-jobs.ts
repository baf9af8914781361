/**
 * The deadline work of the exchange: closing auctions and calls for proposals. Jobs are enqueued
 * when a listing with a deadline is published and, in case that was missed (a process may have
 * died), by a sweep that finds published listings past their deadline and not yet closed. The
 * dedupe key makes both paths enqueue one job per listing.
 */
import { depositSettlementDeps } from './settlement-bids';
import mongoose from 'mongoose';
import type { AppContext } from '../context';
import type { ListingKind } from '../api-contract/enums';
import { loadListing } from '../listings';
import { closeAuction, closeCall, DEADLINE_GRACE_MS, type CloseResult } from './deadline-close.service';
import {
  CALL_DEPOSITS,
  callDepositsKey,
  enqueueJob,
  requeueJob,
  RUNNER_UP_DEPOSIT,
  runnerUpDepositKey,
  type JobDoc,
  type JobHandler,
  type JobResult,
} from '../scheduler';
import { logger } from '../common/logger';
import { listingModel, listingStore } from '../listings';
import {
  listingDeadlineAt,
  maxEntriesOf,
  OPEN_DEADLINES,
  openDeadlineAt,
  readOwnerList,
} from '../read-models';
import { settleAuctionDeposits, settleCallDeposits, settleKeptRunnerUpDeposit } from '../payments';

export const AUCTION_CLOSE = 'auction.close';
export const CALL_CLOSE = 'call.close';

const SWEEP_BATCH = 100;

export function deadlineJobKey(kind: ListingKind, id: string): string {
  return kind === 'offer' ? `${AUCTION_CLOSE}:${id}` : `${CALL_CLOSE}:${id}`;
}

function enqueueClose(kind: ListingKind, id: string, deadline: Date) {
  return enqueueJob({
    type: kind === 'offer' ? AUCTION_CLOSE : CALL_CLOSE,
    runAt: new Date(new Date(deadline).getTime() + DEADLINE_GRACE_MS),
    payload: kind === 'offer' ? { offerId: id } : { demandId: id },
    dedupeKey: deadlineJobKey(kind, id),
  });
}

/** Schedules the close of a just-published auction or call for proposals; other listings need none. */
export async function scheduleListingDeadline(kind: ListingKind, id: string): Promise<boolean> {
  const listing = await loadListing(kind, id);
  if (!listing || listing.status !== 'published' || !listing.deadline || listing.deadlineClosedAt)
    return false;
  const sealed =
    kind === 'offer' ? listing.pricingModel === 'auction' : listing.demandMode === 'call_for_proposals';
  if (!sealed) return false;
  await enqueueClose(kind, id, listing.deadline);
  return true;
}

/**
 * Enqueues a close job for every published auction and call whose deadline has passed and that is
 * still open. The candidates come from the list of open deadlines (earliest first, kept by the
 * listing store's writes), not from the database filtering every listing; each is read by `_id`.
 * A full list has dropped its latest deadlines: then the database is also asked, as it was before
 * the list (a scan on FerretDB, every sweep interval, past 100,000 open auctions and calls).
 */
export async function enqueueDueDeadlines(now = new Date()): Promise<void> {
  const due = now.getTime() - DEADLINE_GRACE_MS;
  const list = await readOwnerList(OPEN_DEADLINES);
  const candidates = list.filter((e) => listingDeadlineAt(e) <= due).map((e) => [e.s, e.id] as const);
  if (list.length >= maxEntriesOf(OPEN_DEADLINES))
    candidates.push(...(await dueBeyondTheList(new Date(due))));
  for (let i = 0; i < candidates.length; i += SWEEP_BATCH) {
    const batch = candidates.slice(i, i + SWEEP_BATCH);
    for (const kind of ['offer', 'demand'] as const) {
      const ids = [...new Set(batch.filter(([k]) => k === kind).map(([, id]) => id))];
      if (ids.length === 0) continue;
      for (const listing of (await listingStore(kind).getMany(ids)).values()) {
        // The list's rule judges the listing as stored: a stale entry closes nothing.
        const deadline = openDeadlineAt(kind, listing);
        if (deadline === undefined || deadline > due) continue;
        // One listing the sweep cannot schedule must not keep the others from closing.
        await ensureCloseJob(kind, String(listing._id), new Date(deadline)).catch((err) =>
          logger.warn(
            { err, kind, id: String(listing._id) },
            'the close of a listing past its deadline could not be enqueued',
          ),
        );
      }
    }
  }
}

/** Due auctions and calls as the database finds them (the first SWEEP_BATCH of each kind). */
async function dueBeyondTheList(due: Date): Promise<(readonly [string, string])[]> {
  const $lte = mongoose.trusted({ $lte: due });
  const absent = mongoose.trusted({ $exists: false });
  const [offers, demands] = await Promise.all([
    listingModel('offer')
      .find({
        status: 'published',
        'pricing.model': 'auction',
        'pricing.closesAt': $lte,
        'auction.closedAt': absent,
      })
      .select({ _id: 1 })
      .limit(SWEEP_BATCH)
      .lean<{ _id: unknown }[]>(),
    listingModel('demand')
      .find({ status: 'published', mode: 'call_for_proposals', deadline: $lte, callClosedAt: absent })
      .select({ _id: 1 })
      .limit(SWEEP_BATCH)
      .lean<{ _id: unknown }[]>(),
  ]);
  return [
    ...offers.map((o) => ['offer', String(o._id)] as const),
    ...demands.map((d) => ['demand', String(d._id)] as const),
  ];
}

/**
 * A listing the sweep finds still open past its deadline needs its close job run: enqueued if
 * missing, run again if it is done (its marks on the listing were lost to a concurrent write).
 */
async function ensureCloseJob(kind: ListingKind, id: string, deadline: Date): Promise<void> {
  const job = await enqueueClose(kind, id, deadline);
  if (job.status === 'done') await requeueJob(job);
}

function asJobResult(result: CloseResult): JobResult {
  return result.done ? undefined : { rescheduleAt: result.notBefore };
}

/**
 * Closes the auction, then settles its bid deposits in the same job, so a stop between the two is
 * finished by the job's retry (both steps are safe to repeat). An auction that did not run to its
 * close (withdrawn meanwhile) refunds every deposit.
 */
async function closeAuctionJob(
  offerId: string,
  deps: Pick<AppContext, 'bus' | 'config'>,
): Promise<JobResult> {
  const result = await closeAuction(offerId, deps);
  if (result.done) {
    const won = 'outcome' in result ? { winnerOrgId: result.winnerOrgId, dealId: result.dealId } : {};
    const settled = await settleAuctionDeposits({ offerId, ...won }, depositSettlementDeps(deps));
    // A runner-up's deposit kept (or a refund still pending): watched until settled.
    if (settled.waiting > 0) await watchRunnerUpDeposit(offerId, deps);
  }
  return asJobResult(result);
}

/**
 * Closes the call for proposals (its proposals unseal), then settles its deposits in the same job:
 * a call withdrawn before its deadline refunds every deposit; otherwise a proposer with no
 * proposal left is refunded, and the others' deposits are held while the owner chooses, watched
 * by a job that runs every sweep interval until none is held.
 */
async function closeCallJob(demandId: string, deps: Pick<AppContext, 'bus' | 'config'>): Promise<JobResult> {
  const result = await closeCall(demandId, deps);
  if (result.done) {
    const settled = await settleCallDeposits(demandId, depositSettlementDeps(deps));
    if (settled.waiting > 0) await watchCallDeposits(demandId, deps);
  }
  return asJobResult(result);
}

const nextWatch = (deps: Pick<AppContext, 'config'>) =>
  new Date(Date.now() + deps.config.schedulerSweepIntervalMs);

/** Makes sure the call's watch job is due: enqueued once, brought back if it had finished. */
async function watchCallDeposits(demandId: string, deps: Pick<AppContext, 'config'>): Promise<void> {
  const job = await enqueueJob({
    type: CALL_DEPOSITS,
    runAt: nextWatch(deps),
    payload: { demandId, watch: true },
    dedupeKey: callDepositsKey(demandId, 'watch'),
  });
  if (job.status === 'done') await requeueJob(job);
}

/**
 * Settles a call's deposits as its proposals stand: after a decision on one (its own job), or as
 * the watch job, which runs again every sweep interval while a deposit is held (so a call that
 * leaves publication has its deposits refunded within that interval).
 */
async function settleCallDepositsJob(
  job: JobDoc,
  deps: Pick<AppContext, 'bus' | 'config'>,
): Promise<JobResult> {
  const demandId = String(job.payload?.demandId);
  const settled = await settleCallDeposits(demandId, depositSettlementDeps(deps));
  if (settled.waiting === 0) return undefined;
  if (job.payload?.watch) return { rescheduleAt: nextWatch(deps) };
  await watchCallDeposits(demandId, deps);
  return undefined;
}

async function watchRunnerUpDeposit(offerId: string, deps: Pick<AppContext, 'config'>): Promise<void> {
  const job = await enqueueJob({
    type: RUNNER_UP_DEPOSIT,
    runAt: nextWatch(deps),
    payload: { offerId },
    dedupeKey: runnerUpDepositKey(offerId),
  });
  if (job.status === 'done') await requeueJob(job);
}

/** The auction's runner-up deposit, looked at every sweep interval until it is credited or refunded. */
async function settleRunnerUpDepositJob(
  offerId: string,
  deps: Pick<AppContext, 'bus' | 'config'>,
): Promise<JobResult> {
  const settled = await settleKeptRunnerUpDeposit(offerId, depositSettlementDeps(deps));
  return settled.waiting > 0 ? { rescheduleAt: nextWatch(deps) } : undefined;
}

export function deadlineJobHandlers(deps: Pick<AppContext, 'bus' | 'config'>): Record<string, JobHandler> {
  return {
    [AUCTION_CLOSE]: (job) => closeAuctionJob(String(job.payload?.offerId), deps),
    [CALL_CLOSE]: (job) => closeCallJob(String(job.payload?.demandId), deps),
    [CALL_DEPOSITS]: (job) => settleCallDepositsJob(job, deps),
    [RUNNER_UP_DEPOSIT]: (job) => settleRunnerUpDepositJob(String(job.payload?.offerId), deps),
  };
}
