/**
 * The locks of locks.ts held in Redis when REDIS_URL is set: `SET key owner NX PX ttl` takes a
 * lock, and small Lua scripts release, renew or check it only while `owner` still holds it, so
 * a holder whose lock expired and was taken by another can never free or extend the new one.
 * The fencing check reads the remaining lifetime from Redis's own clock.
 *
 * Why: a lock in the database costs three of its writes per record written (insert, delete,
 * renewals) and a read (the fencing check); in Redis each is a sub-millisecond command. Every
 * process of one exchange shares the Redis (REDIS_URL is what makes them several), so they all
 * use these locks; a process without REDIS_URL keeps the database locks.
 */
import { createClient } from 'redis';
import type { LockBackend } from './lock-backend';
import { logger } from './logger';

const PREFIX = 'tx:lock:';

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end return 0`;
// The lock's remaining milliseconds while `owner` holds it, else -1.
const REMAINING = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pttl', KEYS[1]) end return -1`;

export interface RedisLocks {
  backend: LockBackend;
  stop(): Promise<void>;
}

export async function connectRedisLocks(redisUrl: string): Promise<RedisLocks> {
  const client = createClient({
    url: redisUrl,
    socket: { reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 2000) },
    // While Redis is away a write fails at once (and is not acknowledged) rather than hanging.
    disableOfflineQueue: true,
  });
  let lastError = '';
  client.on('error', (err: Error) => {
    if (err.message !== lastError) logger.warn({ err: err.message }, 'locks: Redis problem; retrying');
    lastError = err.message;
  });
  await client.connect();
  const run = async (script: string, key: string, args: (string | number)[]) =>
    Number(await client.eval(script, { keys: [PREFIX + key], arguments: args.map(String) }));
  const backend: LockBackend = {
    name: 'redis',
    async take(key, owner, ttlMs) {
      const set = await client.set(PREFIX + key, owner, {
        condition: 'NX',
        expiration: { type: 'PX', value: Math.max(1, Math.round(ttlMs)) },
      });
      return set === 'OK';
    },
    async release(key, owner) {
      await run(RELEASE, key, [owner]);
    },
    async renew(key, owner, ttlMs) {
      return (await run(RENEW, key, [owner, Math.max(1, Math.round(ttlMs))])) === 1;
    },
    async remaining(key, owner) {
      return run(REMAINING, key, [owner]);
    },
  };
  return {
    backend,
    async stop() {
      if (client.isOpen) await client.close();
    },
  };
}
