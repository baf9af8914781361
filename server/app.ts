/**
 * Builds the Express application from its dependencies. It opens no port and connects to
 * nothing: main.ts (or a test) does that, then calls createApp.
 */
import path from 'node:path';
import fs from 'node:fs';
import express from 'express';
import helmet from 'helmet';
import swaggerUi from 'swagger-ui-express';
import { ApiRouter } from './common/api-router';
import { buildOpenApi } from './common/openapi';
import { errorHandler, notFoundHandler, requireJsonBodies } from './common/error-handler';
import { logger, setLogLevel } from './common/logger';
import { requestLog } from './common/request-log';
import { middlewareChain } from './common/middleware-chain';
import { countRequestsInFlight, isBusy } from './common/busy-level';
import { gatherWhenBusy } from './common/grouped-command';
import { requireSameOrigin } from './common/same-origin';
import { requireDatabase } from './common/database-gate';
import {
  configurePassport,
  createSessionMiddleware,
  loadSessionUser,
  registerAuthRoutes,
  registerMembershipRoutes,
  SESSION_COOKIE,
  sessionFastPath,
  sessionWhereNeeded,
  usePasswordHashCost,
} from './auth';
import { registerOrganizationRoutes } from './organizations';
import { registerCapabilityRoutes } from './capability';
import { registerExpertRoutes } from './experts';
import { appraisalBadges, registerAppraisalRoutes } from './appraisals';
import {
  meetingSourceFor,
  registerEventRoutes,
  registerMeetingRoomRoutes,
  registerProgrammeRoutes,
  registerSuggestionRoutes,
} from './events';
import { findImportedMatches, homeExchanges, registerFederationRoutes } from './federation';
import { apiKeyAuthentication, registerApiKeyRoutes } from './api-keys';
import {
  registerAdminListingRoutes,
  registerAdminMilestoneRoutes,
  registerAdminOrganizationRoutes,
  registerAdminPaymentRoutes,
} from './admin';
import { followStatsChanges, registerPriceGuidanceRoutes, registerStatsRoutes } from './stats';
import { registerHealthRoutes } from './health';
import { indexListingsOnWrite, searchSyncWorkerOf } from './search-sync';
import { registerNegotiationRoutes } from './negotiation';
import { registerBidRoutes, bidTransferModeOf } from './bids';
import {
  registerDealRoutes,
  registerTermSheetRoutes,
  registerRoyaltyRoutes,
  registerMilestoneRoutes,
} from './deals';
import { registerBrokerRoutes } from './brokers';
import { registerDocumentRoutes } from './documents';
import { registerListingImageRoutes } from './listing-images';
import {
  registerPaymentRoutes,
  listingFeeGate,
  dealPayments,
  registerRoyaltyPaymentRoutes,
} from './payments';
import { registerMatchRoutes, followTurnedDownTrls } from './matching';
import { cachedListingRef } from './listings';
import { registerNotificationRoutes } from './notifications';
import { registerAlertRoutes } from './alerts';
import { registerOfferRoutes } from './offers';
import { registerDemandRoutes } from './demands';
import { registerSearchRoutes, searchRateLimiter } from './search-api';
import type { AppContext } from './context';
import type { BuiltApp } from './runtime-types';
import { followRecordChanges } from './owner-list-sync';
import { httpMetrics, registerMetricsRoutes } from './metrics';
import { bindRequestId } from './common/request-context';

