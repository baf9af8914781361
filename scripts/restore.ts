/**
 * `npm run restore -- <backup folder> [--replace]`: puts a backup made by `npm run backup` into
 * DATA_DIR/db and removes the embedded search index, which the exchange rebuilds at its next
 * start. Stop the exchange (`npm start`) first.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { restoreEmbedded } from './backup/embedded-backup';

const root = path.resolve(__dirname, '..');

function main() {
  const { values, positionals } = parseArgs({
    options: { replace: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new Error('name the backup folder: npm run restore -- backups/<time>');
  const dataDir = path.resolve(root, process.env.DATA_DIR ?? 'data');
  const manifest = restoreEmbedded(path.resolve(positionals[0]), dataDir, {
    replace: values.replace,
    searchIndexPath: process.env.SEARCH_INDEX_PATH,
  });
  process.stdout.write(
    `Restored ${manifest.files.map((f) => f.name).join(', ')} (backup of ${manifest.createdAt}) into ${dataDir}/db.\n` +
      'The search index is rebuilt when the exchange next starts.\n',
  );
}

try {
  main();
} catch (err) {
  process.stderr.write(`restore failed: ${(err as Error).message}\n`);
  process.exit(1);
}
