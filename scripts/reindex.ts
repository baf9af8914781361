/**
 * `npm run reindex`: rebuilds the search index from the database (MONGODB_URI, and MEILI_HOST or
 * SEARCH_INDEX_PATH as the exchange uses them), with a progress bar. Stop the exchange first when
 * it uses the embedded index: it keeps the index file open.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { loadConfig } from '../server/config';
import { connectDatabase, disconnectDatabase } from '../server/common/db';
import { rebuildSearchIndex } from '../server/search-sync/search-sync.service';
import { createSearchEngine } from '../search';

async function main() {
  const config = loadConfig();
  if (!config.mongodbUri) throw new Error('Set MONGODB_URI to the database to index');
  await connectDatabase(config.mongodbUri);
  if (!config.meiliHost) fs.mkdirSync(path.dirname(config.searchIndexPath), { recursive: true });
  const search = createSearchEngine({
    meiliHost: config.meiliHost,
    meiliKey: config.meiliKey,
    embeddedPath: config.searchIndexPath,
  });
  await search.open();
  const bar = new SingleBar(
    { format: 'indexing {bar} {value}/{total} listings | {eta_formatted} left' },
    Presets.shades_classic,
  );
  const started = Date.now();
  try {
    let begun = false;
    const count = await rebuildSearchIndex({ search }, (done, total) => {
      if (!begun) bar.start(total, done);
      begun = true;
      bar.setTotal(total);
      bar.update(done);
    });
    bar.stop();
    process.stdout.write(
      `Indexed ${count} listings in ${((Date.now() - started) / 1000).toFixed(1)} s (${search.name} engine).\n`,
    );
  } finally {
    bar.stop();
    await search.close();
    await disconnectDatabase();
  }
}

main().catch((err) => {
  process.stderr.write(`reindex failed: ${(err as Error).message}\n`);
  process.exit(1);
});
