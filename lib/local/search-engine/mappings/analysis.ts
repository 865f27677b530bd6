/**
 * Text analysis: an approximation of Lucene's StandardTokenizer (Unicode UAX #29 word
 * boundaries) followed by lowercasing, which is OpenSearch's `standard` analyzer with its
 * default of no stop words.
 *
 * Kept from UAX #29: letters and digits join into one word ("abc123"); a "." or "'" between
 * letters keeps them together ("o'neil", "example.com"); "." and "," between digits keep a
 * number whole ("3.14", "1,000"); "_" joins anything; each CJK ideograph or kana is its own
 * token; every other character separates tokens.
 */

const MAX_TOKEN_LENGTH = 255;

/** Character classes, after UAX #29's word-break properties. */
const OTHER = 0;
const LETTER = 1;
const DIGIT = 2;
const JOINER = 3;
const MID_LETTER = 4;
const MID_NUM = 5;
const MID_NUM_LET = 6;
const IDEOGRAPH = 7;
const MARK = 8;

const LETTER_RE = /\p{L}/u;
const DIGIT_RE = /\p{Nd}/u;
const MARK_RE = /\p{M}/u;
const IDEOGRAPH_RE = /[\p{Script=Han}\p{Script=Hiragana}]/u;
const CONNECTOR_RE = /\p{Pc}/u;
const MID_NUM_LET_CODES = new Set([0x2018, 0x2019, 0x2024, 0xfe52, 0xff07, 0xff0e]);
const MID_LETTER_CODES = new Set([0xb7, 0x2027, 0x5f4, 0xfe13, 0xfe55, 0xff1a]);

const ASCII_CLASSES = (() => {
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) table[c] = LETTER;
    else if (c >= 48 && c <= 57) table[c] = DIGIT;
    else if (c === 95) table[c] = JOINER;
    else if (c === 46 || c === 39) table[c] = MID_NUM_LET;
    else if (c === 58) table[c] = MID_LETTER;
    else if (c === 44 || c === 59) table[c] = MID_NUM;
  }
  return table;
})();

function classify(code: number): number {
  if (code < 128) return ASCII_CLASSES[code]!;
  if (MID_NUM_LET_CODES.has(code)) return MID_NUM_LET;
  if (MID_LETTER_CODES.has(code)) return MID_LETTER;
  const ch = String.fromCodePoint(code);
  if (IDEOGRAPH_RE.test(ch)) return IDEOGRAPH;
  if (LETTER_RE.test(ch)) return LETTER;
  if (DIGIT_RE.test(ch)) return DIGIT;
  if (MARK_RE.test(ch)) return MARK;
  if (CONNECTOR_RE.test(ch)) return JOINER;
  return OTHER;
}

function classAt(text: string, i: number): number {
  return i < text.length ? classify(text.codePointAt(i)!) : OTHER;
}

/** Whether a mid-word punctuation keeps the word going, per UAX #29 rules WB6-WB12. */
function joinsAcross(prev: number, mid: number, next: number): boolean {
  if (prev === LETTER && next === LETTER) return mid === MID_LETTER || mid === MID_NUM_LET;
  if (prev === DIGIT && next === DIGIT) return mid === MID_NUM || mid === MID_NUM_LET;
  return false;
}

function emit(tokens: string[], word: string): void {
  if (word.length === 0) return;
  const lower = word.toLowerCase();
  if (lower.length <= MAX_TOKEN_LENGTH) tokens.push(lower);
  else for (let i = 0; i < lower.length; i += MAX_TOKEN_LENGTH) tokens.push(lower.slice(i, i + MAX_TOKEN_LENGTH));
}

/** The `standard` analyzer: tokens in order, lowercased. Positions are array indexes. */
export function analyzeStandard(text: string): string[] {
  const tokens: string[] = [];
  let wordStart = -1;
  let lastWordClass = OTHER;
  let i = 0;
  while (i < text.length) {
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const cls = classify(code);
    if (cls === LETTER || cls === DIGIT || cls === JOINER || cls === MARK) {
      if (wordStart < 0) wordStart = i;
      if (cls !== MARK) lastWordClass = cls;
    } else if (wordStart >= 0 && (cls === MID_LETTER || cls === MID_NUM || cls === MID_NUM_LET) && joinsAcross(lastWordClass, cls, classAt(text, i + width))) {
      // Kept inside the word: "o'neil", "example.com", "3.14".
    } else {
      if (wordStart >= 0) emit(tokens, text.slice(wordStart, i));
      wordStart = -1;
      lastWordClass = OTHER;
      if (cls === IDEOGRAPH) emit(tokens, text.slice(i, i + width));
    }
    i += width;
  }
  if (wordStart >= 0) emit(tokens, text.slice(wordStart));
  return tokens;
}

/** The names of the normalizers the engine can apply; anything else is rejected at mapping time. */
export const SUPPORTED_NORMALIZER_FILTERS = new Set(['lowercase']);

export type Normalizer = (value: string) => string;

export const lowercaseNormalizer: Normalizer = (value) => value.toLowerCase();
export const identityNormalizer: Normalizer = (value) => value;
