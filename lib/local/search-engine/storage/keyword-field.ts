import { Bitset } from '../structures/bitset.ts';
import { PostingList } from '../structures/postings.ts';

export class KeywordTerm extends PostingList {
  /** Position in the sorted term dictionary; valid while the field's ordinals are fresh. */
  ord = -1;
}

export interface Ordinals {
  /** Sorted terms; `ord` indexes into this array. */
  readonly terms: readonly string[];
  /** Smallest / largest ordinal per doc, -1 when the doc has no value (sort mode min / max). */
  readonly min: Int32Array;
  readonly max: Int32Array;
}

function compareTerms(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Index of the first element of sorted `terms` that is >= `term` (or > when `strict`). */
export function lowerBound(terms: readonly string[], term: string, strict = false): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const t = terms[mid]!;
    if (t < term || (strict && t === term)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Exact terms (keyword fields, multi-fields): term → docs, plus lazily built sort ordinals. */
export class KeywordFieldIndex {
  readonly kind = 'keyword';
  readonly terms = new Map<string, KeywordTerm>();
  readonly exists = new PostingList();
  private sorted: string[] = [];
  private unsortedNew: string[] = [];
  private ordinals: Ordinals | null = null;
  private ordinalsMaxDoc = -1;

  add(doc: number, values: ReadonlyArray<string | number>): void {
    for (const value of values) {
      const term = value as string;
      let entry = this.terms.get(term);
      if (entry === undefined) {
        entry = new KeywordTerm();
        this.terms.set(term, entry);
        this.unsortedNew.push(term);
      }
      // A doc listing the same value twice is one posting, as in Lucene.
      if (entry.count === 0 || entry.docAt(entry.count - 1) !== doc) entry.push(doc);
    }
    this.exists.push(doc);
    this.ordinals = null;
  }

  /** Terms in byte order; new terms are merged in rather than re-sorting the whole dictionary. */
  sortedTerms(): readonly string[] {
    if (this.unsortedNew.length === 0) return this.sorted;
    const fresh = this.unsortedNew.sort(compareTerms);
    const merged = new Array<string>(this.sorted.length + fresh.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < this.sorted.length && j < fresh.length) merged[k++] = this.sorted[i]! < fresh[j]! ? this.sorted[i++]! : fresh[j++]!;
    while (i < this.sorted.length) merged[k++] = this.sorted[i++]!;
    while (j < fresh.length) merged[k++] = fresh[j++]!;
    this.sorted = merged;
    this.unsortedNew = [];
    return merged;
  }

  ordinalsFor(maxDoc: number): Ordinals {
    if (this.ordinals !== null && this.ordinalsMaxDoc === maxDoc) return this.ordinals;
    const terms = this.sortedTerms();
    const min = new Int32Array(maxDoc).fill(-1);
    const max = new Int32Array(maxDoc).fill(-1);
    for (let ord = 0; ord < terms.length; ord++) {
      const entry = this.terms.get(terms[ord]!)!;
      entry.ord = ord;
      for (let i = 0; i < entry.count; i++) {
        const doc = entry.docAt(i);
        if (min[doc] === -1) min[doc] = ord;
        max[doc] = ord;
      }
    }
    this.ordinals = { terms, min, max };
    this.ordinalsMaxDoc = maxDoc;
    return this.ordinals;
  }

  docsFor(term: string, maxDoc: number): Bitset {
    const bits = new Bitset(maxDoc);
    this.terms.get(term)?.addTo(bits);
    return bits;
  }

  /** Union of the postings of sorted terms in [from, to). */
  docsForRange(from: number, to: number, maxDoc: number): Bitset {
    const terms = this.sortedTerms();
    const bits = new Bitset(maxDoc);
    for (let i = from; i < to; i++) this.terms.get(terms[i]!)!.addTo(bits);
    return bits;
  }

  remap(docMap: Int32Array, _newMaxDoc: number): void {
    for (const [term, entry] of this.terms) {
      entry.remap(docMap);
      if (entry.count === 0) this.terms.delete(term);
    }
    this.exists.remap(docMap);
    this.sorted = [...this.terms.keys()].sort(compareTerms);
    this.unsortedNew = [];
    this.ordinals = null;
  }
}
