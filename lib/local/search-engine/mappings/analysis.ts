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

type CharClass = 'letter' | 'digit' | 'joiner' | 'midLetter' | 'midNum' | 'midNumLet' | 'ideograph' | 'mark' | 'other';

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;
const MARK = /\p{M}/u;
const IDEOGRAPH = /[\p{Script=Han}\p{Script=Hiragana}]/u;
const CONNECTOR = /\p{Pc}/u;

function classify(ch: string): CharClass {
  const code = ch.codePointAt(0)!;
  if (code < 128) {
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return 'letter';
    if (code >= 48 && code <= 57) return 'digit';
    if (code === 95) return 'joiner';
    if (code === 46 || code === 39) return 'midNumLet';
    if (code === 58) return 'midLetter';
    if (code === 44 || code === 59) return 'midNum';
    return 'other';
  }
  if (code === 0x2019 || code === 0x2018 || code === 0x2024 || code === 0xfe52 || code === 0xff07 || code === 0xff0e) return 'midNumLet';
  if (code === 0xb7 || code === 0x2027 || code === 0x5f4 || code === 0xfe13 || code === 0xfe55 || code === 0xff1a) return 'midLetter';
  if (IDEOGRAPH.test(ch)) return 'ideograph';
  if (LETTER.test(ch)) return 'letter';
  if (DIGIT.test(ch)) return 'digit';
  if (MARK.test(ch)) return 'mark';
  if (CONNECTOR.test(ch)) return 'joiner';
  return 'other';
}

function isWordChar(cls: CharClass | undefined): boolean {
  return cls === 'letter' || cls === 'digit' || cls === 'joiner' || cls === 'mark';
}

/** Whether a mid-word punctuation at `i` keeps the word going, per UAX #29 rules WB6-WB12. */
function joinsAcross(prev: CharClass, mid: CharClass, next: CharClass | undefined): boolean {
  if (next === undefined) return false;
  if (prev === 'letter' && next === 'letter') return mid === 'midLetter' || mid === 'midNumLet';
  if (prev === 'digit' && next === 'digit') return mid === 'midNum' || mid === 'midNumLet';
  return false;
}

function emit(tokens: string[], word: string): void {
  if (word.length === 0) return;
  const lower = word.toLowerCase();
  for (let i = 0; i < lower.length; i += MAX_TOKEN_LENGTH) tokens.push(lower.slice(i, i + MAX_TOKEN_LENGTH));
}

/** The `standard` analyzer: tokens in order, lowercased. Positions are array indexes. */
export function analyzeStandard(text: string): string[] {
  const tokens: string[] = [];
  const chars = Array.from(text);
  const classes = chars.map(classify);
  let word = '';
  let lastWordClass: CharClass = 'other';
  for (let i = 0; i < chars.length; i++) {
    const cls = classes[i]!;
    const ch = chars[i]!;
    if (cls === 'ideograph') {
      emit(tokens, word);
      word = '';
      emit(tokens, ch);
      continue;
    }
    if (isWordChar(cls)) {
      word += ch;
      if (cls !== 'mark') lastWordClass = cls;
      continue;
    }
    if (word.length > 0 && (cls === 'midLetter' || cls === 'midNum' || cls === 'midNumLet') && joinsAcross(lastWordClass, cls, classes[i + 1])) {
      word += ch;
      continue;
    }
    emit(tokens, word);
    word = '';
    lastWordClass = 'other';
  }
  emit(tokens, word);
  return tokens;
}

/** The names of the normalizers the engine can apply; anything else is rejected at mapping time. */
export const SUPPORTED_NORMALIZER_FILTERS = new Set(['lowercase']);

export type Normalizer = (value: string) => string;

export const lowercaseNormalizer: Normalizer = (value) => value.toLowerCase();
export const identityNormalizer: Normalizer = (value) => value;
