/**
 * A fixed-size set of doc numbers. Query clauses combine through word-wide AND/OR/ANDNOT,
 * which is what keeps filter queries over a million docs in the low milliseconds.
 */

const WORD_BITS = 32;

export function wordsFor(size: number): number {
  return (size + WORD_BITS - 1) >>> 5;
}

function popcount32(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export class Bitset {
  readonly size: number;
  readonly words: Uint32Array;

  constructor(size: number, words?: Uint32Array) {
    this.size = size;
    this.words = words ?? new Uint32Array(wordsFor(size));
  }

  static full(size: number): Bitset {
    const bits = new Bitset(size);
    bits.words.fill(0xffffffff);
    const tail = size & 31;
    if (tail !== 0) bits.words[bits.words.length - 1] = (1 << tail) - 1;
    return bits;
  }

  clone(): Bitset {
    return new Bitset(this.size, this.words.slice());
  }

  add(doc: number): void {
    this.words[doc >>> 5]! |= 1 << (doc & 31);
  }

  remove(doc: number): void {
    this.words[doc >>> 5]! &= ~(1 << (doc & 31));
  }

  has(doc: number): boolean {
    return (this.words[doc >>> 5]! & (1 << (doc & 31))) !== 0;
  }

  and(other: Bitset): this {
    const a = this.words;
    const b = other.words;
    for (let i = 0; i < a.length; i++) a[i]! &= b[i] ?? 0;
    return this;
  }

  or(other: Bitset): this {
    const a = this.words;
    const b = other.words;
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) a[i]! |= b[i]!;
    return this;
  }

  andNot(other: Bitset): this {
    const a = this.words;
    const b = other.words;
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) a[i]! &= ~b[i]!;
    return this;
  }

  count(): number {
    let total = 0;
    const w = this.words;
    for (let i = 0; i < w.length; i++) if (w[i] !== 0) total += popcount32(w[i]!);
    return total;
  }

  isEmpty(): boolean {
    const w = this.words;
    for (let i = 0; i < w.length; i++) if (w[i] !== 0) return false;
    return true;
  }

  /** Calls `visit` for each member in ascending order; stops early when it returns false. */
  forEach(visit: (doc: number) => boolean | void): void {
    const w = this.words;
    for (let i = 0; i < w.length; i++) {
      let word = w[i]!;
      while (word !== 0) {
        const lowest = word & -word;
        const doc = i * WORD_BITS + 31 - Math.clz32(lowest);
        if (visit(doc) === false) return;
        word ^= lowest;
      }
    }
  }

  toArray(): Int32Array {
    const out = new Int32Array(this.count());
    let n = 0;
    this.forEach((doc) => {
      out[n++] = doc;
    });
    return out;
  }
}

/** A bitset that grows as docs are appended; queries take fixed-size snapshots of it. */
export class GrowableBitset {
  private words = new Uint32Array(1024);

  ensure(size: number): void {
    const needed = wordsFor(size);
    if (needed <= this.words.length) return;
    let capacity = this.words.length;
    while (capacity < needed) capacity *= 2;
    const next = new Uint32Array(capacity);
    next.set(this.words);
    this.words = next;
  }

  add(doc: number): void {
    this.ensure(doc + 1);
    this.words[doc >>> 5]! |= 1 << (doc & 31);
  }

  remove(doc: number): void {
    if (doc >>> 5 < this.words.length) this.words[doc >>> 5]! &= ~(1 << (doc & 31));
  }

  has(doc: number): boolean {
    return doc >>> 5 < this.words.length && (this.words[doc >>> 5]! & (1 << (doc & 31))) !== 0;
  }

  /** A copy sized to `size` docs, safe to mutate while the original keeps growing. */
  snapshot(size: number): Bitset {
    this.ensure(size);
    return new Bitset(size, this.words.slice(0, wordsFor(size)));
  }
}
