import type Database from 'better-sqlite3';
import { highlight } from '../highlight';
import type { WordMatcher } from '../highlight';
import { queryWordMatcher } from '../query-matcher';
import { dropOrder, enoughUnitsMatch, keptUnits, planQuery, unitWeight } from '../query-plan';
import type { PlannedWord } from '../query-plan';
import { relevanceTerms } from '../relevance-terms';
import { DEFAULT_LIMIT, LOCAL_ORIGIN, MAX_LIMIT } from '../types';
import type {
  OpenResult,
  RelevanceHit,
  RelevanceOptions,
  SearchDoc,
  SearchEngine,
  SearchHit,
  SearchQuery,
  SearchResult,
} from '../types';
import { DocColumns } from './doc-columns';
import type { StoredDoc } from './doc-columns';
import { allOf, anyOf, inTitle, unitExpressions, wordExpressions } from './fts-query';
import type { Expressions, Match } from './fts-query';
import { indexedText } from './indexed-text';
import { openIndexDatabase } from './open-database';
import { PostingsCache } from './postings';
import type { Postings } from './postings';
import { StatementCache } from './statement-cache';
import { topByScore, topK } from './top-k';
import { TermFrequencies } from './term-frequencies';
import { Vocabulary } from './vocabulary';

interface HitRow {
  id: string;
  kind: 'offer' | 'demand';
  title: string;
  summary: string;
  field: string;
  trl: number;
  province: string;
  price: number | null;
  currency: string | null;
  thumb_url: string | null;
  origin: string;
}

/**
 * Relevance criteria, most important first, packed into one number per doc: the weight of the
 * dropped query units the doc holds anyway (rare units weigh more), no typo needed, the words
 * adjacent in the text (proximity), all kept words in the title. Each weight exceeds the largest
 * possible sum of the weights below it.
 */
const WEIGHT = { dropped: 8, typoFree: 4, phrase: 2, title: 1 } as const;
/** Dropped-unit weights are compared in steps of 1/WEIGHT_STEPS. */
const WEIGHT_STEPS = 16;
/** Proximity re-ranks the best PROXIMITY_POOL × page size (at least MIN_PROXIMITY_POOL) docs. */
const PROXIMITY_POOL = 4;
const MIN_PROXIMITY_POOL = 100;
/** Words in more than this share of the listings say little about a match and are left out of relevance(). */
const RELEVANCE_COMMON_WORD_SHARE = 0.5;
const RELEVANCE_MAX_WORDS = 64;
/**
 * Rowids kept in memory across the postings of the terms searched (4 bytes each): at 100,000
 * listings the common words of a query mix take about a tenth of it.
 */
const MAX_CACHED_POSTINGS = 8_000_000;

/**
 * Search over SQLite FTS5 in one file, reading queries as query-plan.ts says: all units first,
 * then units dropped (generic and most common first) while there are fewer results than a page;
 * per-word typo tolerance from the index's own vocabulary; prefix search on the word being typed.
 * Filters, facets and sorting run over the matching rowids in typed arrays (DocColumns).
 */
export class EmbeddedSearchEngine implements SearchEngine {
  readonly name = 'embedded' as const;
  private db: Database.Database | null = null;
  private statements: StatementCache | null = null;
  private readonly postings = new PostingsCache(
    (fts) => JSON.parse(this.sql(ROWIDS_OF_TERM).pluck().get(fts) as string) as number[],
    MAX_CACHED_POSTINGS,
  );
  private readonly columns = new DocColumns();
  private readonly vocabulary = new Vocabulary(() => this.readVocabulary());
  private readonly frequencies = new TermFrequencies(
    () =>
      this.database().prepare('SELECT term, doc FROM fts_vocab').iterate() as Iterable<{
        term: string;
        doc: number;
      }>,
  );

  constructor(private readonly path: string) {}

  async open(): Promise<OpenResult> {
    if (this.db) await this.close();
    const { db, status } = openIndexDatabase(this.path, (candidate) => {
      this.columns.clear();
      for (const row of candidate.prepare(`SELECT ${STORED_COLUMNS} FROM docs`).iterate()) {
        this.columns.set(row as StoredDoc);
      }
    });
    this.db = db;
    this.statements = new StatementCache(db);
    this.postings.clear();
    return status;
  }

