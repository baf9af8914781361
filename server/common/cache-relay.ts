/**
 * Carries cache invalidations between server processes through Redis pub/sub: each process
 * publishes the records its stores wrote, and drops the same entries when another process
 * says it wrote them. Without Redis the exchange runs one process and needs no relay. A lost
 * message (Redis down for a moment) costs at most a cache's time limit of staleness.
 */
import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { logger } from './logger';
import { onRecordWritten, type RecordChange } from './record-changes';
import { clearRecordCaches, invalidateRecordCaches } from './record-cache';

const CHANNEL = 'tx:record-changes';

export interface CacheRelay {
  name: string;
  stop(): Promise<void>;
}

export async function startCacheRelay(redisUrl: string): Promise<CacheRelay> {
  const origin = randomUUID();
  const publisher = createClient({
    url: redisUrl,
    socket: { reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 2000) },
  });
  const subscriber = publisher.duplicate();
  let lastError = '';
  for (const client of [publisher, subscriber]) {
    client.on('error', (err: Error) => {
      if (err.message !== lastError)
        logger.warn({ err: err.message }, 'cache relay: Redis problem; retrying');
      lastError = err.message;
    });
  }
  // After a lost connection the other processes' writes meanwhile are unknown: forget everything.
  subscriber.on('ready', () => clearRecordCaches());
  await Promise.all([publisher.connect(), subscriber.connect()]);
  await subscriber.subscribe(CHANNEL, (message) => {
    try {
      const change = JSON.parse(message) as { origin: string; type: RecordChange['type']; id: string };
      if (change.origin !== origin) invalidateRecordCaches(change);
    } catch (err) {
      logger.warn({ err }, 'cache relay: unreadable message');
    }
  });
  const unsubscribe = onRecordWritten(async (change) => {
    if (!publisher.isReady) return;
    await publisher.publish(CHANNEL, JSON.stringify({ origin, type: change.type, id: change.id }));
  }, 'cache-relay');
  return {
    name: 'cache-relay',
    async stop() {
      unsubscribe();
      for (const client of [subscriber, publisher]) if (client.isOpen) await client.close();
    },
  };
}
