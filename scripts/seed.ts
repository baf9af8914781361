/**
 * `npm run seed`: loads the demo data into the database at MONGODB_URI when it has no
 * organizations yet. The exchange indexes the listings for search when it next runs.
 */
import { loadConfig } from '../server/config';
import { connectDatabase, disconnectDatabase } from '../server/common/db';
import { loadDemoData } from '../server/demo/load-demo';

async function main() {
  const config = loadConfig();
  if (!config.mongodbUri)
    throw new Error('Set MONGODB_URI to the database to seed (npm start seeds its own database by itself)');
  await connectDatabase(config.mongodbUri);
  try {
    // The exchange builds its owner lists and statistics from these records when it next starts.
    await loadDemoData({ log: (m) => process.stdout.write(`${m}\n`), dataDir: config.dataDir });
  } finally {
    await disconnectDatabase();
  }
}

main().catch((err) => {
  process.stderr.write(`seeding failed: ${(err as Error).message}\n`);
  process.exit(1);
});
