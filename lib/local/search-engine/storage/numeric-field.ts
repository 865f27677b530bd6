import { Bitset } from '../structures/bitset.ts';
import { GrowableFloat64, PostingList } from '../structures/postings.ts';

/** Rebuild the sorted view once unsorted appended docs exceed this share of it. */
const RESORT_TAIL_RATIO = 0.1;
const MIN_RESORT_TAIL = 4_096;

/** Inclusive numeric bounds; open ends are ±Infinity. */
export interface NumericRange {
  readonly min: number;
  readonly max: number;
}

interface SortedView {
  readonly values: Float64Array;
  readonly docs: Int32Array;
  /** Docs numbered below this are in the view; later ones are scanned from the columns. */
  readonly upTo: number;
}

function firstIndexAtLeast(values: Float64Array, target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Numbers, dates (epoch millis) and booleans (0/1). Two columns give each doc's smallest and
 * largest value for sorting (OpenSearch's default sort mode is min ascending, max descending);
 * a sorted (value, doc) view answers ranges by binary search.
 */
export class NumericFieldIndex {
  readonly kind = 'numeric';
  readonly min = new GrowableFloat64(Number.NaN);
  readonly max = new GrowableFloat64(Number.NaN);
  /** All values of docs holding more than one. */
  readonly multi = new Map<number, Float64Array>();
  readonly exists = new PostingList();
  private sorted: SortedView | null = null;

  add(doc: number, values: ReadonlyArray<string | number>): void {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const v of values as number[]) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    this.min.set(doc, lo);
    this.max.set(doc, hi);
    if (values.length > 1) this.multi.set(doc, Float64Array.from(values as number[]));
    this.exists.push(doc);
  }

  /** Calls `visit` for each value of `doc`. */
  forEachValue(doc: number, visit: (value: number) => void): void {
    const many = this.multi.get(doc);
    if (many !== undefined) {
      for (const v of many) visit(v);
      return;
    }
    const v = this.min.get(doc);
    if (!Number.isNaN(v)) visit(v);
  }

  rangeDocs(range: NumericRange, maxDoc: number): Bitset {
    const view = this.sortedView(maxDoc);
    const bits = new Bitset(maxDoc);
    const words = bits.words;
    const start = firstIndexAtLeast(view.values, range.min);
    for (let i = start; i < view.values.length && view.values[i]! <= range.max; i++) {
      const doc = view.docs[i]!;
      words[doc >>> 5]! |= 1 << (doc & 31);
    }
    for (let doc = view.upTo; doc < maxDoc; doc++) if (this.docInRange(doc, range)) bits.add(doc);
    return bits;
  }

  private docInRange(doc: number, range: NumericRange): boolean {
    const lo = this.min.get(doc);
    if (Number.isNaN(lo)) return false;
    const many = this.multi.get(doc);
    if (many === undefined) return lo >= range.min && lo <= range.max;
    for (const v of many) if (v >= range.min && v <= range.max) return true;
    return false;
  }

  private sortedView(maxDoc: number): SortedView {
    const view = this.sorted;
    if (view !== null && maxDoc - view.upTo <= Math.max(MIN_RESORT_TAIL, view.values.length * RESORT_TAIL_RATIO)) return view;
    this.sorted = this.buildSortedView(maxDoc);
    return this.sorted;
  }

  private buildSortedView(maxDoc: number): SortedView {
    const pairs: number[] = [];
    const docs: number[] = [];
    for (let i = 0; i < this.exists.count; i++) {
      const doc = this.exists.docAt(i);
      if (doc >= maxDoc) break;
      this.forEachValue(doc, (v) => {
        pairs.push(v);
        docs.push(doc);
      });
    }
    const order = new Int32Array(pairs.length);
    for (let i = 0; i < order.length; i++) order[i] = i;
    const values = Float64Array.from(pairs);
    order.sort((a, b) => values[a]! - values[b]! || a - b);
    const sortedValues = new Float64Array(order.length);
    const sortedDocs = new Int32Array(order.length);
    for (let i = 0; i < order.length; i++) {
      sortedValues[i] = values[order[i]!]!;
      sortedDocs[i] = docs[order[i]!]!;
    }
    return { values: sortedValues, docs: sortedDocs, upTo: maxDoc };
  }

  remap(docMap: Int32Array, newMaxDoc: number): void {
    this.min.remap(docMap, newMaxDoc);
    this.max.remap(docMap, newMaxDoc);
    const moved = [...this.multi].filter(([doc]) => docMap[doc]! >= 0).map(([doc, values]) => [docMap[doc]!, values] as const);
    this.multi.clear();
    for (const [doc, values] of moved) this.multi.set(doc, values);
    this.exists.remap(docMap);
    this.sorted = null;
  }
}
