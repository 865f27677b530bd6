/**
 * Apollo's rate limits as its reference describes them: per team and per endpoint, in three fixed
 * windows at once (minute, hour, day) that open on the first request rather than on the clock.
 * A call over any window gets 429 with `retry-after` (seconds until that window closes) and does
 * not count; every counted call carries the usage headers.
 */

export interface RateLimits {
  /** 0 means no limit in that window. */
  readonly perMinute: number;
  readonly perHour: number;
  readonly perDay: number;
}

const WINDOWS = [
  { name: 'minute', ms: 60_000, limitHeader: 'x-rate-limit-minute', usageHeader: 'x-minute-usage', leftHeader: 'x-minute-requests-left', limitOf: (limits: RateLimits) => limits.perMinute },
  { name: 'hour', ms: 3_600_000, limitHeader: 'x-rate-limit-hourly', usageHeader: 'x-hourly-usage', leftHeader: 'x-hourly-requests-left', limitOf: (limits: RateLimits) => limits.perHour },
  { name: 'day', ms: 86_400_000, limitHeader: 'x-rate-limit-24-hour', usageHeader: 'x-24-hour-usage', leftHeader: 'x-24-hour-requests-left', limitOf: (limits: RateLimits) => limits.perDay },
] as const;

type WindowName = (typeof WINDOWS)[number]['name'];

interface WindowState {
  start: number;
  count: number;
}

export type RateDecision =
  | { readonly allowed: true; readonly headers: Record<string, string> }
  | { readonly allowed: false; readonly retryAfterSeconds: number; readonly window: WindowName; readonly limit: number };

export interface RateLimiter {
  /** Counts one call of `key` (channel and endpoint) at `now`, unless a window is full. */
  take(key: string, limits: RateLimits, now: number): RateDecision;
  reset(): void;
}

export const createRateLimiter = (): RateLimiter => {
  const state = new Map<string, WindowState[]>();
  return {
    take(key, limits, now) {
      const windows = state.get(key) ?? WINDOWS.map(() => ({ start: now, count: 0 }));
      state.set(key, windows);
      WINDOWS.forEach((window, index) => {
        const current = windows[index] as WindowState;
        if (now - current.start >= window.ms) Object.assign(current, { start: now, count: 0 });
      });
      for (const [index, window] of WINDOWS.entries()) {
        const limit = window.limitOf(limits);
        const current = windows[index] as WindowState;
        if (limit > 0 && current.count >= limit) {
          return { allowed: false, window: window.name, limit, retryAfterSeconds: Math.max(1, Math.ceil((current.start + window.ms - now) / 1000)) };
        }
      }
      const headers: Record<string, string> = {};
      WINDOWS.forEach((window, index) => {
        const current = windows[index] as WindowState;
        current.count += 1;
        const limit = window.limitOf(limits);
        headers[window.limitHeader] = limit > 0 ? String(limit) : '';
        if (limit > 0) {
          headers[window.usageHeader] = String(current.count);
          headers[window.leftHeader] = String(Math.max(0, limit - current.count));
        }
      });
      return { allowed: true, headers };
    },
    reset: () => state.clear(),
  };
};
