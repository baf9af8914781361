import type { PlannedWord, QueryUnit } from '../query-plan';
import type { Corrections } from './vocabulary';

/** FTS5 MATCH expressions for one query word or unit. */
export interface Expressions {
  /** Decides membership: the word (exact when typed with diacritics), its typo corrections, prefixes. */
  any: string;
  /** Same without typo corrections, or null when there are none (then `any` is typo-free). */
  withoutTypos: string | null;
}

const quote = (token: string): string => `"${token}"`;

export function wordExpressions(word: PlannedWord, corrections: Corrections): Expressions {
  const token = word.strict ? word.exact : word.folded;
  const self = word.prefix ? `${quote(token)}*` : quote(token);
  if (word.strict) return { any: self, withoutTypos: null };
  const alternatives = [
    self,
    ...corrections.words.map(quote),
    ...(word.prefix ? corrections.prefixes.map((p) => `${quote(p)}*`) : []),
  ];
  const hasTypos = alternatives.length > 1;
  return { any: hasTypos ? `(${alternatives.join(' OR ')})` : self, withoutTypos: hasTypos ? self : null };
}

/** A unit: all its words, or any of its dictionary synonyms as a phrase. */
export function unitExpressions(unit: QueryUnit, words: Expressions[]): Expressions {
  const synonyms = unit.synonyms.map((s) => quote(s.join(' ')));
  const build = (own: string[]): string => {
    const all = own.length > 1 ? `(${own.join(' AND ')})` : own[0];
    return synonyms.length > 0 ? `(${[all, ...synonyms].join(' OR ')})` : all;
  };
  const hasTypos = words.some((w) => w.withoutTypos !== null);
  return {
    any: build(words.map((w) => w.any)),
    withoutTypos: hasTypos ? build(words.map((w) => w.withoutTypos ?? w.any)) : null,
  };
}

/** Documents holding every one of `units` (by index). */
export function allOf(units: Expressions[], indexes: number[]): string {
  return indexes.map((i) => units[i].any).join(' AND ');
}

export function inTitle(expression: string): string {
  return `{title} : (${expression})`;
}

/** Any of the terms, for relevance ranking (OR semantics, no typos); a term may be a phrase. */
export function anyOf(terms: string[]): string {
  return terms.map(quote).join(' OR ');
}
