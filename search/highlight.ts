import { tokenSpans } from './text';

/** Decides whether a folded word of a listing matched the query. */
export interface WordMatcher {
  (foldedWord: string): boolean;
}

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]);
}

/** HTML-escaped `text` with <mark>…</mark> around the words the matcher accepts. */
export function highlight(text: string, matches: WordMatcher): string {
  const { text: nfc, spans } = tokenSpans(text);
  let html = '';
  let cursor = 0;
  for (const span of spans) {
    if (!matches(span.folded)) continue;
    html +=
      escapeHtml(nfc.slice(cursor, span.start)) +
      '<mark>' +
      escapeHtml(nfc.slice(span.start, span.end)) +
      '</mark>';
    cursor = span.end;
  }
  return html + escapeHtml(nfc.slice(cursor));
}
