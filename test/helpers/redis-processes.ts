/** Two exchange processes sharing one Redis, for the tests of what spans server processes. */
import { startRedis, type RunningService } from '../../scripts/services/services';
import { spawnExchangeProcess, type ExchangeProcess } from './exchange-process';
import { connectTestDatabase } from './test-app';

export interface RedisPair {
  redis: RunningService;
  a: ExchangeProcess;
  b: ExchangeProcess;
  stop(): Promise<void>;
}

export async function startRedisPair(): Promise<RedisPair> {
  await connectTestDatabase();
  const redis = await startRedis();
  const [a, b] = await Promise.all([
    spawnExchangeProcess({ REDIS_URL: redis.url }),
    spawnExchangeProcess({ REDIS_URL: redis.url }),
  ]);
  return {
    redis,
    a,
    b,
    async stop() {
      await a.stop();
      await b.stop();
      await redis.stop();
    },
  };
}
