/**
 * Vietnamese folding by table: every BMP character maps to its lower-cased base letter(s) with
 * tones and vowel marks removed and đ/Đ → d (decided once per character, via NFD). Bulk indexing
 * folds megabytes of text, so this runs as a plain loop instead of normalize + regex per text.
 */

const COMBINING_MARKS = /\p{M}+/gu;
/** Per UTF-16 code unit: 0 = not computed yet; else index into FOLDED + 1. */
const FOLD_INDEX = new Uint32Array(0x10000);
const FOLDED: string[] = [];

function foldOne(char: string): string {
  return char
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'd')
    .toLowerCase();
}

function foldedChar(code: number): string {
  let index = FOLD_INDEX[code];
  if (index === 0) {
    FOLDED.push(
      code >= 0xd800 && code <= 0xdfff ? String.fromCharCode(code) : foldOne(String.fromCharCode(code)),
    );
    index = FOLDED.length;
    FOLD_INDEX[code] = index;
  }
  return FOLDED[index - 1];
}

/**
 * Word separators: white space, ASCII punctuation and the common Unicode punctuation blocks.
 * Must agree with SEPARATOR_CLASS in text.ts.
 */
export function isSeparator(c: number): boolean {
  if (c < 0x80) return c <= 0x2f || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || c >= 0x7b;
  return (
    c <= 0xbf ||
    c === 0xd7 ||
    c === 0xf7 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x206f) ||
    (c >= 0x2e00 && c <= 0x2e7f) ||
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    c === 0xfeff ||
    (c >= 0xff00 && c <= 0xff0f) ||
    (c >= 0xff1a && c <= 0xff20) ||
    (c >= 0xff3b && c <= 0xff40) ||
    (c >= 0xff5b && c <= 0xff65)
  );
}

const utf16 = new TextDecoder('utf-16le');
let scratch = new Uint16Array(4096);

/** Appends the folded form of code unit `c` at `n` in the scratch buffer; returns the new length. */
function writeFolded(c: number, n: number): number {
  if (n + 8 > scratch.length) {
    const bigger = new Uint16Array(scratch.length * 2);
    bigger.set(scratch);
    scratch = bigger;
  }
  if (c < 0x80) {
    scratch[n] = c >= 0x41 && c <= 0x5a ? c + 32 : c;
    return n + 1;
  }
  const folded = foldedChar(c);
  for (let k = 0; k < folded.length; k++) scratch[n++] = folded.charCodeAt(k);
  return n;
}

function ensureScratch(length: number): void {
  if (scratch.length < length * 2 + 16) scratch = new Uint16Array(length * 2 + 16);
}

/** Folds text: "Đà Nẵng" → "da nang", "XỬ LÝ" → "xu ly". */
export function foldVietnamese(text: string): string {
  const nfc = text.normalize('NFC');
  ensureScratch(nfc.length);
  let n = 0;
  for (let i = 0; i < nfc.length; i++) n = writeFolded(nfc.charCodeAt(i), n);
  return utf16.decode(scratch.subarray(0, n));
}

/**
 * Bulk form for indexing: the folded words of `text` separated by single spaces, plus the
 * lower-cased words holding a non-ASCII character (the only ones whose folded form can differ).
 */
export function wordsForIndex(text: string): { folded: string; marked: string } {
  const lower = text.normalize('NFC').toLowerCase();
  ensureScratch(lower.length);
  let n = 0;
  let marked = '';
  let wordStart = -1;
  let wordOut = 0;
  let nonAscii = false;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 0x20;
    if (isSeparator(c)) {
      if (wordStart < 0) continue;
      if (n === wordOut) {
        // only combining marks: no word
        if (n > 0) n--;
      } else if (nonAscii) {
        marked += marked ? ' ' + lower.slice(wordStart, i) : lower.slice(wordStart, i);
      }
      wordStart = -1;
      continue;
    }
    if (wordStart < 0) {
      if (n > 0) scratch[n++] = 0x20;
      wordStart = i;
      wordOut = n;
      nonAscii = false;
    }
    if (c >= 0x80) nonAscii = true;
    n = writeFolded(c, n);
  }
  return { folded: utf16.decode(scratch.subarray(0, n)), marked };
}
