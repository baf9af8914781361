/**
 * A running exchange: database connection, search engine, HTTP server, realtime and background
 * workers, started in order and stopped in reverse. main.ts runs one; tests start their own.
 */
import http from 'node:http';
import mongoose from 'mongoose';
import type { AddressInfo } from 'node:net';
import type { Config } from './config';
import { connectDatabase, disconnectDatabase } from './common/db';
import { EventBus } from './common/events';
import { logger, setLogLevel } from './common/logger';
import { createApp } from './app';
import { startCacheRelay } from './common/cache-relay';
import { connectRedisLocks } from './common/redis-locks';
import { createMemoryLocks } from './common/memory-locks';
import { useLockBackend } from './common/store';
import { ensureOwnerLists } from './owner-list-sync';
import { ensureStatsRollups, statsCaughtUp } from './stats';
import { ensureAdmin } from './auth';
import { createSearchEngine } from '../search';
import type { AppContext } from './context';
import type { Worker } from './runtime-types';
import { startPublishListener, startDigestMailer, alertOperatorsOfFailedJob } from './notifications';
import { startBidNotices, deadlineJobHandlers, enqueueDueDeadlines, scheduleListingDeadline } from './bids';
import {
  startDealNotices,
  milestoneJobHandlers,
  milestoneOverdueJobHandlers,
  royaltyReminderJobHandlers,
} from './deals';
import { startMessageNotices } from './negotiation';
import { startAppraisalFeeNotices } from './appraisals';
import { startRealtime } from './realtime';
import { ensureRecurringJob, DEAL_SWEEP, FEDERATION_PULL, schedulerStarter } from './scheduler';
import { dealUpkeepHandlers, startDealRecovery } from './deal-upkeep';
import { dealPayments, depositSurplusJobHandlers, listingFeeJobHandlers } from './payments';
import { meetingReminderJobHandlers, restoreMeetingRemindersOnce } from './events';
import { cacheSearchAnswers, startSearchSync } from './search-sync';
import { loadDemoData } from './demo';
import { countSearchErrors, watchDatabaseErrors } from './metrics';
import { MIGRATIONS, runMigrations } from './migrations';
import {
  federationAnswerJobHandlers,
  federationInquiryJobHandlers,
  federationPullJobHandlers,
  prepareOwnIdentity,
} from './federation';

/** The scheduler with the components' durable jobs: their handlers, sweeps and failure alert. */
const startDeadlineScheduler = schedulerStarter((ctx) => {
  const unsubscribe = ctx.bus.subscribe('listing.published', ({ kind, id }) => {
    scheduleListingDeadline(kind, id).catch((err) =>
      logger.warn({ err, kind, id }, 'deadline not scheduled'),
    );
  });
  return {
    handlers: {
      ...deadlineJobHandlers(ctx),
      ...dealUpkeepHandlers(ctx),
      ...milestoneJobHandlers(ctx, dealPayments),
      ...listingFeeJobHandlers(ctx),
      ...milestoneOverdueJobHandlers(ctx),
      ...royaltyReminderJobHandlers(ctx),
      ...federationPullJobHandlers(ctx),
      ...federationInquiryJobHandlers(ctx),
      ...federationAnswerJobHandlers(ctx),
      ...depositSurplusJobHandlers(ctx),
      ...meetingReminderJobHandlers(ctx),
    },
    sweeps: [
      () => enqueueDueDeadlines(),
      () => ensureRecurringJob(DEAL_SWEEP, new Date()),
      ...(ctx.config.federationPullIntervalMs > 0
        ? [() => ensureRecurringJob(FEDERATION_PULL, new Date())]
        : []),
      restoreMeetingRemindersOnce(ctx),
    ],
    onFailedForGood: (job, err) => alertOperatorsOfFailedJob(ctx, job, err),
    stop: unsubscribe,
  };
});

export interface Exchange {
  url: string;
  httpServer: http.Server;
  ctx: AppContext;
  stop(): Promise<void>;
}

export async function startExchange(config: Config): Promise<Exchange> {
  if (!config.mongodbUri) {
    throw new Error(
      'MONGODB_URI is not set: run `npm start`, which starts the embedded database, or point MONGODB_URI at MongoDB',
    );
  }
  // A test process shares one connection among several exchanges; whoever connects disconnects.
  const connectsDatabase = mongoose.connection.readyState !== 1;
  // With metrics on, failed commands are counted (the driver's command events).
  if (connectsDatabase)
    await connectDatabase(config.mongodbUri, { monitorCommands: Boolean(config.metricsToken) });
  setLogLevel(config.logLevel);
  watchDatabaseErrors(mongoose.connection);
  // Before anything takes a lock: with Redis every process of the exchange keeps its locks there.
  const redisLocks = config.redisUrl ? await connectRedisLocks(config.redisUrl) : undefined;
  if (redisLocks) useLockBackend(redisLocks.backend);
  else if (config.lockBackend === 'memory') useLockBackend(createMemoryLocks());
  await runMigrations(MIGRATIONS);
  const search = countSearchErrors(
    cacheSearchAnswers(
      createSearchEngine({
        meiliHost: config.meiliHost,
        meiliKey: config.meiliKey,
        embeddedPath: config.searchIndexPath,
        thread: config.searchThread,
      }),
      config.searchCacheMs,
    ),
  );
  const opened = await search.open();
  const bus = new EventBus();
  const ctx: AppContext = { config, bus, search, searchNeedsRebuild: opened.needsRebuild };
  (ctx.backgroundStarters ??= []).push(startSearchSync);
  if (config.redisUrl) {
    const redisUrl = config.redisUrl;
    ctx.backgroundStarters.unshift(() => startCacheRelay(redisUrl));
  }
  ctx.backgroundStarters.push(startDeadlineScheduler, startDealRecovery);
  ctx.backgroundStarters.push(startRealtime);
  ctx.backgroundStarters.push(
    startPublishListener,
    startDigestMailer,
    startBidNotices,
    startDealNotices,
    startMessageNotices,
  );
  ctx.backgroundStarters.push(startAppraisalFeeNotices);
  await ensureAdmin({ email: config.adminEmail, password: config.adminPassword, name: config.adminName });
  if (config.seedDemo)
    await loadDemoData({ log: (message) => logger.info(message), dataDir: config.dataDir });
  await ensureOwnerLists();
  await ensureStatsRollups();
  // The federation key pair: read, made, or moved from the database (an upgraded exchange) now.
  await prepareOwnIdentity(config);

  const built = createApp(ctx);
  const httpServer = http.createServer(built.app);
  const workers: Worker[] = [];
  for (const start of ctx.backgroundStarters ?? []) workers.push(await start(ctx, { httpServer, built }));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, resolve);
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = config.port === port ? config.publicUrl : `http://${config.host}:${port}`;
  logger.info({ url, search: search.name }, 'exchange listening');

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      for (const w of workers.reverse()) await w.stop();
      httpServer.closeAllConnections?.();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await statsCaughtUp();
      await search.close();
      if (redisLocks || config.lockBackend === 'memory') useLockBackend(null);
      await redisLocks?.stop();
      if (connectsDatabase) await disconnectDatabase();
    })());
  return { url, httpServer, ctx, stop };
}
