import type { Express } from 'express';
import { pingDatabase } from '../common/db';

export interface Pingable {
  ping(): Promise<boolean>;
}

export interface HealthDeps {
  search: Pingable;
  /**
   * Whether the search indexer has done its start-up catch-up (undefined: no indexer in this
   * process). Reported, not required: the exchange serves while it catches up.
   */
  searchCaughtUp?: () => boolean | undefined;
}

/** Liveness and readiness, outside /api as the contract says. */
export function registerHealthRoutes(app: Express, deps: HealthDeps): void {
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const [database, search] = await Promise.all([pingDatabase(), deps.search.ping().catch(() => false)]);
    const down = [!database && 'database', !search && 'search'].filter(Boolean) as string[];
    if (down.length === 0) {
      const caughtUp = deps.searchCaughtUp?.();
      res.json({
        status: 'ready',
        database: 'up',
        search: 'up',
        ...(caughtUp === undefined ? {} : { searchIndex: caughtUp ? 'current' : 'catching-up' }),
      });
      return;
    }
    res.status(503).json({
      error: {
        code: 'unavailable',
        message: `Not ready: ${down.join(' and ')} not answering`,
        details: down.map((name) => ({ field: name, message: `${name} is not answering` })),
      },
    });
  });
}
