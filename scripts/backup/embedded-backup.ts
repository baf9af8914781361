/**
 * Backup and restore of the embedded default: FerretDB's SQLite files under DATA_DIR/db (one
 * file per database, GridFS documents included). Each file is copied with SQLite's online
 * backup API, page by page, while FerretDB keeps running and writing (WAL mode): the copy is a
 * consistent snapshot. (Not `VACUUM INTO`: it re-reads FerretDB's schema, whose double-quoted
 * names better-sqlite3's SQLite refuses.) The listings' images (DATA_DIR/listing-images, files
 * written once and never changed) are copied after the databases, so every image the copied
 * databases name is there (unless it was deleted meanwhile). So is the exchange's federation key
 * file (DATA_DIR/federation/identity.json, mode 0600 kept): without it a restored exchange would
 * make a new key its partners do not know. The search index is not copied: a restore removes it
 * and the exchange rebuilds it from the database at its next start.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export interface BackupManifest {
  format: 'techexchange-embedded-backup/1';
  createdAt: string;
  files: { name: string; bytes: number; sha256: string }[];
  /** How many listing images were copied (absent in backups made before images existed). */
  images?: number;
  /** Whether the federation key file was copied (absent in backups made before it existed). */
  federationKey?: boolean;
}

const IMAGES = 'listing-images';
/** The federation key file's folder (server/federation/identity-file.ts). */
const FEDERATION = 'federation';
const KEY_FILE = path.join(FEDERATION, 'identity.json');

/** Copies the key file (owner-only, as it was) from one data folder to another, when there is one. */
function copyKeyFile(fromDir: string, toDir: string): boolean {
  const from = path.join(fromDir, KEY_FILE);
  if (!fs.existsSync(from)) return false;
  fs.mkdirSync(path.join(toDir, FEDERATION), { recursive: true, mode: 0o700 });
  fs.copyFileSync(from, path.join(toDir, KEY_FILE));
  fs.chmodSync(path.join(toDir, KEY_FILE), 0o600);
  return true;
}

function imageFolders(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
}

const MANIFEST = 'manifest.json';

function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/**
 * After a first step of 100 pages, the rest goes in one step: one read transaction, so a write
 * by FerretDB cannot restart the copy over and over (SQLite restarts it if one lands between steps).
 */
async function copyDatabase(source: string, target: string): Promise<void> {
  const db = new Database(source, { readonly: true, fileMustExist: true, timeout: 10_000 });
  try {
    await db.backup(target, { progress: () => 2 ** 30 });
  } finally {
    db.close();
  }
}

function databaseFiles(dbDir: string): string[] {
  if (!fs.existsSync(dbDir)) return [];
  return fs
    .readdirSync(dbDir)
    .filter((f) => f.endsWith('.sqlite'))
    .sort();
}

/** Copies every database of `dataDir/db` into `outDir` (created; must not exist yet). */
export async function backupEmbedded(dataDir: string, outDir: string): Promise<BackupManifest> {
  const dbDir = path.join(dataDir, 'db');
  const names = databaseFiles(dbDir);
  if (names.length === 0) throw new Error(`no database files in ${dbDir}: is DATA_DIR right?`);
  if (fs.existsSync(outDir)) throw new Error(`${outDir} exists already: choose a new folder`);
  const partial = `${outDir}.partial`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(path.join(partial, 'db'), { recursive: true });
  const files: BackupManifest['files'] = [];
  for (const name of names) {
    const target = path.join(partial, 'db', name);
    await copyDatabase(path.join(dbDir, name), target);
    files.push({ name, bytes: fs.statSync(target).size, sha256: sha256(target) });
  }
  const images = path.join(dataDir, IMAGES);
  if (fs.existsSync(images)) fs.cpSync(images, path.join(partial, IMAGES), { recursive: true });
  const federationKey = copyKeyFile(dataDir, partial);
  const manifest: BackupManifest = {
    format: 'techexchange-embedded-backup/1',
    createdAt: new Date().toISOString(),
    files,
    images: imageFolders(path.join(partial, IMAGES)).length,
    federationKey,
  };
  fs.writeFileSync(path.join(partial, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  // Only a complete backup gets its final name.
  fs.renameSync(partial, outDir);
  return manifest;
}

/**
 * Puts a backup's databases into `dataDir/db`, its images into `dataDir/listing-images` and its
 * federation key file into `dataDir/federation` (stop the exchange and its FerretDB first), and removes the embedded search index so that it is rebuilt. Refuses a folder that already holds
 * databases unless `replace` is set, and a backup whose files do not match their checksums.
 */
export function restoreEmbedded(
  backupDir: string,
  dataDir: string,
  opts: { replace?: boolean; searchIndexPath?: string } = {},
): BackupManifest {
  const manifestPath = path.join(backupDir, MANIFEST);
  if (!fs.existsSync(manifestPath)) throw new Error(`${backupDir} is not a backup (no ${MANIFEST})`);
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as BackupManifest;
  for (const f of manifest.files) {
    if (sha256(path.join(backupDir, 'db', f.name)) !== f.sha256) {
      throw new Error(`${f.name} in the backup does not match its checksum: not restoring`);
    }
  }
  const dbDir = path.join(dataDir, 'db');
  const present = databaseFiles(dbDir);
  if (present.length > 0 && !opts.replace) {
    throw new Error(
      `${dbDir} already holds databases (${present.join(', ')}): pass --replace to overwrite them`,
    );
  }
  fs.mkdirSync(dbDir, { recursive: true });
  for (const name of present) {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(path.join(dbDir, name + suffix), { force: true });
  }
  for (const f of manifest.files) {
    fs.copyFileSync(path.join(backupDir, 'db', f.name), path.join(dbDir, f.name));
  }
  const images = path.join(dataDir, IMAGES);
  fs.rmSync(images, { recursive: true, force: true });
  if (fs.existsSync(path.join(backupDir, IMAGES))) {
    fs.cpSync(path.join(backupDir, IMAGES), images, { recursive: true });
  }
  copyKeyFile(backupDir, dataDir);
  const index = opts.searchIndexPath ?? path.join(dataDir, 'search', 'listings.sqlite');
  if (index !== ':memory:') {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(index + suffix, { force: true });
  }
  return manifest;
}
