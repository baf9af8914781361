/**
 * `npm run bench:relevance`: search quality on the project's own labelled set (relevance/corpus.ts,
 * relevance/queries.ts), nDCG@10, MRR and P@1 per kind of query and overall, for each engine side
 * by side. Meilisearch runs when MEILI_HOST is set or its binary is beside the repository
 * (../shared/tools/meilisearch); otherwise the embedded engine runs alone.
 *
 *   npm run bench:relevance [-- --verbose]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedSearchEngine } from '../../search/embedded/embedded-engine';
import { MeiliSearchEngine } from '../../search/meili/meili-engine';
import type { SearchEngine } from '../../search/types';
import { meilisearchBinary, startMeilisearch, type RunningMeilisearch } from '../services/meilisearch';
import { RELEVANCE_CORPUS } from './relevance/corpus';
import { QUERY_KINDS, RELEVANCE_QUERIES, type LabelledQuery } from './relevance/queries';

interface Scores {
  ndcg: number;
  mrr: number;
  p1: number;
}

const verbose = process.argv.includes('--verbose');

function dcg(gains: number[]): number {
  return gains.reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
}

function score(query: LabelledQuery, ranked: string[]): Scores {
  const top = ranked.slice(0, 10);
  const gains = top.map((id) => query.relevant[id] ?? 0);
  const ideal = dcg(
    Object.values(query.relevant)
      .sort((a, b) => b - a)
      .slice(0, 10),
  );
  const first = ranked.findIndex((id) => (query.relevant[id] ?? 0) > 0);
  return {
    ndcg: ideal > 0 ? dcg(gains) / ideal : 0,
    mrr: first >= 0 ? 1 / (first + 1) : 0,
    p1: (query.relevant[ranked[0]] ?? 0) > 0 ? 1 : 0,
  };
}

function mean(scores: Scores[]): Scores {
  const n = Math.max(1, scores.length);
  return {
    ndcg: scores.reduce((s, x) => s + x.ndcg, 0) / n,
    mrr: scores.reduce((s, x) => s + x.mrr, 0) / n,
    p1: scores.reduce((s, x) => s + x.p1, 0) / n,
  };
}

async function evaluate(engine: SearchEngine): Promise<Map<string, Scores>> {
  await engine.open();
  await engine.clear();
  await engine.upsert(RELEVANCE_CORPUS);
  const byKind = new Map<string, Scores[]>();
  for (const query of RELEVANCE_QUERIES) {
    const result = await engine.search({ q: query.q });
    const ranked = result.hits.map((h) => h.id);
    const s = score(query, ranked);
    if (verbose && s.ndcg < 0.999)
      console.log(
        `  ${engine.name} [${query.kind}] ${query.q}: nDCG ${s.ndcg.toFixed(2)} → ${ranked.slice(0, 5).join(', ')}`,
      );
    (byKind.get(query.kind) ?? byKind.set(query.kind, []).get(query.kind)!).push(s);
    (byKind.get('overall') ?? byKind.set('overall', []).get('overall')!).push(s);
  }
  await engine.close();
  return new Map([...byKind].map(([kind, list]) => [kind, mean(list)]));
}

async function meiliEngine(): Promise<{ engine: SearchEngine; stop: () => Promise<void> } | null> {
  const indexName = `relevance_bench_${Date.now()}`;
  if (process.env.MEILI_HOST) {
    const engine = new MeiliSearchEngine({
      host: process.env.MEILI_HOST,
      apiKey: process.env.MEILI_KEY,
      indexName,
    });
    return { engine, stop: async () => {} };
  }
  if (!meilisearchBinary()) return null;
  const dir = mkdtempSync(join(tmpdir(), 'bench-relevance-meili-'));
  const server: RunningMeilisearch = await startMeilisearch({ dataDir: dir });
  const engine = new MeiliSearchEngine({ host: server.url, apiKey: server.masterKey, indexName });
  return {
    engine,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<void> {
  const kinds = RELEVANCE_QUERIES.reduce<Record<string, number>>((n, query) => {
    n[query.kind] = (n[query.kind] ?? 0) + 1;
    return n;
  }, {});
  console.log(
    `Relevance benchmark: ${RELEVANCE_CORPUS.length} listings, ${RELEVANCE_QUERIES.length} labelled queries in ${QUERY_KINDS.length} kinds`,
  );
  const columns: { name: string; scores: Map<string, Scores> }[] = [];
  columns.push({ name: 'embedded', scores: await evaluate(new EmbeddedSearchEngine(':memory:')) });
  const meili = await meiliEngine();
  if (meili) {
    try {
      columns.push({ name: 'meilisearch', scores: await evaluate(meili.engine) });
    } finally {
      await meili.stop();
    }
  } else {
    console.log('Meilisearch absent (no MEILI_HOST, no ../shared/tools/meilisearch): embedded engine only.');
  }
  const header = ['kind', 'queries', ...columns.map((c) => `${c.name} nDCG@10 / MRR / P@1`)];
  console.log(`\n| ${header.join(' | ')} |`);
  console.log(`| ${header.map(() => '---').join(' | ')} |`);
  for (const kind of [...QUERY_KINDS, 'overall']) {
    const cells = columns.map((c) => {
      const s = c.scores.get(kind)!;
      return `${s.ndcg.toFixed(3)} / ${s.mrr.toFixed(3)} / ${s.p1.toFixed(3)}`;
    });
    console.log(
      `| ${kind} | ${kind === 'overall' ? RELEVANCE_QUERIES.length : kinds[kind]} | ${cells.join(' | ')} |`,
    );
  }
  if (columns.length === 2) {
    const [a, b] = columns.map((c) => c.scores.get('overall')!);
    console.log(`\nDifference between engines, overall nDCG@10: ${Math.abs(a.ndcg - b.ndcg).toFixed(3)}`);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
