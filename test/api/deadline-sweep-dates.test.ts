/**
 * The deadline sweep enqueues the close of an auction or a call found past its deadline with the
 * run time taken from that deadline: never `Invalid Date` (which the job store refuses, so the
 * close was never enqueued and the refusal was logged at every sweep). It finds them in the list
 * of open deadlines and reads them by _id, never having the database filter every listing.
 */
import assert from 'node:assert/strict';
import { connectTestDatabase, resetDatabase } from '../helpers/test-app';
import { signUp } from '../helpers/factories';
import { createTestApp } from '../helpers/test-app';
import { JobModel } from '../../server/scheduler/job.model';
import { enqueueJob } from '../../server/scheduler/job.store';
import { AUCTION_CLOSE, CALL_CLOSE, enqueueDueDeadlines } from '../../server/bids/deadline-jobs';
import { DEADLINE_GRACE_MS } from '../../server/bids/deadline-close.service';
import { auctionOffer, changeListing, inOneHour, passDeadline, publishedDemand } from './deals-helpers';
import { watchCommands } from '../helpers/command-watch';
import { rebuildOwnerLists } from '../../server/owner-list-sync';
import {
  maxEntriesOf,
  OPEN_DEADLINES,
  PUBLISHED_LISTINGS,
  putOwnerListEntries,
  readOwnerList,
} from '../../server/read-models';

describe('the deadline sweep’s job times', () => {
  before(async () => {
    await connectTestDatabase();
    await createTestApp();
  });
  beforeEach(resetDatabase);

  it('when an auction and a call are past their deadline, then each close job runs at its deadline plus the grace', async () => {
    const t = await createTestApp();
    const owner = await signUp(t.app, { kind: 'institute' });
    const buyer = await signUp(t.app, { kind: 'enterprise' });
    const closesAt = new Date(Date.now() - 3_600_000);
    const offerId = await auctionOffer(owner, closesAt);
    const demandId = await publishedDemand(buyer, { mode: 'call_for_proposals', deadline: closesAt });
    await enqueueDueDeadlines();
    const jobs = await JobModel.find({}).lean();
    const auction = jobs.find((j) => j.type === AUCTION_CLOSE);
    const call = jobs.find((j) => j.type === CALL_CLOSE);
    assert.equal(auction?.payload?.offerId, offerId);
    assert.equal(call?.payload?.demandId, demandId);
    for (const job of [auction!, call!]) {
      assert.ok(!Number.isNaN(new Date(job.runAt).getTime()), `${job.type} runAt is a date`);
      assert.equal(new Date(job.runAt).getTime(), closesAt.getTime() + DEADLINE_GRACE_MS);
    }
  });

  it('when the sweep runs, then it reads the listings by _id only, and enqueues the close of those due and still open, also once the lists are rebuilt from the records', async () => {
    const t = await createTestApp();
    const owner = await signUp(t.app, { kind: 'institute' });
    const buyer = await signUp(t.app, { kind: 'enterprise' });
    const due = await auctionOffer(owner, inOneHour());
    const notYet = await auctionOffer(owner, inOneHour());
    const closed = await auctionOffer(owner, inOneHour());
    const withdrawn = await publishedDemand(buyer, { mode: 'call_for_proposals', deadline: inOneHour() });
    const dueCall = await publishedDemand(buyer, { mode: 'call_for_proposals', deadline: inOneHour() });
    for (const id of [due, closed]) await passDeadline('offer', id);
    for (const id of [withdrawn, dueCall]) await passDeadline('demand', id);
    await changeListing('offer', closed, { 'auction.closedAt': new Date() });
    await changeListing('demand', withdrawn, { status: 'withdrawn' });

    const watch = watchCommands();
    await enqueueDueDeadlines();
    watch.stop();
    const listingReads = watch.asked.filter((a) => a.collection === 'offers' || a.collection === 'demands');
    assert.ok(listingReads.length > 0, 'the due listings are read');
    for (const read of listingReads)
      assert.deepEqual(Object.keys(read.filter as object), ['_id'], `${read.collection} read by _id only`);
    const enqueued = async () =>
      (await JobModel.find({}).lean()).map((j) => String(j.payload?.offerId ?? j.payload?.demandId)).sort();
    assert.deepEqual(await enqueued(), [due, dueCall].sort());
    assert.deepEqual(
      (await readOwnerList(OPEN_DEADLINES)).map((e) => e.id).sort(),
      [due, dueCall, notYet].sort(),
      'closed and withdrawn listings left the list',
    );

    await JobModel.deleteMany({});
    await rebuildOwnerLists();
    assert.deepEqual(
      (await readOwnerList(OPEN_DEADLINES)).map((e) => e.id).sort(),
      [due, dueCall, notYet].sort(),
    );
    assert.ok(
      (await readOwnerList(PUBLISHED_LISTINGS)).some((e) => e.id === due),
      'a rebuilt list of publications holds the published listings',
    );
    await enqueueDueDeadlines();
    assert.deepEqual(await enqueued(), [due, dueCall].sort());
  });

  it('when the list of open deadlines is full, then a due auction it dropped is still found and closed', async () => {
    const t = await createTestApp();
    const owner = await signUp(t.app, { kind: 'institute' });
    const dropped = await auctionOffer(owner, new Date(Date.now() - 3_600_000));
    const later = -(Date.now() + 86_400_000);
    await putOwnerListEntries(
      OPEN_DEADLINES,
      Array.from({ length: maxEntriesOf(OPEN_DEADLINES) }, (_, i) => ({
        id: `later-${i}`,
        s: 'offer',
        at: later - i,
      })),
      [dropped],
    );
    assert.equal((await readOwnerList(OPEN_DEADLINES)).length, maxEntriesOf(OPEN_DEADLINES));
    await enqueueDueDeadlines();
    assert.deepEqual(
      (await JobModel.find({}).lean()).map((j) => j.payload?.offerId),
      [dropped],
    );
  });

  it('when a job is given no time to run, then it is refused naming the job, and nothing is written', async () => {
    await assert.rejects(
      () =>
        enqueueJob({ type: AUCTION_CLOSE, runAt: new Date(undefined as never), payload: { offerId: 'x' } }),
      /^Error: Job auction\.close was given no time to run \(runAt Invalid Date; payload \{"offerId":"x"\}\)/,
    );
    assert.equal(await JobModel.countDocuments({}), 0);
  });
});
