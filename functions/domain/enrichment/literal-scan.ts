/**
 * Finds which of many fixed strings occur in a text in one pass. Checking each fingerprint's
 * required literal with `includes` reads the whole page once per literal (hundreds of times);
 * here each position of the text is looked at once, through a two-character filter, and only
 * positions whose first three characters begin some literal are compared in full.
 */

const PAIR_TABLE_SIZE = 1 << 16;
const MIN_LITERAL_CHARS = 3;

const pairKey = (text: string, i: number): number => ((text.charCodeAt(i) & 0xff) << 8) | (text.charCodeAt(i + 1) & 0xff);
const triKey = (text: string, i: number): number => text.charCodeAt(i) * 2 ** 32 + text.charCodeAt(i + 1) * 2 ** 16 + text.charCodeAt(i + 2);

export class LiteralScanner {
  /** Non-zero where some literal may start with that (folded) pair of characters. */
  private readonly pairs = new Uint8Array(PAIR_TABLE_SIZE);
  /** Literals by their exact first three characters. */
  private readonly byPrefix = new Map<number, string[]>();

  /** Literals shorter than three characters are refused: they would match nearly every page. */
  constructor(literals: Iterable<string>) {
    for (const literal of new Set(literals)) {
      if (literal.length < MIN_LITERAL_CHARS) throw new RangeError(`literal "${literal}" is shorter than ${MIN_LITERAL_CHARS} characters`);
      this.pairs[pairKey(literal, 0)] = 1;
      const key = triKey(literal, 0);
      const list = this.byPrefix.get(key);
      if (list) list.push(literal);
      else this.byPrefix.set(key, [literal]);
    }
  }

  /** Adds to `found` every literal that occurs in `text` (exact, case-sensitive). */
  scan(text: string, found: Set<string>): void {
    const last = text.length - MIN_LITERAL_CHARS;
    for (let i = 0; i <= last; i += 1) {
      if (this.pairs[pairKey(text, i)] === 0) continue;
      const candidates = this.byPrefix.get(triKey(text, i));
      if (!candidates) continue;
      for (const literal of candidates) if (!found.has(literal) && text.startsWith(literal, i)) found.add(literal);
    }
  }
}