export function createApp(ctx: AppContext): BuiltApp {
  const { config } = ctx;
  setLogLevel(config.logLevel);
  usePasswordHashCost(config.passwordHashCost);
  gatherWhenBusy(config.commandGatherMs, isBusy);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy ? 1 : false);
  app.set('query parser', 'simple');

  // Chains, not a layer each: the router tries every layer in turn for every request.
  app.use(
    middlewareChain([
      requestLog({
        quiet: (req) => req.url === '/healthz' || req.url === '/readyz' || req.url === '/metrics',
      }),
      countRequestsInFlight,
      bindRequestId,
      httpMetrics,
    ]),
  );
  registerMetricsRoutes(app, config.metricsToken);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'upgrade-insecure-requests': null, 'connect-src': ["'self'", 'ws:', 'wss:'] },
      },
      strictTransportSecurity: config.publicUrl.startsWith('https://'),
    }),
  );

  registerHealthRoutes(app, {
    search: ctx.search,
    searchCaughtUp: () => searchSyncWorkerOf(ctx)?.caughtUp(),
  });
  app.use('/api', middlewareChain([requireSameOrigin(config.publicUrl), requireDatabase]));

  // Stripe signs the exact bytes it sent: its webhook gets the raw body, before the JSON parser.
  app.use('/api/payments/stripe/webhook', express.raw({ type: '*/*', limit: '1mb' }));
  // So do partner exchanges their inquiries (server/federation/inquiry.service.ts).
  app.use('/api/federation/inbox', express.raw({ type: '*/*', limit: '64kb' }));

  const sessions = createSessionMiddleware({
    secret: config.sessionSecret,
    maxAgeHours: config.sessionMaxAgeHours,
  });
  const sessionMiddleware = sessions.middleware;
  const passport = configurePassport();
  const passportMiddlewares = [passport.initialize(), passport.session()];
  const fastPath = sessionFastPath({
    cookieName: SESSION_COOKIE,
    secret: config.sessionSecret,
    sessions: sessions.cache,
    loadUser: loadSessionUser,
  });
  app.use(
    '/api',
    middlewareChain([
      requireJsonBodies,
      express.json({ limit: '1mb' }),
      // A partner API key (`Authorization: Bearer`) stands instead of a session: before sessions.
      ...apiKeyAuthentication(ctx),
      sessionWhereNeeded(SESSION_COOKIE, [sessionMiddleware, ...passportMiddlewares], fastPath),
    ]),
  );

  indexListingsOnWrite(ctx);
  followRecordChanges();
  followStatsChanges();
  followTurnedDownTrls(cachedListingRef);

  const { api, openapi } = declareApi(ctx);
  // Before the documentation's layers, which no API request needs to be tried against.
  app.use('/api', api.router);
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  app.use(
    '/api/docs',
    swaggerUi.serve,
    swaggerUi.setup(openapi, { customSiteTitle: 'Technology Exchange API' }),
  );
  app.use('/api', notFoundHandler);

  serveClient(app, config.clientDir);
  app.use(notFoundHandler);
  app.use(errorHandler);
  return { app, sessionMiddleware, passportMiddlewares, openapi };
}

/** The API's routes and the OpenAPI document built from them; needs no database or open port. */
export function declareApi(ctx: AppContext): { api: ApiRouter; openapi: ReturnType<typeof buildOpenApi> } {
  const { config } = ctx;
  const api = new ApiRouter({
    onResponseMismatch: config.checkResponses
      ? (mismatch) => {
          logger.error({ mismatch }, 'an answer does not match its response schema');
          ctx.onResponseMismatch?.(mismatch);
        }
      : undefined,
  });
  registerAuthRoutes(api, ctx);
  registerOrganizationRoutes(api);
  registerMembershipRoutes(api, ctx);
  registerCapabilityRoutes(api, ctx);
  registerExpertRoutes(api);
  registerAppraisalRoutes(api, ctx);
  registerAdminOrganizationRoutes(api, ctx);
  registerStatsRoutes(api);
  registerPriceGuidanceRoutes(api);
  registerBidRoutes(api, ctx);
  registerDealRoutes(api, ctx, { meetingSourceFor });
  registerBrokerRoutes(api, ctx);
  registerNegotiationRoutes(api);
  registerTermSheetRoutes(api, ctx, { bidTransferModeOf, payments: dealPayments });
  registerRoyaltyRoutes(api, ctx, { payments: dealPayments });
  registerRoyaltyPaymentRoutes(api, ctx);
  registerMilestoneRoutes(api, ctx, { payments: dealPayments });
  registerAdminMilestoneRoutes(api);
  registerDocumentRoutes(api, ctx);
  registerListingImageRoutes(api, ctx);
  registerPaymentRoutes(api, ctx);
  registerAdminPaymentRoutes(api, ctx);

  registerMatchRoutes(api, ctx, searchRateLimiter(ctx), { findImportedMatches });
  registerNotificationRoutes(api);
  registerAlertRoutes(api);
  registerOfferRoutes(api, ctx, { listingFeeGate });
  registerDemandRoutes(api, ctx, { listingFeeGate });
  registerAdminListingRoutes(api, ctx);
  registerSearchRoutes(api, ctx, { appraisalBadges, homeExchanges });
  registerEventRoutes(api, ctx);
  registerSuggestionRoutes(api, ctx);
  registerProgrammeRoutes(api);
  registerFederationRoutes(api, ctx);
  registerApiKeyRoutes(api);
  registerMeetingRoomRoutes(api);

  const openapi = buildOpenApi(
    api.routes,
    { title: 'Technology Exchange API', version: '1.0.0' },
    SESSION_COOKIE,
  );
  return { api, openapi };
}

/** The built web client, with client-side routes falling back to index.html. */
function serveClient(app: express.Express, clientDir: string): void {
  const index = path.join(clientDir, 'index.html');
  if (!fs.existsSync(index)) return;
  app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
  app.get(/^\/(?!api\/|socket\.io\/).*/, (req, res, next) => {
    if (!req.accepts('html')) return next();
    res.sendFile(index);
  });
}