  async upsert(docs: SearchDoc[]): Promise<void> {
    const db = this.database();
    const find = this.sql('SELECT rowid FROM docs WHERE id = ?');
    const insertDoc = this.sql(`
      INSERT INTO docs (id, kind, field, sub_field, trl, province, modes, price, currency, published_at, title, summary, thumb_url, origin, proximity_text)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const updateDoc = this.sql(`
      UPDATE docs SET id = ?, kind = ?, field = ?, sub_field = ?, trl = ?, province = ?, modes = ?, price = ?,
        currency = ?, published_at = ?, title = ?, summary = ?, thumb_url = ?, origin = ?, proximity_text = ?
      WHERE rowid = ?`);
    const deleteText = this.sql('DELETE FROM fts WHERE rowid = ?');
    const insertText = this.sql('INSERT INTO fts (rowid, title, body) VALUES (?, ?, ?)');
    const columns: StoredDoc[] = [];
    this.postings.clear();
    db.transaction(() => {
      for (const doc of docs) {
        const modes = [...new Set(doc.transferModes)].sort().join(',');
        const price = doc.price ?? null;
        const currency = price === null ? null : (doc.currency ?? null);
        const values = [
          doc.id,
          doc.kind,
          doc.field,
          doc.subField ?? null,
          doc.trl,
          doc.province,
          modes,
          price,
          currency,
        ];
        const text = indexedText(doc.title, doc.summary, [doc.body, ...doc.keywords]);
        const stored = [
          ...values,
          doc.publishedAt,
          doc.title,
          doc.summary,
          doc.thumbUrl ?? null,
          doc.origin ?? LOCAL_ORIGIN,
          text.proximity,
        ];
        const existing = find.get(doc.id) as { rowid: number } | undefined;
        let rowid: number;
        if (existing) {
          rowid = existing.rowid;
          updateDoc.run(...stored, rowid);
          deleteText.run(rowid);
        } else {
          rowid = Number(insertDoc.run(...stored).lastInsertRowid);
        }
        insertText.run(rowid, text.title, text.body);
        if (this.frequencies.loaded && !existing)
          this.frequencies.addDocument(`${text.title} ${text.body}`.split(' '));
        if (this.vocabulary.loaded) this.vocabulary.add(text.foldedWords);
        columns.push({
          rowid,
          kind: doc.kind,
          field: doc.field,
          sub_field: doc.subField ?? null,
          trl: doc.trl,
          province: doc.province,
          modes,
          price,
          currency,
          published_at: doc.publishedAt,
          origin: doc.origin ?? LOCAL_ORIGIN,
        });
      }
    })();
    for (const doc of columns) this.columns.set(doc);
  }

  async remove(ids: string[]): Promise<void> {
    const db = this.database();
    const find = this.sql('SELECT rowid FROM docs WHERE id = ?');
    const deleteText = this.sql('DELETE FROM fts WHERE rowid = ?');
    const deleteDoc = this.sql('DELETE FROM docs WHERE rowid = ?');
    const removed: number[] = [];
    this.postings.clear();
    db.transaction(() => {
      for (const id of ids) {
        const row = find.get(id) as { rowid: number } | undefined;
        if (!row) continue;
        deleteText.run(row.rowid);
        deleteDoc.run(row.rowid);
        removed.push(row.rowid);
      }
    })();
    for (const rowid of removed) this.columns.delete(rowid);
  }

  /** Removes every document and every metadata entry (a cleared index has nothing to catch up from). */
  async clear(): Promise<void> {
    const db = this.database();
    this.postings.clear();
    db.transaction(() => {
      db.exec("DELETE FROM docs; DELETE FROM meta; INSERT INTO fts (fts) VALUES ('delete-all');");
    })();
    this.columns.clear();
    this.vocabulary.reset();
    this.frequencies.reset();
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    this.database();
    const page = Math.max(1, Math.floor(query.page ?? 1));
    const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(query.limit ?? DEFAULT_LIMIT)));
    const plan = planQuery(query.q);
    const units = this.unitsOf(plan.units);
    if (plan.units.length > 0 && !enoughUnitsMatch(units.length, plan.units.length))
      return { hits: [], total: 0, facets: this.columns.facets([]), page, limit };

    const order = dropOrder(units);
    let dropped = 0;
    let kept = keptUnits(order, 0);
    const expressions = units.map((u) => u.expressions.any);
    let rowids = this.matching(query, units.length > 0 ? allOf(expressions, kept) : null);
    while (kept.length > 1 && rowids.length < limit) {
      dropped++;
      kept = keptUnits(order, dropped);
      rowids = this.matching(query, allOf(expressions, kept));
    }

    const offset = (page - 1) * limit;
    const ordered = offset < rowids.length ? this.order(rowids, units, kept, query.sort, offset + limit) : [];
    const pageRow = this.sql(`SELECT ${HIT_COLUMNS} FROM docs WHERE rowid = ?`);
    const matches = plan.words.length > 0 ? queryWordMatcher(plan.words) : () => false;
    const hits = ordered.slice(offset).map((rowid) => toHit(pageRow.get(rowid) as HitRow, matches));
    return { hits, total: rowids.length, facets: this.columns.facets(rowids), page, limit };
  }

  async relevance(text: string, opts: RelevanceOptions): Promise<RelevanceHit[]> {
    this.database();
    if (opts.limit <= 0 || (opts.ids && opts.ids.length === 0)) return [];
    const { words, phrases } = relevanceTerms(text, RELEVANCE_MAX_WORDS);
    const { telling, found } = this.wordsOf(words);
    if (found.length === 0 && phrases.length === 0) return [];
    const rows = this.rankByWords([...(telling.length > 0 ? telling : found), ...phrases], opts);
    // On a small index the only shared words may be the common ones: then rank by those.
    if (rows.length > 0 || telling.length === 0 || telling.length === found.length) return rows;
    return this.rankByWords([...found, ...phrases], opts);
  }

  private rankByWords(words: string[], opts: RelevanceOptions): RelevanceHit[] {
    const params: (string | number)[] = [anyOf(words), opts.kind, opts.origin ?? LOCAL_ORIGIN];
    let idCondition = '';
    if (opts.ids) {
      idCondition = 'AND d.id IN (SELECT value FROM json_each(?))';
      params.push(JSON.stringify(opts.ids));
    }
    const rows = this.sql(
      `
      SELECT d.id, bm25(fts, 2.0, 1.0) AS score
      FROM fts JOIN docs d ON d.rowid = fts.rowid
      WHERE fts MATCH ? AND d.kind = ? AND d.origin = ? ${idCondition}
      ORDER BY score, d.published_at DESC
      LIMIT ?`,
    ).all(...params, Math.floor(opts.limit)) as { id: string; score: number }[];
    const best = rows[0]?.score ?? 0;
    return rows.map((row) => ({ id: row.id, score: best < 0 ? row.score / best : 1 }));
  }

  async getMeta(key: string): Promise<string | null> {
    const row = this.sql('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  async setMeta(key: string, value: string): Promise<void> {
    this.sql(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(key, value);
  }

  async ping(): Promise<boolean> {
    try {
      return this.db?.prepare('SELECT 1 AS ok').get() !== undefined;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    this.db?.close();
    this.db = null;
    this.statements = null;
    this.postings.clear();
    this.columns.clear();
    this.vocabulary.reset();
    this.frequencies.reset();
  }

  /** Rowids passing the filters, among the FTS matches of `match` (or all docs when null). */
  private matching(query: SearchQuery, match: Match | null): Int32Array {
    return this.columns.filter(query, match === null ? null : this.rowidsOf(match));
  }

  private rowidsOf(match: Match): Postings {
    return this.postings.evaluate(match);
  }

  /** The query's units that match some doc, with their expressions and document frequency. */
  private unitsOf(planned: ReturnType<typeof planQuery>['units']): PlannedUnit[] {
    const units: PlannedUnit[] = [];
    for (const unit of planned) {
      const words = unit.words.map((w) =>
        wordExpressions(w, w.strict ? NO_CORRECTIONS : this.vocabulary.corrections(w.folded, w.prefix)),
      );
      const expressions = unitExpressions(unit, words);
      if (this.rowidsOf(expressions.any).length === 0) continue;
      const frequency = Math.min(
        ...unit.words.map((w) => this.documentFrequency(w.strict ? w.exact : w.folded)),
      );
      units.push({ words: unit.words, expressions, frequency, generic: unit.generic });
    }
    return units;
  }

  private documentFrequency(term: string): number {
    return this.frequencies.of(term);
  }

  /** The first `k` of `rowids` in result order. */
  private order(
    rowids: Int32Array,
    units: PlannedUnit[],
    kept: number[],
    sort: SearchQuery['sort'],
    k: number,
  ): number[] {
    const c = this.columns;
    const newest = (a: number, b: number): number => c.compareNewest(a, b);
    if (sort === 'price_asc' || sort === 'price_desc') {
      const direction = sort === 'price_asc' ? 1 : -1;
      return topK(rowids, k, (a, b) => {
        const pa = c.priceOf(a);
        const pb = c.priceOf(b);
        if (Number.isNaN(pa) || Number.isNaN(pb))
          return Number.isNaN(pa) ? (Number.isNaN(pb) ? newest(a, b) : 1) : -1;
        return (pa - pb) * direction || newest(a, b);
      });
    }
    if (sort === 'newest' || units.length === 0) return c.firstNewest(rowids, k);
    // One number per doc: its relevance weights, then the newer first (ranks are distinct).
    const score = this.relevanceScores(units, kept);
    const rank = c.newestRanks();
    const span = rank.length + 1;
    for (let i = 0; i < rowids.length; i++) score[rowids[i]] = score[rowids[i]] * span - rank[rowids[i]];
    // Proximity is judged on the best candidates only, in their title and summary: an FTS5
    // phrase query over every match reads the position lists of the most common words.
    const keptWords: PlannedWord[] = kept.flatMap((i) => units[i].words);
    if (keptWords.length < 2) return topByScore(rowids, k, score);
    const candidates = topByScore(rowids, Math.max(k * PROXIMITY_POOL, MIN_PROXIMITY_POOL), score);
    const phrase = ` ${keptWords.map((w) => w.folded).join(' ')}${keptWords[keptWords.length - 1].prefix ? '' : ' '}`;
    const text = this.sql('SELECT proximity_text FROM docs WHERE rowid = ?').pluck();
    for (const r of candidates) {
      if (` ${text.get(r) as string} `.includes(phrase)) score[r] += WEIGHT.phrase * span;
    }
    return topByScore(candidates, k, score);
  }

  private relevanceScores(units: PlannedUnit[], kept: number[]): Float64Array {
    const score = new Float64Array(this.columns.rowidBound);
    // Only the scores of matching docs are read: a unit's docs need no intersection with them.
    const add = (match: Match, weight: number): void => {
      const rowids = this.rowidsOf(match);
      for (let i = 0; i < rowids.length; i++) score[rowids[i]] += weight;
    };
    const expressions = units.map((u) => u.expressions.any);
    const total = Math.max(1, this.columns.size);
    for (let i = 0; i < units.length; i++) {
      if (kept.includes(i)) continue;
      const weight = Math.round(unitWeight(units[i].frequency, total) * WEIGHT_STEPS);
      add(expressions[i], weight * WEIGHT.dropped);
    }
    if (kept.some((i) => units[i].expressions.withoutTypos))
      add(
        allOf(
          units.map((u) => u.expressions.withoutTypos ?? u.expressions.any),
          kept,
        ),
        WEIGHT.typoFree,
      );
    add(inTitle(allOf(expressions, kept)), WEIGHT.title);
    return score;
  }

  /** The query words in the index (`found`), and those not in most listings (`telling`). */
  private wordsOf(words: string[]): { telling: string[]; found: string[] } {
    const total = this.columns.size;
    const counted = words
      .map((word) => ({ word, docs: this.frequencies.of(word) }))
      .filter((w) => w.docs > 0);
    return {
      found: counted.map((w) => w.word),
      telling: counted.filter((w) => w.docs <= total * RELEVANCE_COMMON_WORD_SHARE).map((w) => w.word),
    };
  }

  private readVocabulary(): Iterable<string> {
    return this.database().prepare('SELECT term FROM fts_vocab').pluck().all() as string[];
  }

  private sql(text: string): Database.Statement {
    this.database();
    return this.statements!.get(text);
  }

  private database(): Database.Database {
    if (!this.db) throw new Error('search index is not open: call open() first');
    return this.db;
  }
}

interface PlannedUnit {
  words: PlannedWord[];
  expressions: Expressions;
  /** Docs holding the unit's rarest word as typed (folded, or exact when typed with diacritics). */
  frequency: number;
  generic: boolean;
}

const NO_CORRECTIONS = { words: [], prefixes: [] };

const ROWIDS_OF_TERM = 'SELECT json_group_array(rowid) FROM fts WHERE fts MATCH ?';
const STORED_COLUMNS =
  'rowid, kind, field, sub_field, trl, province, modes, price, currency, published_at, origin';
const HIT_COLUMNS = 'id, kind, title, summary, field, trl, province, price, currency, thumb_url, origin';

function toHit(row: HitRow, matches: WordMatcher): SearchHit {
  const hit: SearchHit = {
    id: row.id,
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    field: row.field,
    trl: row.trl,
    province: row.province,
    highlight: { title: highlight(row.title, matches), summary: highlight(row.summary, matches) },
  };
  if (row.price !== null) hit.price = row.price;
  if (row.currency !== null) hit.currency = row.currency;
  if (row.thumb_url) hit.thumbUrl = row.thumb_url;
  if (row.origin !== LOCAL_ORIGIN) hit.origin = row.origin;
  return hit;
}
