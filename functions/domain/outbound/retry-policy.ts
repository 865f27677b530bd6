/**
 * When to retry an outbound call and how long to wait, and a circuit breaker per provider.
 * Pure (time and randomness are passed in).
 */

export const BACKOFF_BASE_MS = 200;
export const BACKOFF_MAX_MS = 20_000;
/** A Retry-After longer than this is not waited for in-call: the caller requeues instead. */
export const MAX_RETRY_AFTER_MS = 60_000;
export const BREAKER_FAILURE_THRESHOLD = 5;
export const BREAKER_OPEN_MS = 30_000;

/** 408, 425, 429 and 5xx may answer differently next time; any other 4xx will fail again. */
export const isRetryableStatus = (status: number): boolean => status === 408 || status === 425 || status === 429 || (status >= 500 && status <= 599 && status !== 501);

/**
 * "Full jitter" exponential backoff: a random wait in [0, min(max, base·2^attempt)], so
 * workers that failed together do not retry together.
 *
 * @example
 * backoffMs(2, Math.random); // somewhere in 0..800
 */
export const backoffMs = (attempt: number, random: () => number, baseMs = BACKOFF_BASE_MS, maxMs = BACKOFF_MAX_MS): number =>
  Math.floor(random() * Math.min(maxMs, baseMs * 2 ** attempt));

/**
 * Parses a Retry-After header: delta-seconds or an HTTP-date; undefined when absent or unreadable.
 *
 * @example
 * parseRetryAfterMs('3', now);                              // 3000
 * parseRetryAfterMs('Fri, 04 Dec 2026 16:00:05 GMT', now);  // ms from now to then, at least 0
 */
export function parseRetryAfterMs(header: string | null | undefined, nowMs: number): number | undefined {
  if (header === null || header === undefined) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

export type BreakerState = 'closed' | 'open' | 'half_open';

/**
 * Opens after `threshold` consecutive failures; after `openMs` lets ONE probe through
 * (half-open): its success closes the breaker, its failure opens it again.
 *
 * @example
 * const breaker = new CircuitBreaker();
 * const wait = breaker.admit(Date.now()); // 0 = go; > 0 = ms until a probe is allowed
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private state: BreakerState = 'closed';
  private probing = false;

  constructor(
    private readonly threshold = BREAKER_FAILURE_THRESHOLD,
    private readonly openMs = BREAKER_OPEN_MS,
  ) {}

  get current(): BreakerState {
    return this.state;
  }

  /** 0 when a call may go now, else the ms until the breaker lets a probe through. */
  admit(nowMs: number): number {
    if (this.state === 'closed') return 0;
    if (this.state === 'open') {
      const left = this.openedAt + this.openMs - nowMs;
      if (left > 0) return left;
      this.state = 'half_open';
    }
    if (this.probing) return this.openMs;
    this.probing = true;
    return 0;
  }

  success(): void {
    this.failures = 0;
    this.state = 'closed';
    this.probing = false;
  }

  failure(nowMs: number): void {
    this.failures += 1;
    this.probing = false;
    if (this.state === 'half_open' || this.failures >= this.threshold) {
      this.state = 'open';
      this.openedAt = nowMs;
    }
  }
}
