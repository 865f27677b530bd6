/** mulberry32: a seeded PRNG, so every run builds the same corpus. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks from a list with Zipf-like weights 1/(rank+1)^skew: a few values are common, most are rare. */
export class SkewedPicker<T> {
  private readonly cumulative: Float64Array;

  constructor(
    private readonly values: readonly T[],
    skew: number,
  ) {
    this.cumulative = new Float64Array(values.length);
    let sum = 0;
    for (let i = 0; i < values.length; i++) {
      sum += 1 / (i + 1) ** skew;
      this.cumulative[i] = sum;
    }
    for (let i = 0; i < values.length; i++) this.cumulative[i]! /= sum;
  }

  pick(rnd: () => number): T {
    const r = rnd();
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return this.values[lo]!;
  }

  /** `n` distinct values. */
  pickDistinct(rnd: () => number, n: number): T[] {
    const out = new Set<T>();
    for (let attempts = 0; out.size < n && attempts < n * 10; attempts++) out.add(this.pick(rnd));
    return [...out];
  }
}

/** A standard normal sample (Box-Muller). */
export function normal(rnd: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
}

/** A uuid-shaped id drawn from the PRNG. */
export function uuidFrom(rnd: () => number): string {
  let hex = '';
  for (let i = 0; i < 4; i++) hex += Math.floor(rnd() * 2 ** 32).toString(16).padStart(8, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
