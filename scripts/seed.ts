/**
 * `npm run seed`: loads the demo data into the database at MONGODB_URI when it has no
 * organizations yet. The exchange indexes the listings for search when it next runs.
 */
import { loadConfig } from '../server/config';
import { connectDatabase, disconnectDatabase } from '../server/common/db';
import { loadDemoData } from '../server/demo/load-demo';
import { rebuildOwnerLists } from '../server/read-models';

async function main() {
  const config = loadConfig();
  if (!config.mongodbUri)
    throw new Error('Set MONGODB_URI to the database to seed (npm start seeds its own database by itself)');
  await connectDatabase(config.mongodbUri);
  try {
    const loaded = await loadDemoData({
      log: (m) => process.stdout.write(`${m}\n`),
      dataDir: config.dataDir,
    });
    // Written past the stores: the lists that pages and sign-in read are built from the records.
    if (loaded.loaded) await rebuildOwnerLists();
  } finally {
    await disconnectDatabase();
  }
}

main().catch((err) => {
  process.stderr.write(`seeding failed: ${(err as Error).message}\n`);
  process.exit(1);
});
