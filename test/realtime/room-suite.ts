/**
 * A whole running exchange for a suite of room tests: started before the suite and stopped after
 * it, a fresh database for each test, and the sockets each test opened closed after it.
 */
import { startTestExchange } from '../helpers/running-exchange';
import { resetDatabase } from '../helpers/test-app';
import type { Exchange } from '../../server/exchange';
import { SocketPool } from './room-fixtures';

export interface RoomSuite {
  /** The running exchange (only inside the suite's hooks and tests). */
  readonly exchange: Exchange;
  /** The running exchange's base URL. */
  readonly url: string;
  readonly pool: SocketPool;
}

/** Registers the suite's hooks; call it inside `describe`. */
export function roomSuite(): RoomSuite {
  let exchange: Exchange | undefined;
  const suite: RoomSuite = {
    get exchange() {
      if (!exchange) throw new Error('The exchange is running only inside the suite');
      return exchange;
    },
    get url() {
      return suite.exchange.url;
    },
    pool: new SocketPool(() => suite.url),
  };

  before(async () => {
    exchange = await startTestExchange();
  });
  after(async () => {
    await exchange?.stop();
  });
  beforeEach(resetDatabase);
  afterEach(() => suite.pool.closeAll());
  return suite;
}
