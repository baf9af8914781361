import type { PlannedWord, QueryUnit } from '../query-plan';
import type { Corrections } from './vocabulary';

/**
 * What a query asks of the index, as a tree: FTS5 terms (a word, a prefix `"x"*` or a phrase),
 * each read as one list of rowids, combined by AND and OR in memory (postings.ts).
 */
export type Match =
  { op: 'term'; fts: string; inTitle?: boolean } | { op: 'and'; of: Match[] } | { op: 'or'; of: Match[] };

/** Match trees for one query word or unit. */
export interface Expressions {
  /** Decides membership: the word (exact when typed with diacritics), its typo corrections, prefixes. */
  any: Match;
  /** Same without typo corrections, or null when there are none (then `any` is typo-free). */
  withoutTypos: Match | null;
}

const quote = (token: string): string => `"${token}"`;
const term = (fts: string): Match => ({ op: 'term', fts });
const and = (of: Match[]): Match => (of.length === 1 ? of[0] : { op: 'and', of });
const or = (of: Match[]): Match => (of.length === 1 ? of[0] : { op: 'or', of });

/** The FTS5 MATCH expression of one term (what its postings are read with). */
export function leafKey(match: { fts: string; inTitle?: boolean }): string {
  return match.inTitle ? `{title} : ${match.fts}` : match.fts;
}

/** A text naming the match (its FTS5 expression), to key it in a cache. */
export function matchKey(match: Match): string {
  if (match.op === 'term') return leafKey(match);
  return `(${match.of.map(matchKey).join(match.op === 'and' ? ' AND ' : ' OR ')})`;
}

export function wordExpressions(word: PlannedWord, corrections: Corrections): Expressions {
  const token = word.strict ? word.exact : word.folded;
  const self = term(word.prefix ? `${quote(token)}*` : quote(token));
  if (word.strict) return { any: self, withoutTypos: null };
  const alternatives = [
    self,
    ...corrections.words.map((w) => term(quote(w))),
    ...(word.prefix ? corrections.prefixes.map((p) => term(`${quote(p)}*`)) : []),
  ];
  const hasTypos = alternatives.length > 1;
  return { any: or(alternatives), withoutTypos: hasTypos ? self : null };
}

/** A unit: all its words, or any of its dictionary synonyms as a phrase. */
export function unitExpressions(unit: QueryUnit, words: Expressions[]): Expressions {
  const synonyms = unit.synonyms.map((s) => term(quote(s.join(' '))));
  const build = (own: Match[]): Match => or([and(own), ...synonyms]);
  const hasTypos = words.some((w) => w.withoutTypos !== null);
  return {
    any: build(words.map((w) => w.any)),
    withoutTypos: hasTypos ? build(words.map((w) => w.withoutTypos ?? w.any)) : null,
  };
}

/** Documents holding every one of `units` (by index). */
export function allOf(units: Match[], indexes: number[]): Match {
  return and(indexes.map((i) => units[i]));
}

/** The same match with every term read in the title only (FTS5's `{title} :` on each term). */
export function inTitle(match: Match): Match {
  if (match.op === 'term') return { ...match, inTitle: true };
  return { op: match.op, of: match.of.map(inTitle) };
}

/** Any of the terms, for relevance ranking (OR semantics, no typos); a term may be a phrase. */
export function anyOf(terms: string[]): string {
  return terms.map(quote).join(' OR ');
}
