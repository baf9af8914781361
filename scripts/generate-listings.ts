/**
 * Inserts synthetic published listings into the database at MONGODB_URI, for load tests:
 *
 *   npx tsx scripts/generate-listings.ts --count 100000 [--seed 1]
 *
 * The listings carry no search-dirty marks; the script asks instead for an index rebuild, which a
 * running exchange starts within a second (or the next one at start-up; or run `npm run reindex`).
 */
import { SingleBar, Presets } from 'cli-progress';
import { loadConfig } from '../server/config';
import { connectDatabase, disconnectDatabase } from '../server/common/db';
import { requestSearchRebuild } from '../server/search-sync/search-sync.service';
import { generateSyntheticListings } from './synthetic/listings';
import { insertSyntheticListings } from './seed-loader/synthetic-records';

function numberArgument(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
  return value;
}

async function main() {
  const count = numberArgument('count', 10_000);
  const seed = numberArgument('seed', Math.floor(Date.now() / 1000));
  const config = loadConfig();
  if (!config.mongodbUri) throw new Error('Set MONGODB_URI to the database to fill');
  await connectDatabase(config.mongodbUri);
  const bar = new SingleBar(
    { format: 'inserting {bar} {value}/{total} listings | {eta_formatted} left' },
    Presets.shades_classic,
  );
  try {
    const listings = generateSyntheticListings(count, seed);
    bar.start(count, 0);
    const result = await insertSyntheticListings(listings, (done) => bar.update(done));
    bar.stop();
    await requestSearchRebuild();
    process.stdout.write(
      `Inserted ${result.offers} offers and ${result.demands} demands (seed ${seed}, ${result.organizations} new organizations); ` +
        'the search index will be rebuilt by the exchange.\n',
    );
  } finally {
    bar.stop();
    await disconnectDatabase();
  }
}

main().catch((err) => {
  process.stderr.write(`generating listings failed: ${(err as Error).message}\n`);
  process.exit(1);
});
