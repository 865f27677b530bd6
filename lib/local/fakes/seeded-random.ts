import { createHash } from 'node:crypto';

/**
 * A small deterministic generator (mulberry32) seeded from a string: the same seed gives the
 * same data and the same sequence of injected errors, run after run.
 */
export const seededRandom = (seed: string): (() => number) => {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};
