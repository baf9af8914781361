/**
 * Quality and speed of the matcher (`npm run bench:matching`).
 *
 * Quality: the demo demands against the demo offers (published ones), scored against the experts'
 * labels in server/demo/data/match-labels.ts: precision@5 and nDCG@10 (binary relevance) of the
 * matches the endpoint would return (limit 10, its minimum score), beside two ablations (text
 * relevance alone, structured fit alone) to show what each half brings.
 *
 * Speed: the p50/p95/p99 time of one matches computation over 100,000 synthetic listings
 * (scripts/synthetic/listings.ts) in the embedded engine, candidates held in memory: the search
 * engine's and the matcher's time, not the database's or HTTP's.
 *
 *   npx tsx scripts/bench/matching.ts [--n 100000] [--requests 300]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedSearchEngine } from '../../search/embedded/embedded-engine';
import { DEMO_DEMANDS, DEMO_OFFERS, MATCH_LABELS } from '../../server/demo/data';
import type { DemoDemand, DemoOffer } from '../../server/demo/data';
import {
  generateSyntheticListings,
  toSearchDoc as syntheticSearchDoc,
  type SyntheticListing,
} from '../synthetic/listings';
import { findMatches, type MatcherDeps } from '../../server/matching/matcher';
import { memoryCandidateStore } from '../../server/matching/memory-candidate-store';
import {
  matchableFromDoc,
  type Matchable,
  type MatchableDemand,
  type MatchableOffer,
} from '../../server/matching/matchable';
import { toSearchDoc } from '../../server/listings/listing-search-doc';
import { DEFAULT_MATCH_LIMIT, MIN_MATCH_SCORE } from '../../server/matching/match.service';
import type { MatchWeights } from '../../server/matching/match-score';

// ── demo data ───────────────────────────────────────────────────────────────────────────────

/** A demo listing as the database would hold it (the key as its id, the organization's key as its owner). */
function asStored(l: DemoOffer | DemoDemand): Record<string, unknown> {
  return { ...l, _id: l.key, organizationId: l.organizationKey, publishedAt: new Date(0) };
}

// ── quality ─────────────────────────────────────────────────────────────────────────────────

interface Quality {
  precisionAt5: number;
  ndcgAt10: number;
  recallAt5: number;
  mrr: number;
}

function dcg(relevant: boolean[]): number {
  return relevant.reduce((sum, r, i) => sum + (r ? 1 / Math.log2(i + 2) : 0), 0);
}

async function quality(
  deps: MatcherDeps,
  demands: MatchableDemand[],
  weights?: Partial<MatchWeights>,
): Promise<Quality> {
  const byKey = new Map(demands.map((d) => [d.id, d]));
  let p5 = 0;
  let ndcg = 0;
  let r5 = 0;
  let mrr = 0;
  for (const label of MATCH_LABELS) {
    const demand = byKey.get(label.demandKey);
    if (!demand) throw new Error(`labelled demand ${label.demandKey} is not a demo demand`);
    const matches = await findMatches(demand, deps, {
      limit: DEFAULT_MATCH_LIMIT,
      minScore: MIN_MATCH_SCORE,
      weights,
    });
    const relevant = new Set(label.relevantOfferKeys);
    const hits = matches.map((m) => relevant.has(m.listing.id));
    p5 += hits.slice(0, 5).filter(Boolean).length / 5;
    r5 += hits.slice(0, 5).filter(Boolean).length / relevant.size;
    const ideal = dcg(Array.from({ length: Math.min(10, relevant.size) }, () => true));
    ndcg += dcg(hits.slice(0, 10)) / ideal;
    const first = hits.indexOf(true);
    mrr += first >= 0 ? 1 / (first + 1) : 0;
  }
  const n = MATCH_LABELS.length;
  return { precisionAt5: p5 / n, ndcgAt10: ndcg / n, recallAt5: r5 / n, mrr: mrr / n };
}

