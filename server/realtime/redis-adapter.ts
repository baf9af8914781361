/**
 * With Redis configured, rooms span server processes through the Redis streams adapter, which
 * resumes reading the stream after a Redis restart instead of dropping what was sent meanwhile.
 */
import { createClient } from 'redis';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { logger } from '../common/logger';

export interface RedisAdapter {
  adapter: ReturnType<typeof createAdapter>;
  close(): Promise<void>;
}

/**
 * Waits until this process's adapter listens on Redis (it counts itself among the servers), so
 * that a process reported ready is already reached by the others' broadcasts and requests.
 */
export async function untilListening(
  adapter: { serverCount(): Promise<number> },
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await adapter.serverCount()) >= 1) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  logger.warn('redis: the Socket.IO adapter is not listening yet; continuing');
}

export async function connectRedisAdapter(url: string): Promise<RedisAdapter> {
  const client = createClient({
    url,
    socket: { reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 2000) },
  });
  let lastError = '';
  client.on('error', (err: Error) => {
    // Logged once per kind of failure: while Redis restarts the client retries and says so often.
    if (err.message !== lastError) logger.warn({ err: err.message }, 'redis: connection problem; retrying');
    lastError = err.message;
  });
  client.on('ready', () => {
    if (lastError) logger.info('redis: connected again');
    lastError = '';
  });
  await client.connect();
  return {
    adapter: createAdapter(client),
    async close() {
      if (client.isOpen) await client.close();
    },
  };
}
