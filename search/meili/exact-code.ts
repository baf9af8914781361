import { exactTokens, foldToken } from '../text';

/**
 * Meilisearch folds Latin diacritics itself, so "bán", "bàn" and "bạn" would all be one word.
 * To rank exact-diacritic matches first we index each word that carries diacritics a second
 * time as an ASCII code that keeps them: base letters, each mark written as "z" + a letter
 * (Telex-like), e.g. "bán" → "bazsn", "đà" → "dzdazf".
 */
const MARK_CODES: Record<string, string> = {
  '\u0300': 'zf', // grave (huyền)
  '\u0301': 'zs', // acute (sắc)
  '\u0303': 'zx', // tilde (ngã)
  '\u0309': 'zr', // hook above (hỏi)
  '\u0323': 'zj', // dot below (nặng)
  '\u0302': 'za', // circumflex (â, ê, ô)
  '\u0306': 'zw', // breve (ă)
  '\u031b': 'zo', // horn (ơ, ư)
};

export function exactCode(word: string): string {
  let code = '';
  for (const char of word.normalize('NFD')) {
    if (char === 'đ') code += 'dzd';
    else if (/[a-z0-9]/.test(char)) code += char;
    else code += MARK_CODES[char] ?? `zq${char.codePointAt(0)!.toString(36)}q`;
  }
  return code;
}

/** Codes of the words of `text` that carry diacritics, space separated. */
export function exactCodesOf(text: string): string {
  return exactTokens(text)
    .filter((word) => foldToken(word) !== word)
    .map(exactCode)
    .join(' ');
}
