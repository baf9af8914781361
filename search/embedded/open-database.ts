import Database from 'better-sqlite3';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { OpenResult } from '../types';
import { LAYOUT_VERSION, createSchema } from './schema';

export interface OpenedDatabase {
  db: Database.Database;
  status: OpenResult;
}

/**
 * Opens the index file, or recreates it empty when it is missing, unreadable or of another
 * layout; the caller then rebuilds it from the database. `load` reads what the engine keeps in
 * memory: a damaged file fails there (a full integrity check would read the whole file).
 */
export function openIndexDatabase(path: string, load: (db: Database.Database) => void): OpenedDatabase {
  if (path === ':memory:' || !existsSync(path)) {
    return { db: createFresh(path, load), status: { needsRebuild: true, reason: 'missing' } };
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(path);
    const version = db.pragma('user_version', { simple: true });
    if (version !== LAYOUT_VERSION) {
      db.close();
      deleteFiles(path);
      return { db: createFresh(path, load), status: { needsRebuild: true, reason: 'old_layout' } };
    }
    configure(db);
    db.prepare("SELECT rowid FROM fts WHERE fts MATCH 'a*' LIMIT 1").all();
    load(db);
    return { db, status: { needsRebuild: false } };
  } catch {
    safeClose(db);
    deleteFiles(path);
    return { db: createFresh(path, load), status: { needsRebuild: true, reason: 'damaged' } };
  }
}

function createFresh(path: string, load: (db: Database.Database) => void): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  configure(db);
  createSchema(db);
  load(db);
  return db;
}

function configure(db: Database.Database): void {
  if (!db.memory) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -32768');
  db.pragma('temp_store = MEMORY');
}

function deleteFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}

function safeClose(db: Database.Database | undefined): void {
  try {
    db?.close();
  } catch {
    // already unusable
  }
}
