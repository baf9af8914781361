/** The process's Prometheus metrics: the /metrics route, the HTTP and database meters, and the counters others bump. */
export { registerMetricsRoutes } from './metrics.routes';
export { httpMetrics } from './http-metrics';
export { countSearchErrors } from './instrument-search';
export { watchDatabaseErrors } from './database-errors';
export { chatMessages, countSocketsWith, socketEvents } from './registry';
