import { SIGNAL_TYPE_SPECS, type SignalType } from './signal-types.ts';

const DAY_MS = 86_400_000;

/**
 * The type's weight halved every `halfLifeDays` since the filing, in 0..1, two decimals.
 *
 * @example
 * urgencyScore('ACQUISITION', '2026-11-01', new Date('2026-12-31')); // 0.9 · 0.5^(60/60) = 0.45
 */
export function urgencyScore(type: SignalType, filedOn: string, now: Date): number {
  const spec = SIGNAL_TYPE_SPECS[type];
  // Whole days: EDGAR dates filings by day, so a filing is as fresh all through the day it was filed.
  const ageDays = Math.max(0, Math.floor((now.getTime() - Date.parse(filedOn)) / DAY_MS));
  const score = spec.weight * 0.5 ** (ageDays / spec.halfLifeDays);
  return Math.min(1, Math.max(0, Math.round(score * 100) / 100));
}