async function demoQuality(): Promise<void> {
  const published = DEMO_OFFERS.filter((o) => o.status === 'published').map(asStored);
  const offers = published.map((o) => matchableFromDoc('offer', o));
  // Any demand may ask for matches (an owner sees them for a draft too); only published offers answer.
  const demands = DEMO_DEMANDS.map((d) => matchableFromDoc('demand', asStored(d)) as MatchableDemand);
  const engine = new EmbeddedSearchEngine(':memory:');
  await engine.open();
  await engine.upsert(published.map((o) => toSearchDoc('offer', o)));
  const deps: MatcherDeps = {
    relevance: (text, opts) => engine.relevance(text, opts),
    store: memoryCandidateStore(offers),
  };
  const bestP5 =
    MATCH_LABELS.reduce((s, l) => s + Math.min(5, l.relevantOfferKeys.length) / 5, 0) / MATCH_LABELS.length;
  const noStructure = { field: 0, subField: 0, trl: 0, price: 0, transferMode: 0, province: 0, keywords: 0 };
  const rows: [string, Quality][] = [
    ['matcher (text + structured fit)', await quality(deps, demands)],
    [
      'text relevance only',
      await quality(deps, demands, {
        ...noStructure,
        trlBelowPenalty: 0,
        overBudgetPenalty: 0,
        transferModeMismatchPenalty: 0,
        text: 1,
      }),
    ],
    ['structured fit only', await quality(deps, demands, { text: 0 })],
  ];
  await engine.close();
  console.log(
    `\nMatch quality on the demo data: ${offers.length} published offers, ${MATCH_LABELS.length} labelled demands`,
  );
  console.log(
    `(limit ${DEFAULT_MATCH_LIMIT}, minimum score ${MIN_MATCH_SCORE}; most demands have one relevant offer, so precision@5 can reach at most ${bestP5.toFixed(3)})`,
  );
  console.log('| ranking | precision@5 | nDCG@10 | recall@5 | MRR |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [name, q] of rows) {
    console.log(
      `| ${name} | ${q.precisionAt5.toFixed(3)} | ${q.ndcgAt10.toFixed(3)} | ${q.recallAt5.toFixed(3)} | ${q.mrr.toFixed(3)} |`,
    );
  }
}

// ── speed ───────────────────────────────────────────────────────────────────────────────────

function syntheticMatchable(l: SyntheticListing): Matchable {
  const base = {
    id: l.id,
    organizationId: l.organizationId,
    title: l.title,
    summary: l.summary,
    keywords: l.keywords,
    field: l.field,
    subField: l.subField,
    transferModes: l.transferModes as MatchableOffer['transferModes'],
    province: l.province,
  };
  if (l.kind === 'offer') {
    return { ...base, kind: 'offer', description: l.description, trl: l.trl, pricing: l.pricing };
  }
  const max = l.pricing.amount;
  return {
    ...base,
    kind: 'demand',
    problem: l.description,
    desiredOutcome: '',
    minTrl: l.trl,
    budget: max === undefined ? null : { min: Math.floor(max / 4), max, currency: l.pricing.currency },
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function speed(n: number, requests: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'matching-bench-'));
  try {
    console.error(`generating and indexing ${n} synthetic listings…`);
    const synthetic = generateSyntheticListings(n, 42);
    const engine = new EmbeddedSearchEngine(join(dir, 'index.sqlite'));
    await engine.open();
    const started = performance.now();
    for (let i = 0; i < synthetic.length; i += 5000)
      await engine.upsert(synthetic.slice(i, i + 5000).map(syntheticSearchDoc));
    const buildSeconds = (performance.now() - started) / 1000;
    const listings = synthetic.map(syntheticMatchable);
    const deps: MatcherDeps = {
      relevance: (text, opts) => engine.relevance(text, opts),
      store: memoryCandidateStore(listings),
    };
    const step = Math.max(1, Math.floor(listings.length / requests));
    const sources = listings.filter((_, i) => i % step === 0).slice(0, requests);
    for (const s of sources.slice(0, 20))
      await findMatches(s, deps, { limit: DEFAULT_MATCH_LIMIT, minScore: MIN_MATCH_SCORE });
    const times: number[] = [];
    let found = 0;
    for (const s of sources) {
      const t = performance.now();
      found += (await findMatches(s, deps, { limit: DEFAULT_MATCH_LIMIT, minScore: MIN_MATCH_SCORE })).length;
      times.push(performance.now() - t);
    }
    await engine.close();
    times.sort((a, b) => a - b);
    console.log(
      `\nMatches request time at ${n} listings (embedded engine, indexed in ${buildSeconds.toFixed(1)} s; candidates in memory)`,
    );
    console.log('| requests | matches per request | p50 ms | p95 ms | p99 ms |');
    console.log('|---:|---:|---:|---:|---:|');
    console.log(
      `| ${times.length} | ${(found / times.length).toFixed(1)} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${percentile(times, 99).toFixed(1)} |`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function argument(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

async function main(): Promise<void> {
  await demoQuality();
  await speed(Number(argument('n', '100000')), Number(argument('requests', '300')));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
