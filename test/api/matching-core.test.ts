/** The matcher's core without database or HTTP: candidates in memory, the embedded search engine. */
import assert from 'node:assert/strict';
import type { SearchEngine } from '../../search';
import { testSearchEngine } from '../helpers/search-engine';
import { findMatches, type MatcherDeps } from '../../server/matching/matcher';
import { memoryCandidateStore } from '../../server/matching/memory-candidate-store';
import {
  firstSentence,
  matchText,
  type MatchableDemand,
  type MatchableOffer,
} from '../../server/matching/matchable';

const demand: MatchableDemand = {
  kind: 'demand',
  id: 'd1',
  organizationId: 'factory',
  title: 'Xử lý nước thải dệt nhuộm',
  summary: 'Khử màu nước thải.',
  problem: 'Độ màu cao. Chi phí hóa chất lớn.',
  desiredOutcome: 'Độ màu dưới 50 Pt-Co.',
  keywords: ['khử màu', 'dệt nhuộm'],
  field: 'engineering_technology',
  subField: 'environmental_engineering',
  transferModes: ['turnkey'],
  province: 'bac_ninh',
  minTrl: 6,
  budget: { min: 1_000, max: 5_000, currency: 'VND' },
};

function offer(id: string, over: Partial<MatchableOffer> = {}): MatchableOffer {
  return {
    kind: 'offer',
    id,
    organizationId: `org-${id}`,
    title: 'Fenton điện hóa khử màu nước thải dệt nhuộm',
    summary: 'Mô-đun oxy hóa nâng cao.',
    description: 'Khử màu và COD.',
    keywords: ['khử màu', 'dệt nhuộm'],
    field: 'engineering_technology',
    subField: 'environmental_engineering',
    transferModes: ['turnkey'],
    province: 'ha_noi',
    trl: 7,
    pricing: { model: 'fixed', amount: 2_000, currency: 'VND' },
    ...over,
  };
}

describe('matcher core (no database)', () => {
  let engine: SearchEngine;
  let deps: MatcherDeps;
  const offers = [
    offer('close'),
    offer('low-trl', { trl: 3 }),
    offer('quiet', {
      title: 'Thiết bị container',
      summary: 'Lắp nhanh.',
      description: 'Hai tuần.',
      keywords: [],
    }),
    offer('far', {
      title: 'Vắc xin cho cá',
      summary: 'Tiêm.',
      description: 'Bất hoạt.',
      keywords: ['vắc xin'],
      field: 'agricultural_sciences',
      subField: 'veterinary_science',
    }),
    offer('same-org', { organizationId: 'factory' }),
  ];

  before(async () => {
    engine = testSearchEngine();
    await engine.open();
    await engine.upsert(
      offers.map((o) => ({
        id: o.id,
        kind: 'offer' as const,
        title: o.title,
        summary: o.summary,
        body: o.description,
        keywords: o.keywords,
        field: o.field as 'engineering_technology',
        subField: o.subField ?? undefined,
        trl: o.trl ?? 1,
        transferModes: o.transferModes,
        province: o.province ?? '',
        language: 'vi' as const,
        organizationId: o.organizationId,
        publishedAt: new Date().toISOString(),
      })),
    );
    deps = { relevance: (text, opts) => engine.relevance(text, opts), store: memoryCandidateStore(offers) };
  });

  after(() => engine.close());

  it('ranks by score, best first, and leaves out the source’s own organization', async () => {
    const matches = await findMatches(demand, deps, { limit: 10, minScore: 0 });
    const ids = matches.map((m) => m.listing.id);
    assert.equal(ids[0], 'close');
    assert.ok(!ids.includes('same-org'));
    assert.ok(ids.indexOf('low-trl') > ids.indexOf('quiet'), `order ${ids.join(', ')}`);
    for (let i = 1; i < matches.length; i++) assert.ok(matches[i - 1].score >= matches[i].score);
  });

  it('proposes same-field listings that share no words, and nothing from an unrelated field', async () => {
    const ids = (await findMatches(demand, deps, { limit: 10, minScore: 0 })).map((m) => m.listing.id);
    assert.ok(ids.includes('quiet'));
    assert.ok(!ids.includes('far'));
  });

  it('cuts at the limit and the minimum score', async () => {
    assert.equal((await findMatches(demand, deps, { limit: 1, minScore: 0 })).length, 1);
    const strict = await findMatches(demand, deps, { limit: 10, minScore: 0.7 });
    assert.deepEqual(
      strict.map((m) => m.listing.id),
      ['close'],
    );
  });

  it('matches an offer to demands the same way', async () => {
    const demandsEngine = testSearchEngine();
    await demandsEngine.open();
    const matches = await findMatches(
      offers[0],
      { relevance: (t, o) => demandsEngine.relevance(t, o), store: memoryCandidateStore([demand]) },
      { limit: 5, minScore: 0 },
    );
    await demandsEngine.close();
    assert.deepEqual(
      matches.map((m) => m.listing.id),
      ['d1'],
    );
  });

  it('the matched text is title, keywords, summary and the long text’s first sentence', () => {
    assert.equal(
      firstSentence('Công suất 1.200 m³/ngày, lỗ 0,1 µm. Câu sau.'),
      'Công suất 1.200 m³/ngày, lỗ 0,1 µm.',
    );
    const text = matchText(demand);
    assert.ok(text.includes('Độ màu cao.'));
    assert.ok(!text.includes('Chi phí hóa chất'));
    assert.ok(text.startsWith('Xử lý nước thải dệt nhuộm\nkhử màu, dệt nhuộm'));
  });
});
