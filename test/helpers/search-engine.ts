/**
 * The search engines the tests run on: the embedded engine always, Meilisearch too when the
 * global fixture started one (TEST_MEILI_HOST). TEST_SEARCH_ENGINE=meilisearch makes the API
 * tests' exchange use Meilisearch (`npm test` runs the search and matching API tests that way too).
 */
import { createSearchEngine, type SearchEngine } from '../../search';
import { meilisearchBinary } from '../../scripts/services/meilisearch';

let counter = 0;

/**
 * Whether this run has a Meilisearch (known while test files load, before the global fixture
 * starts it), so suites for it are declared.
 */
export function meiliAvailable(): boolean {
  return Boolean(process.env.TEST_MEILI_HOST) || meilisearchBinary() !== null;
}

/** The running Meilisearch (after the global fixture started it). */
export function meiliForTests(): { host: string; apiKey?: string } {
  const host = process.env.TEST_MEILI_HOST;
  if (!host) throw new Error('no Meilisearch running for the tests (TEST_MEILI_HOST unset)');
  return { host, apiKey: process.env.TEST_MEILI_KEY };
}

/** A fresh index name, so tests never see each other's listings. */
export function freshIndexName(prefix = 'test'): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${counter++}`;
}

export function apiTestEngineName(): 'embedded' | 'meilisearch' {
  return process.env.TEST_SEARCH_ENGINE === 'meilisearch' ? 'meilisearch' : 'embedded';
}

/** A new, empty (unopened) engine of the kind the API tests run on. */
export function testSearchEngine(): SearchEngine {
  if (apiTestEngineName() === 'meilisearch') {
    const meili = meiliForTests();
    return createSearchEngine({
      meiliHost: meili.host,
      meiliKey: meili.apiKey,
      indexName: freshIndexName(),
      embeddedPath: ':memory:',
    });
  }
  return createSearchEngine({ embeddedPath: ':memory:' });
}
