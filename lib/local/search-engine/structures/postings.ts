import type { Bitset } from './bitset.ts';

const INITIAL_CAPACITY = 4;

/**
 * Ascending doc numbers for one term. Most terms of identifier-like fields (email, uuid) hold a
 * single doc, so that case lives inline: a typed array per term would cost ~100 bytes each.
 */
export class PostingList {
  count = 0;
  private first = 0;
  private buffer: Int32Array | null = null;

  push(doc: number): void {
    if (this.count === 0) {
      this.first = doc;
    } else {
      if (this.buffer === null) {
        this.buffer = new Int32Array(INITIAL_CAPACITY);
        this.buffer[0] = this.first;
      } else if (this.count === this.buffer.length) {
        const grown = new Int32Array(this.buffer.length * 2);
        grown.set(this.buffer);
        this.buffer = grown;
      }
      this.buffer[this.count] = doc;
    }
    this.count++;
  }

  docAt(i: number): number {
    return this.buffer === null ? this.first : this.buffer[i]!;
  }

  addTo(bits: Bitset): void {
    if (this.buffer === null) {
      if (this.count === 1) bits.add(this.first);
      return;
    }
    const buf = this.buffer;
    const words = bits.words;
    for (let i = 0; i < this.count; i++) {
      const doc = buf[i]!;
      words[doc >>> 5]! |= 1 << (doc & 31);
    }
  }

  /** How many of this term's docs are in `bits`. */
  countIn(bits: Bitset): number {
    if (this.buffer === null) return this.count === 1 && bits.has(this.first) ? 1 : 0;
    const buf = this.buffer;
    const words = bits.words;
    let n = 0;
    for (let i = 0; i < this.count; i++) {
      const doc = buf[i]!;
      if ((words[doc >>> 5]! & (1 << (doc & 31))) !== 0) n++;
    }
    return n;
  }

  anyIn(bits: Bitset): boolean {
    for (let i = 0; i < this.count; i++) if (bits.has(this.docAt(i))) return true;
    return false;
  }

  /** Renumbers after a merge; `docMap[old]` is the new number or -1 for a dropped doc. */
  remap(docMap: Int32Array): void {
    let n = 0;
    for (let i = 0; i < this.count; i++) {
      const mapped = docMap[this.docAt(i)]!;
      if (mapped < 0) continue;
      if (this.buffer === null) this.first = mapped;
      else this.buffer[n] = mapped;
      n++;
    }
    this.count = n;
    if (this.buffer !== null && n <= 1) {
      if (n === 1) this.first = this.buffer[0]!;
      this.buffer = null;
    }
  }
}

/** Doc numbers with per-doc term frequencies, for scoring analysed text. */
export class FrequencyPostingList {
  count = 0;
  docs = new Int32Array(2);
  freqs = new Uint16Array(2);

  push(doc: number, freq: number): void {
    if (this.count === this.docs.length) {
      const docs = new Int32Array(this.count * 2);
      docs.set(this.docs);
      this.docs = docs;
      const freqs = new Uint16Array(this.count * 2);
      freqs.set(this.freqs);
      this.freqs = freqs;
    }
    this.docs[this.count] = doc;
    this.freqs[this.count] = Math.min(freq, 0xffff);
    this.count++;
  }

  addTo(bits: Bitset): void {
    const words = bits.words;
    for (let i = 0; i < this.count; i++) {
      const doc = this.docs[i]!;
      words[doc >>> 5]! |= 1 << (doc & 31);
    }
  }

  remap(docMap: Int32Array): void {
    let n = 0;
    for (let i = 0; i < this.count; i++) {
      const mapped = docMap[this.docs[i]!]!;
      if (mapped < 0) continue;
      this.docs[n] = mapped;
      this.freqs[n] = this.freqs[i]!;
      n++;
    }
    this.count = n;
  }
}

/** An append-only column of numbers indexed by doc number. */
export class GrowableFloat64 {
  values: Float64Array;

  constructor(fill: number, capacity = 1024) {
    this.fillValue = fill;
    this.values = new Float64Array(capacity).fill(fill);
  }

  private readonly fillValue: number;

  set(doc: number, value: number): void {
    if (doc >= this.values.length) this.grow(doc + 1);
    this.values[doc] = value;
  }

  get(doc: number): number {
    return doc < this.values.length ? this.values[doc]! : this.fillValue;
  }

  private grow(size: number): void {
    let capacity = this.values.length;
    while (capacity < size) capacity *= 2;
    const next = new Float64Array(capacity).fill(this.fillValue);
    next.set(this.values);
    this.values = next;
  }

  remap(docMap: Int32Array, newSize: number): void {
    const next = new Float64Array(Math.max(1024, newSize)).fill(this.fillValue);
    const old = this.values;
    const n = Math.min(docMap.length, old.length);
    for (let i = 0; i < n; i++) {
      const mapped = docMap[i]!;
      if (mapped >= 0) next[mapped] = old[i]!;
    }
    this.values = next;
  }
}
