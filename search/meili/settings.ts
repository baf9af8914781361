import type { Settings } from 'meilisearch';
import { MAX_TERM_WORDS } from '../query-plan';
import { foldedStopWords } from '../stop-words';
import { SYNONYM_PAIRS } from '../synonyms';
import { exactTokens, foldToken, foldVietnamese } from '../text';
import { exactCode } from './exact-code';
import { ONE_TYPO_MIN_LENGTH, TWO_TYPOS_MIN_LENGTH } from '../typo';

/** Bump when the document shape or settings change: an index of another layout is rebuilt. */
export const MEILI_LAYOUT_VERSION = '4';

export const SEARCHABLE_ATTRIBUTES = [
  'titleFolded',
  'keywordsFolded',
  'summaryFolded',
  'bodyFolded',
  'exactCodes',
];
export const FACET_ATTRIBUTES = ['field', 'trl', 'transferModes', 'province', 'origin'];

/**
 * The vi↔en dictionary in both directions, folded as queries are ("nuoc thai" ↔ "wastewater"),
 * and from the Vietnamese term as sent when typed with diacritics (its exact codes, see
 * query-text.ts) to the English one. Terms of more than MAX_TERM_WORDS words are keys of
 * neither engine.
 */
export function buildSynonyms(): Record<string, string[]> {
  const synonyms: Record<string, Set<string>> = {};
  const link = (from: string, to: string): void => {
    if (from === to || from.split(' ').length > MAX_TERM_WORDS) return;
    (synonyms[from] ??= new Set()).add(to);
  };
  for (const [vi, en] of SYNONYM_PAIRS) {
    const a = foldVietnamese(vi);
    const b = foldVietnamese(en);
    link(a, b);
    link(b, a);
    const coded = exactTokens(vi)
      .map((w) => (foldToken(w) === w ? w : exactCode(w)))
      .join(' ');
    if (coded !== a) link(coded, b);
  }
  return Object.fromEntries(Object.entries(synonyms).map(([k, v]) => [k, [...v].sort()]));
}

export function buildMeiliSettings(): Settings {
  return {
    searchableAttributes: SEARCHABLE_ATTRIBUTES,
    filterableAttributes: [
      'id',
      'kind',
      'field',
      'subField',
      'trl',
      'transferModes',
      'province',
      'origin',
      'currency',
      'price',
      'language',
      'organizationId',
      'publishedAtTs',
    ],
    sortableAttributes: ['publishedAtTs', 'price'],
    // "sort" first so an explicit sort orders the whole result; without one it does nothing.
    rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness', 'publishedAtTs:desc'],
    synonyms: buildSynonyms(),
    stopWords: foldedStopWords(),
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { oneTypo: ONE_TYPO_MIN_LENGTH, twoTypos: TWO_TYPOS_MIN_LENGTH },
      disableOnAttributes: ['exactCodes'],
    },
    faceting: { maxValuesPerFacet: 100 },
    pagination: { maxTotalHits: 1_000_000 },
  };
}
