/** A whole exchange listening on a free port, for realtime and browser tests. */
import { startExchange, type Exchange } from '../../server/exchange';
import { testConfig } from './config';
import { connectTestDatabase } from './test-app';

export async function startTestExchange(overrides: Record<string, string> = {}): Promise<Exchange> {
  await connectTestDatabase();
  return startExchange(testConfig({ PORT: '0', ...overrides }));
}
