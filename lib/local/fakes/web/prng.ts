/**
 * A small seeded PRNG for the fake web. Every site and every page draws from its own stream,
 * derived from the seed and a label (the domain, the path), so pages can be rendered lazily and
 * in any order and still come out byte for byte the same for the same seed.
 */

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Up to `count` distinct items, in a shuffled order. */
  sample<T>(items: readonly T[], count: number): T[];
  shuffle<T>(items: readonly T[]): T[];
  /** `length` decimal digits as a string. */
  digits(length: number): string;
  /** `length` lowercase hex digits. */
  hex(length: number): string;
}

/** FNV-1a over the string, then a murmur-style finaliser: a 32-bit hash that spreads short labels well. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** sfc32: four 32-bit words of state, fast, and good enough for synthetic content. */
function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** A stream for `seed` and a label; the same pair always yields the same sequence. */
export function createRng(seed: number | string, label = ''): Rng {
  const key = `${seed}\u0000${label}`;
  const next = sfc32(hash32(`a${key}`), hash32(`b${key}`), hash32(`c${key}`), hash32(`d${key}`));
  // The first outputs of sfc32 correlate with its seed words; discarding a few decorrelates them.
  for (let i = 0; i < 12; i++) next();
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const shuffle = <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = int(0, i);
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  };
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(0, items.length - 1)] as T;
    },
    sample: (items, count) => shuffle(items).slice(0, count),
    shuffle,
    digits: (length) => Array.from({ length }, () => String(int(0, 9))).join(''),
    hex: (length) => Array.from({ length }, () => int(0, 15).toString(16)).join(''),
  };
}
