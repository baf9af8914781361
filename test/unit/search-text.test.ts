import assert from 'node:assert/strict';
import { escapeHtml, highlight } from '../../search/highlight';
import { queryWordMatcher } from '../../search/query-matcher';
import { exactTokens, foldVietnamese, parseQueryWords, tokenize, wordsForIndex } from '../../search/text';
import { allowedTypos, closestPrefix, typoCost } from '../../search/typo';

describe('search text folding', () => {
  it('removes tones and vowel marks, folds đ/Đ to d and lower-cases', () => {
    assert.equal(foldVietnamese('Công nghệ XỬ LÝ nước thải'), 'cong nghe xu ly nuoc thai');
    assert.equal(foldVietnamese('Đà Nẵng, đường'), 'da nang, duong');
    assert.equal(foldVietnamese('Ứng dụng ơ ư ă â ê ô'), 'ung dung o u a a e o');
  });

  it('folds decomposed (NFD) input like composed input', () => {
    assert.equal(foldVietnamese('nu\u031bo\u031b\u0301c'), 'nuoc');
  });

  it('tokenize gives folded words; exactTokens keeps diacritics', () => {
    assert.deepEqual(tokenize('Xử lý nước-thải (2025)!'), ['xu', 'ly', 'nuoc', 'thai', '2025']);
    assert.deepEqual(exactTokens('Bán, BÀN và bạn'), ['bán', 'bàn', 'và', 'bạn']);
    assert.deepEqual(tokenize('“AI” – trí tuệ…'), ['ai', 'tri', 'tue']);
  });

  it('the bulk indexing form yields the same words as tokenize and exactTokens', () => {
    const samples = [
      'Công nghệ XỬ LÝ nước-thải “AI” – 5G, e\u0301 \u0301 Đà Nẵng',
      'plain ascii text, with: punctuation!',
      '',
    ];
    for (const text of samples) {
      const { folded, marked } = wordsForIndex(text);
      assert.deepEqual(folded ? folded.split(' ') : [], tokenize(text));
      assert.deepEqual(
        marked ? marked.split(' ') : [],
        exactTokens(text).filter((t) => [...t].some((c) => c.charCodeAt(0) > 0x7f)),
      );
    }
  });

  it('query words keep at most the given number and say whether diacritics were typed', () => {
    const words = parseQueryWords('Bán may  bàn', 10);
    assert.deepEqual(words, [
      { exact: 'bán', folded: 'ban', hasDiacritics: true },
      { exact: 'may', folded: 'may', hasDiacritics: false },
      { exact: 'bàn', folded: 'ban', hasDiacritics: true },
    ]);
    assert.equal(parseQueryWords('a b c d', 2).length, 2);
    assert.deepEqual(parseQueryWords('  ?! ', 10), []);
  });
});

describe('search typo rules (as Meilisearch)', () => {
  it('allows no typo under 5 letters, one from 5, two from 9', () => {
    assert.equal(allowedTypos('thau'), 0);
    assert.equal(allowedTypos('nuocs'), 1);
    assert.equal(allowedTypos('treatment'), 2);
  });

  it('counts substitutions, insertions, deletions and swaps of neighbours as one typo each', () => {
    assert.equal(typoCost('treatmnt', 'treatment', 1), 1);
    assert.equal(typoCost('traetment', 'treatment', 2), 1);
    assert.equal(typoCost('wastewatr', 'wastewater', 2), 1);
    assert.equal(typoCost('wastewater', 'wastewater', 2), 0);
    assert.equal(typoCost('wastewtr', 'wastewater', 1), Infinity);
  });

  it('charges two typos for a typo on the first letter', () => {
    assert.equal(typoCost('qastewater', 'wastewater', 2), 2);
    assert.equal(typoCost('qastewater', 'wastewater', 1), Infinity);
    assert.equal(typoCost('qastewatr', 'wastewater', 2), Infinity);
  });

  it('measures a query against a prefix of a word for the last query word', () => {
    assert.equal(typoCost('wastwa', 'wastewater', 1, true), 1);
    assert.equal(closestPrefix('wastwa', 'wastewater', 1), 'wastewa');
    assert.equal(closestPrefix('xyz', 'wastewater', 1), null);
  });
});

describe('search highlight', () => {
  it('marks matched words, exact or folded, and escapes HTML', () => {
    const matches = queryWordMatcher(parseQueryWords('xu ly', 10));
    assert.equal(
      highlight('Xử lý <b>nước</b> & "thải"', matches),
      '<mark>Xử</mark> <mark>lý</mark> &lt;b&gt;nước&lt;/b&gt; &amp; &quot;thải&quot;',
    );
  });

  it('marks words within the typo allowance and words starting with the last query word', () => {
    const matches = queryWordMatcher(parseQueryWords('wastewatr nuo', 10));
    assert.equal(highlight('Wastewater và nước', matches), '<mark>Wastewater</mark> và <mark>nước</mark>');
  });

  it('escapes all five HTML-special characters', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
