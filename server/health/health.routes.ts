import type { Express } from 'express';
import { pingDatabase } from '../common/db';

export interface Pingable {
  ping(): Promise<boolean>;
}

/** Liveness and readiness, outside /api as the contract says. */
export function registerHealthRoutes(app: Express, deps: { search: Pingable }): void {
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const [database, search] = await Promise.all([pingDatabase(), deps.search.ping().catch(() => false)]);
    const down = [!database && 'database', !search && 'search'].filter(Boolean) as string[];
    if (down.length === 0) {
      res.json({ status: 'ready', database: 'up', search: 'up' });
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
