/** The exchange's process: read configuration, start, and stop cleanly on SIGTERM/SIGINT. */
import { loadConfig, ConfigError } from './config';
import { logger, setLogLevel } from './common/logger';
import { startExchange } from './exchange';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78);
    }
    throw err;
  }
  setLogLevel(config.logLevel);
  const exchange = await startExchange(config);
  process.stdout.write(`READY ${exchange.url}\n`);
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    exchange.stop().then(
      () => process.exit(0),
      (err) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err) => {
  logger.fatal({ err }, 'the exchange could not start');
  process.stderr.write(`The exchange could not start: ${(err as Error).message}\n`);
  process.exit(1);
});
