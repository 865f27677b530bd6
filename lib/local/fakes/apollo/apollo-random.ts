/**
 * Cheap deterministic randomness for the fake Apollo. A whole dataset draws from one stream at
 * generation; a person draws from a stream keyed by (seed, organisation, person) so people can be
 * made on demand, in any order, and come out the same every time.
 */
import { createHash } from 'node:crypto';

export const hashSeed = (seed: string): number => createHash('sha256').update(seed).digest().readUInt32LE(0);

/** A 32-bit integer mix (murmur3 finaliser) of up to three integers and a seed hash. */
export const mix32 = (seedHash: number, a: number, b = 0, c = 0): number => {
  let h = (seedHash ^ Math.imul(a + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) ^ Math.imul(c + 0x1b873593, 0x27d4eb2f);
  h ^= h >>> 16;
  return h >>> 0;
};

/** mulberry32 from a 32-bit state: fast, and enough for synthetic data. */
export const streamFrom = (state: number): (() => number) => {
  let s = state >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

export type Draw = () => number;

export const intBetween = (draw: Draw, min: number, max: number): number => min + Math.floor(draw() * (max - min + 1));

export const pickOne = <T>(draw: Draw, items: readonly T[]): T => {
  if (items.length === 0) throw new Error('pick from an empty list');
  return items[Math.floor(draw() * items.length)] as T;
};

/** A picker over weights: precomputes the cumulative table once, then picks an index in O(log n). */
export const weightedPicker = (weights: readonly number[]): ((draw: Draw) => number) => {
  const cumulative: number[] = [];
  let total = 0;
  for (const weight of weights) cumulative.push((total += weight));
  return (draw) => {
    const target = draw() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] ?? 0) > target) high = middle;
      else low = middle + 1;
    }
    return low;
  };
};

export const hex = (value: number, width: number): string => (value >>> 0).toString(16).padStart(width, '0').slice(-width);
