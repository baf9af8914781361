/**
 * GET /metrics in Prometheus's text format, for whoever presents `Authorization: Bearer
 * <METRICS_TOKEN>`. Without METRICS_TOKEN it answers 404 (not the web client's page, which a
 * scraper would fail to parse without saying why).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Express } from 'express';
import { registry } from './registry';
import './backlog-gauges';

const digest = (text: string) => createHash('sha256').update(text).digest();

export function registerMetricsRoutes(app: Express, metricsToken: string | undefined): void {
  if (!metricsToken) {
    app.get('/metrics', (_req, res) => {
      res.status(404).json({
        error: {
          code: 'not_found',
          message: 'Metrics are not served: METRICS_TOKEN is not set',
          details: [],
        },
      });
    });
    return;
  }
  const expected = digest(`Bearer ${metricsToken}`);
  app.get('/metrics', async (req, res) => {
    if (!timingSafeEqual(digest(req.headers.authorization ?? ''), expected)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      res.status(401).json({
        error: { code: 'unauthenticated', message: 'A valid metrics token is required', details: [] },
      });
      return;
    }
    res.setHeader('Content-Type', registry.contentType);
    res.send(await registry.metrics());
  });
}
