/**
 * The process's Prometheus metrics (prom-client), in one registry served at /metrics. Metrics
 * are process-wide: with several exchange processes Prometheus scrapes each one, and the
 * queries in the README sum over them.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry });

export const httpRequestDuration = new Histogram({
  name: 'tx_http_request_duration_seconds',
  help: 'HTTP requests by method, route template and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

export const chatMessages = new Counter({
  name: 'tx_chat_messages_total',
  help: 'Negotiation-room messages stored and announced by this process',
  registers: [registry],
});

export const socketEvents = new Counter({
  name: 'tx_socket_events_total',
  help: 'Socket.IO events handled, by event and outcome (ok or the error code)',
  labelNames: ['event', 'outcome'] as const,
  registers: [registry],
});

export const databaseErrors = new Counter({
  name: 'tx_database_errors_total',
  help: 'Database commands that failed, and connection errors, by command',
  labelNames: ['command'] as const,
  registers: [registry],
});

export const searchErrors = new Counter({
  name: 'tx_search_errors_total',
  help: 'Search engine calls that failed, by operation',
  labelNames: ['operation'] as const,
  registers: [registry],
});

/** Functions that tell how many sockets each realtime server in this process holds. */
const socketCounters = new Set<() => number>();

export function countSocketsWith(counter: () => number): () => void {
  socketCounters.add(counter);
  return () => socketCounters.delete(counter);
}

new Gauge({
  name: 'tx_socket_connections',
  help: 'Socket.IO connections open on this process',
  registers: [registry],
  collect() {
    let open = 0;
    for (const count of socketCounters) open += count();
    this.set(open);
  },
});
