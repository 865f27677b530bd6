import type { Bitset } from '../structures/bitset.ts';
import { PostingList } from '../structures/postings.ts';

export interface Ordinals {
  /** Sorted terms; an ordinal indexes into this array. */
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

/**
 * Exact terms (keyword fields, multi-fields): term → docs, plus lazily built sort ordinals.
 *
 * The dictionary maps a term to a number: a doc number (>= 0) when the term is in one doc,
 * else -(1 + slot) of a shared posting list. Identifier-like fields (email, uuid) are mostly
 * single-doc terms, and an object per term would double their memory and GC work.
 */
export class KeywordFieldIndex {
  readonly kind = 'keyword';
  readonly exists = new PostingList();
  private readonly terms = new Map<string, number>();
  private lists: PostingList[] = [];
  private sorted: string[] = [];
  private unsortedNew: string[] = [];
  private ordinals: Ordinals | null = null;
  private ordinalsMaxDoc = -1;

  get termCount(): number {
    return this.terms.size;
  }

  add(doc: number, values: ReadonlyArray<string | number>): void {
    for (let i = 0; i < values.length; i++) {
      const term = values[i] as string;
      const slot = this.terms.get(term);
      if (slot === undefined) {
        this.terms.set(term, doc);
        this.unsortedNew.push(term);
      } else if (slot >= 0) {
        // A doc listing the same value twice is one posting, as in Lucene.
        if (slot === doc) continue;
        const list = new PostingList();
        list.push(slot);
        list.push(doc);
        this.lists.push(list);
        this.terms.set(term, -this.lists.length);
      } else {
        const list = this.lists[-slot - 1]!;
        if (list.docAt(list.count - 1) !== doc) list.push(doc);
      }
    }
    this.exists.push(doc);
  }

  docFreq(term: string): number {
    const slot = this.terms.get(term);
    return slot === undefined ? 0 : slot >= 0 ? 1 : this.lists[-slot - 1]!.count;
  }

  addTermDocs(term: string, bits: Bitset): void {
    const slot = this.terms.get(term);
    if (slot === undefined) return;
    if (slot >= 0) bits.add(slot);
    else this.lists[-slot - 1]!.addTo(bits);
  }

  /** How many of `term`'s docs are in `bits`. */
  countTermIn(term: string, bits: Bitset): number {
    const slot = this.terms.get(term);
    if (slot === undefined) return 0;
    return slot >= 0 ? (bits.has(slot) ? 1 : 0) : this.lists[-slot - 1]!.countIn(bits);
  }

  termKeys(): IterableIterator<string> {
    return this.terms.keys();
  }

  /** Calls `visit` with each term's number of docs in `bits`, skipping terms with none. */
  countByTerm(bits: Bitset, visit: (term: string, count: number) => void): void {
    for (const [term, slot] of this.terms) {
      const n = slot >= 0 ? (bits.has(slot) ? 1 : 0) : this.lists[-slot - 1]!.countIn(bits);
      if (n > 0) visit(term, n);
    }
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

  /**
   * Sort ordinals for docs below `maxDoc`. Callers pass the refreshed doc count, so writes
   * between two refreshes do not force a rebuild: their docs are not live yet anyway.
   */
  ordinalsFor(maxDoc: number): Ordinals {
    if (this.ordinals !== null && this.ordinalsMaxDoc === maxDoc) return this.ordinals;
    const terms = this.sortedTerms();
    const min = new Int32Array(maxDoc).fill(-1);
    const max = new Int32Array(maxDoc).fill(-1);
    const assign = (doc: number, ord: number): void => {
      if (doc >= maxDoc) return;
      if (min[doc] === -1) min[doc] = ord;
      max[doc] = ord;
    };
    for (let ord = 0; ord < terms.length; ord++) {
      const slot = this.terms.get(terms[ord]!)!;
      if (slot >= 0) {
        assign(slot, ord);
        continue;
      }
      const list = this.lists[-slot - 1]!;
      for (let i = 0; i < list.count; i++) assign(list.docAt(i), ord);
    }
    this.ordinals = { terms, min, max };
    this.ordinalsMaxDoc = maxDoc;
    return this.ordinals;
  }

  remap(docMap: Int32Array, _newMaxDoc: number): void {
    const lists: PostingList[] = [];
    for (const [term, slot] of this.terms) {
      if (slot >= 0) {
        const mapped = docMap[slot]!;
        if (mapped < 0) this.terms.delete(term);
        else this.terms.set(term, mapped);
        continue;
      }
      const list = this.lists[-slot - 1]!;
      list.remap(docMap);
      if (list.count === 0) this.terms.delete(term);
      else if (list.count === 1) this.terms.set(term, list.docAt(0));
      else {
        lists.push(list);
        this.terms.set(term, -lists.length);
      }
    }
    this.lists = lists;
    this.exists.remap(docMap);
    this.sorted = [...this.terms.keys()].sort(compareTerms);
    this.unsortedNew = [];
    this.ordinals = null;
  }
}
