import path from 'node:path';
import { loadConfig, type Config } from '../../server/config';

/**
 * The suite's password hash cost: it hashes thousands of passwords, and at the production cost
 * (64 MiB, 3 passes) each took a quarter of a CPU second. Refused outside NODE_ENV=test.
 */
export const TEST_PASSWORD_HASH_ENV = { PASSWORD_HASH_MEMORY_KIB: '1024', PASSWORD_HASH_ITERATIONS: '1' };

/** Configuration for tests: the global fixture's services, quiet logs, throw-away paths. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  const tmp = process.env.TEST_TMP_DIR ?? '/tmp';
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    MONGODB_URI: process.env.MONGODB_URI,
    PORT: '0',
    DATA_DIR: path.join(tmp, 'data'),
    SEARCH_INDEX_PATH: ':memory:',
    SESSION_SECRET: 'test-session-secret-0123456789',
    LOGIN_RATE_LIMIT: '1000',
    SEARCH_RATE_LIMIT: '100000',
    LOGIN_IP_RATE_LIMIT: '100000',
    REGISTER_RATE_LIMIT: '100000',
    PASSWORD_RESET_IP_RATE_LIMIT: '100000',
    STRIPE_SECRET_KEY: 'sk_test_123',
    STRIPE_WEBHOOK_SECRET: 'whsec_test_secret',
    ...(process.env.STRIPE_API_BASE ? { STRIPE_API_BASE: process.env.STRIPE_API_BASE } : {}),
    CLIENT_DIR: path.resolve(__dirname, '../../client/dist'),
    SCHEDULER_INTERVAL_MS: '100',
    SCHEDULER_SWEEP_INTERVAL_MS: '100',
    CHECK_RESPONSES: 'true',
    ...TEST_PASSWORD_HASH_ENV,
    ...overrides,
  } as NodeJS.ProcessEnv);
}
