/**
 * Words that carry no meaning in a search request ("cần", "có … không", "làm sao", "for", "the"):
 * both engines leave them out of the words a listing must hold. One list, Vietnamese and English.
 *
 * Typed with diacritics, a Vietnamese word is compared as typed ("có" is filler, "cơ" is not).
 * Typed without, it is compared folded, but only where the folded form is not also a common
 * technical word: "co" may be "cơ khí", "ban" may be "bàn", so those stay.
 */
import { foldToken } from './text';

const VIETNAMESE = [
  'cần',
  'có',
  'không',
  'làm',
  'sao',
  'thế',
  'nào',
  'như',
  'gì',
  'cho',
  'của',
  'và',
  'với',
  'là',
  'được',
  'để',
  'mà',
  'thì',
  'các',
  'những',
  'một',
  'này',
  'đó',
  'ở',
  'tại',
  'trong',
  'trên',
  'tôi',
  'chúng',
  'mình',
  'muốn',
  'tìm',
  'kiếm',
  'nhờ',
  'giúp',
  'hỏi',
  'ạ',
  'vậy',
  'đâu',
  'nếu',
  'hoặc',
  'về',
  'rất',
  'nhiều',
  'nên',
  'phải',
  'đang',
  'sẽ',
  'đã',
  'chị',
  'biết',
  'đến',
  'từng',
  'nhé',
  'vào',
  'lại',
  'thêm',
  'hãy',
  'đây',
  'nhất',
  'hơn',
  'giùm',
  'dùm',
  'liệu',
];

/** Folded forms that are not also the folded form of a common content word ("khi" may be "khí"). */
const VIETNAMESE_UNACCENTED = [
  'can',
  'khong',
  'cho',
  'nao',
  'nhu',
  'va',
  'nhung',
  'mot',
  'nay',
  'tren',
  'muon',
  'giup',
  'vay',
  'neu',
  'hoac',
  'rat',
  'nhieu',
  'phai',
  'se',
  'biet',
  'nhe',
  'hay',
  'the',
];
const ENGLISH = [
  'a',
  'an',
  'the',
  'for',
  'of',
  'to',
  'in',
  'on',
  'at',
  'by',
  'with',
  'from',
  'and',
  'or',
  'is',
  'are',
  'be',
  'can',
  'could',
  'would',
  'should',
  'will',
  'i',
  'we',
  'my',
  'our',
  'you',
  'your',
  'how',
  'what',
  'which',
  'where',
  'who',
  'when',
  'do',
  'does',
  'looking',
  'look',
  'find',
  'need',
  'needs',
  'want',
  'any',
  'some',
  'there',
  'that',
  'this',
  'it',
  'its',
  'into',
  'about',
  'please',
  'help',
  'me',
  'us',
  'way',
  'ways',
  'get',
  'has',
  'have',
  'if',
  'than',
  'so',
  'as',
];

/** Filler phrases taken out as a whole before single words. */
const PHRASES = [
  ['làm', 'sao'],
  ['làm', 'thế', 'nào'],
  ['như', 'thế', 'nào'],
  ['có', 'thể'],
  ['lam', 'sao'],
  ['lam', 'the', 'nao'],
  ['nhu', 'the', 'nao'],
  ['co', 'the'],
];

/** "không" is meaningful before these: không khí (air), không dây (wireless), không người lái. */
const KEPT_AFTER_KHONG = new Set(['khí', 'khi', 'dây', 'day', 'người', 'nguoi', 'nung']);

/**
 * Words in so many listings' texts that they tell little about a request ("công nghệ", "giải
 * pháp", "system"): still searched, but dropped first when too few listings hold every word.
 */
const GENERIC = [
  'công',
  'nghệ',
  'giải',
  'pháp',
  'hệ',
  'thống',
  'thiết',
  'bị',
  'ứng',
  'dụng',
  'quy',
  'trình',
  'sản',
  'xuất',
  'phương',
  'cong',
  'nghe',
  'giai',
  'phap',
  'he',
  'thong',
  'thiet',
  'ung',
  'dung',
  'quy',
  'trinh',
  'san',
  'xuat',
  'phuong',
  'technology',
  'technologies',
  'system',
  'systems',
  'solution',
  'solutions',
  'method',
  'device',
  'equipment',
  'process',
  'new',
];
const GENERIC_WORDS = new Set(GENERIC);

/** Whether a lower-cased word, as typed, is generic (see GENERIC). */
export function isGenericWord(word: string): boolean {
  return GENERIC_WORDS.has(word);
}

const EXACT = new Set([...VIETNAMESE, ...ENGLISH]);
const FOLDED = new Set([...VIETNAMESE_UNACCENTED, ...ENGLISH]);

/** Whether a lower-cased word, as typed, is filler. */
export function isStopWord(word: string): boolean {
  const folded = foldToken(word);
  return folded === word ? FOLDED.has(word) : EXACT.has(word);
}

/**
 * The words of a query without its filler; all of them when nothing else is left (a query made
 * only of such words is searched as typed).
 */
export function withoutStopWords<T extends { exact: string }>(words: T[]): T[] {
  const keep = words.map(() => true);
  for (let i = 0; i < words.length; i++) {
    for (const phrase of PHRASES) {
      if (phrase.every((p, k) => words[i + k]?.exact === p)) phrase.forEach((_, k) => (keep[i + k] = false));
    }
    const meaningfulKhong =
      (words[i].exact === 'không' || words[i].exact === 'khong') &&
      KEPT_AFTER_KHONG.has(words[i + 1]?.exact ?? '');
    if (isStopWord(words[i].exact) && !meaningfulKhong) keep[i] = false;
  }
  const kept = words.filter((_, i) => keep[i]);
  return kept.length > 0 ? kept : words;
}

/** The folded stop words for engines that take a list (Meilisearch's stopWords setting). */
export function foldedStopWords(): string[] {
  return [...FOLDED].sort();
}
