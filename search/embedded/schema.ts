import type Database from 'better-sqlite3';

/** Bump when the tables below change: an index file of another layout is rebuilt. */
export const LAYOUT_VERSION = 4;

/**
 * docs holds what filters, facets, sorting and hits need (loaded into DocColumns on open), and
 * the folded words of title and summary that proximity is judged on (folded once, here); fts
 * holds two columns of tokens prepared in JS (folded words, then the diacritic-keeping words that
 * differ from them), tokenised by FTS5's `ascii` tokenizer on the spaces between them. The
 * one-letter prefix index keeps search-as-you-type on a first letter fast.
 */
export function createSchema(db: Database.Database): void {
  db.exec(`
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    CREATE TABLE docs (
      rowid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL,
      field TEXT NOT NULL,
      sub_field TEXT,
      trl INTEGER NOT NULL,
      province TEXT NOT NULL,
      modes TEXT NOT NULL,
      price INTEGER,
      currency TEXT,
      published_at TEXT NOT NULL,
      title TEXT NOT NULL,
      summary TEXT NOT NULL,
      thumb_url TEXT,
      origin TEXT NOT NULL DEFAULT 'local',
      proximity_text TEXT NOT NULL
    );
    CREATE VIRTUAL TABLE fts USING fts5 (
      title, body,
      content = '', contentless_delete = 1, tokenize = 'ascii', prefix = '1'
    );
    CREATE VIRTUAL TABLE fts_vocab USING fts5vocab (fts, 'row');
  `);
  db.pragma(`user_version = ${LAYOUT_VERSION}`);
}
