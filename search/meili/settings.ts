import type { Settings } from 'meilisearch';
import { SYNONYM_PAIRS } from '../synonyms';
import { foldVietnamese } from '../text';
import { ONE_TYPO_MIN_LENGTH, TWO_TYPOS_MIN_LENGTH } from '../typo';

/** Bump when the document shape or settings change: an index of another layout is rebuilt. */
export const MEILI_LAYOUT_VERSION = '1';

export const SEARCHABLE_ATTRIBUTES = [
  'titleFolded',
  'keywordsFolded',
  'summaryFolded',
  'bodyFolded',
  'exactCodes',
];
export const FACET_ATTRIBUTES = ['field', 'trl', 'transferModes', 'province'];

/** Folded synonyms in both directions ("nuoc thai" ↔ "wastewater"), as queries are folded too. */
export function buildSynonyms(): Record<string, string[]> {
  const synonyms: Record<string, Set<string>> = {};
  const link = (from: string, to: string): void => {
    (synonyms[from] ??= new Set()).add(to);
  };
  for (const [vi, en] of SYNONYM_PAIRS) {
    const a = foldVietnamese(vi);
    const b = foldVietnamese(en);
    link(a, b);
    link(b, a);
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
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { oneTypo: ONE_TYPO_MIN_LENGTH, twoTypos: TWO_TYPOS_MIN_LENGTH },
      disableOnAttributes: ['exactCodes'],
    },
    faceting: { maxValuesPerFacet: 100 },
    pagination: { maxTotalHits: 1_000_000 },
  };
}
