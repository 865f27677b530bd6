/**
 * Lucene regular expressions (the syntax of a terms aggregation's `include`) for prefix matching.
 * Every character other than a-z and 0-9 is escaped: Lucene treats `@ & ~ # < > " ` and the usual
 * metacharacters as operators, and a backslash makes any of them literal.
 */
export function escapeLucenePattern(text: string): string {
  let out = '';
  for (const ch of text) out += /[a-z0-9]/.test(ch) ? ch : `\\${ch}`;
  return out;
}

/** Characters that start a new word inside a value, for word-prefix matching. */
const WORD_SEPARATORS = '[ \\-/]';

/**
 * Terms that start with `text`, or hold a word that does ("united" → "united states",
 * "states" → "united states"). Keyword terms are lowercased by their normalizer, so is `text`.
 */
export function wordPrefixPattern(text: string): string {
  return `(.*${WORD_SEPARATORS})?${escapeLucenePattern(text.toLowerCase())}.*`;
}
