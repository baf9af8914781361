import assert from 'node:assert/strict';
import { dropOrder, enoughUnitsMatch, keptUnits, planQuery } from '../../search/query-plan';
import { relevanceTerms } from '../../search/relevance-terms';
import { isStopWord, withoutStopWords } from '../../search/stop-words';

const exactWords = (q: string): string[] => planQuery(q).words.map((w) => w.exact);

describe('how both engines read a query', () => {
  it('when a request is phrased with filler words, then they are left out', () => {
    assert.deepEqual(exactWords('Cần công nghệ xử lý nước thải cho nhà máy dệt nhuộm không?'), [
      'công',
      'nghệ',
      'xử',
      'lý',
      'nước',
      'thải',
      'nhà',
      'máy',
      'dệt',
      'nhuộm',
    ]);
    assert.deepEqual(exactWords('làm sao để bảo quản sữa chua'), ['bảo', 'quản', 'sữa', 'chua']);
    assert.deepEqual(exactWords('looking for a dryer for the farm'), ['dryer', 'farm']);
  });

  it('when a word is filler only with its diacritics, then it is left out only as typed', () => {
    assert.equal(isStopWord('có'), true);
    assert.equal(isStopWord('cơ'), false);
    assert.equal(isStopWord('co'), false);
    assert.equal(isStopWord('khí'), false);
    assert.deepEqual(exactWords('quan trắc không khí'), ['quan', 'trắc', 'không', 'khí']);
  });

  it('when every word is filler, then the query is searched as typed', () => {
    assert.deepEqual(
      withoutStopWords([{ exact: 'cho' }, { exact: 'the' }]).map((w) => w.exact),
      ['cho', 'the'],
    );
  });

  it('when a word is typed with diacritics, then it is matched strictly; without, folded', () => {
    const [sua, chua] = planQuery('sửa chua').words;
    assert.equal(sua.strict, true);
    assert.equal(chua.strict, false);
  });

  it('when only the last word is unfinished, then only it is a prefix', () => {
    assert.deepEqual(
      planQuery('nuôi tô').words.map((w) => w.prefix),
      [false, true],
    );
    assert.deepEqual(
      planQuery('nuôi tôm ').words.map((w) => w.prefix),
      [false, false],
    );
  });

  it('when words form a dictionary term, then they are one unit its translation also satisfies', () => {
    const [unit] = planQuery('nước thải').units;
    assert.deepEqual(
      unit.words.map((w) => w.exact),
      ['nước', 'thải'],
    );
    assert.ok(unit.synonyms.some((s) => s.join(' ') === 'wastewater'));
    assert.ok(planQuery('wastewater').units[0].synonyms.some((s) => s.join(' ') === 'nuoc thai'));
    // "sữa" (milk) is not the dictionary's "sửa chữa" (repair)
    assert.ok(!planQuery('sữa chữa').units.some((u) => u.synonyms.some((s) => s.join(' ') === 'repair')));
  });

  it('drops generic units first, then the most common, the later of equals first, and keeps one', () => {
    const units = [
      { frequency: 10, generic: true },
      { frequency: 50, generic: false },
      { frequency: 5, generic: false },
      { frequency: 5, generic: false },
    ];
    assert.deepEqual(dropOrder(units), [0, 1, 3, 2]);
    assert.deepEqual(keptUnits(dropOrder(units), 2), [2, 3]);
    assert.deepEqual(keptUnits(dropOrder(units), 9), [2]);
  });

  it('when most of the words are in no listing, then the query matches nothing', () => {
    assert.equal(enoughUnitsMatch(1, 2), true);
    assert.equal(enoughUnitsMatch(1, 4), false);
    assert.equal(enoughUnitsMatch(0, 1), false);
  });

  it("relevance() looks for a listing's words with their diacritics and their translations", () => {
    const { words, phrases } = relevanceTerms('Kéo dài hạn sử dụng sữa chua cho nhà máy', 64);
    assert.ok(words.includes('sữa'));
    assert.ok(!words.includes('sua'));
    assert.ok(!words.includes('cho'));
    assert.ok(words.includes('yogurt'));
    assert.ok(phrases.includes('shelf life'));
  });
});
