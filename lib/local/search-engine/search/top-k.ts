/**
 * The best `k` docs by composite numeric keys (smaller first, doc number breaking ties) kept in
 * a bounded max-heap, so sorting a million matches costs one pass and no full sort.
 */
export class TopK {
  private readonly docs: Int32Array;
  private readonly keys: Float64Array;
  private size = 0;

  constructor(
    private readonly k: number,
    private readonly width: number,
  ) {
    this.docs = new Int32Array(k);
    this.keys = new Float64Array(k * width);
  }

  /** Whether a candidate with `keys` would be kept; true while the heap is not full. */
  accepts(doc: number, keys: Float64Array): boolean {
    return this.size < this.k || this.compareTo(keys, doc, 0) < 0;
  }

  offer(doc: number, keys: Float64Array): void {
    if (this.k === 0) return;
    if (this.size < this.k) {
      this.write(this.size, doc, keys);
      this.siftUp(this.size++);
    } else if (this.compareTo(keys, doc, 0) < 0) {
      this.write(0, doc, keys);
      this.siftDown(0);
    }
  }

  get isFull(): boolean {
    return this.size === this.k;
  }

  /** Key `i` of the worst kept doc (the heap's root); only meaningful when full. */
  worstKey(i: number): number {
    return this.keys[i]!;
  }

  get worstDoc(): number {
    return this.docs[0]!;
  }

  /** Kept docs, best first. */
  sorted(): number[] {
    const order = Array.from({ length: this.size }, (_, i) => i);
    order.sort((a, b) => this.compareSlots(a, b));
    return order.map((slot) => this.docs[slot]!);
  }

  private write(slot: number, doc: number, keys: Float64Array): void {
    this.docs[slot] = doc;
    this.keys.set(keys.subarray(0, this.width), slot * this.width);
  }

  private compareTo(keys: Float64Array, doc: number, slot: number): number {
    const base = slot * this.width;
    for (let i = 0; i < this.width; i++) {
      const d = keys[i]! - this.keys[base + i]!;
      if (d !== 0 && !Number.isNaN(d)) return d;
    }
    return doc - this.docs[slot]!;
  }

  private compareSlots(a: number, b: number): number {
    const baseA = a * this.width;
    const baseB = b * this.width;
    for (let i = 0; i < this.width; i++) {
      const d = this.keys[baseA + i]! - this.keys[baseB + i]!;
      if (d !== 0 && !Number.isNaN(d)) return d;
    }
    return this.docs[a]! - this.docs[b]!;
  }

  private swap(a: number, b: number): void {
    const doc = this.docs[a]!;
    this.docs[a] = this.docs[b]!;
    this.docs[b] = doc;
    for (let i = 0; i < this.width; i++) {
      const t = this.keys[a * this.width + i]!;
      this.keys[a * this.width + i] = this.keys[b * this.width + i]!;
      this.keys[b * this.width + i] = t;
    }
  }

  private siftUp(slot: number): void {
    while (slot > 0) {
      const parent = (slot - 1) >> 1;
      if (this.compareSlots(slot, parent) <= 0) return;
      this.swap(slot, parent);
      slot = parent;
    }
  }

  private siftDown(slot: number): void {
    for (;;) {
      const left = slot * 2 + 1;
      if (left >= this.size) return;
      const right = left + 1;
      const worst = right < this.size && this.compareSlots(right, left) > 0 ? right : left;
      if (this.compareSlots(worst, slot) <= 0) return;
      this.swap(worst, slot);
      slot = worst;
    }
  }
}

/** Lexicographic comparison of two key rows; 0 when every key ties. */
export function compareKeys(a: Float64Array, b: Float64Array, width: number): number {
  for (let i = 0; i < width; i++) {
    const d = a[i]! - b[i]!;
    if (d !== 0 && !Number.isNaN(d)) return d;
  }
  return 0;
}
