/**
 * `npm run backup [-- --out <folder>]`: a consistent copy of the embedded database (DATA_DIR/db),
 * taken while the exchange runs, into backups/<time>/ by default. For MongoDB and Meilisearch
 * see the README's "Backups" (mongodump, Meilisearch dumps).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { backupEmbedded } from './backup/embedded-backup';

const root = path.resolve(__dirname, '..');

async function main() {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const dataDir = path.resolve(root, process.env.DATA_DIR ?? 'data');
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const out = path.resolve(values.out ?? path.join(root, 'backups', stamp));
  const manifest = await backupEmbedded(dataDir, out);
  const bytes = manifest.files.reduce((sum, f) => sum + f.bytes, 0);
  process.stdout.write(
    `Backed up ${manifest.files.map((f) => f.name).join(', ')} (${(bytes / 1e6).toFixed(1)} MB) to ${out}\n`,
  );
}

main().catch((err) => {
  process.stderr.write(`backup failed: ${(err as Error).message}\n`);
  process.exit(1);
});
