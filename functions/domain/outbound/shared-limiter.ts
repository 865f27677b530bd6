/**
 * Rate windows and a concurrency cap shared by every Lambda, on the accounts code's fixed-window
 * counters (one atomic ADD per window, removed by TTL). A caller gets room, waits for it within
 * a bound, or gets an {@link OutboundRequeueError}: a call is never fired to eat a 429.
 *
 * Fixed windows aligned on the epoch, as providers that publish "per minute" limits count them:
 *
 * ```
 * window:   |---- 12:00:00-12:00:10 ----|---- 12:00:10-12:00:20 ----|
 * worker A:   1  3  5 [7 → over: refund, wait to 12:00:10] 7 ...
 * worker B:    2  4  6 [8 → over: refund, wait]              8 ...
 * ```
 *
 * A denied attempt gives its increments back, so waiting callers never eat the room they wait for.
 */
import type { RateCounter } from '../../ports/accounts.port.ts';
import { OutboundRequeueError } from '../../ports/outbound-http.port.ts';
import type { RateWindow } from '../../platform/outbound-config.ts';

/** Counters outlive their window a little so a late refund never recreates a dead one. */
const COUNTER_GRACE_SECONDS = 60;
/**
 * Concurrency leases live in buckets of this length and a slot is counted in its bucket and
 * the previous one, so a Lambda that dies holding a slot frees it within two buckets. Longer
 * than any call's timeout so a live call is always counted.
 */
export const CONCURRENCY_BUCKET_MS = 5 * 60_000;
/** How often a caller waiting for a concurrency slot looks again. */
export const CONCURRENCY_POLL_MS = 100;
/**
 * No call is admitted in the last stretch of a window (5 % of it, at most this long): a call
 * counted just before the boundary could reach the provider just after it, in the provider's
 * next window, and be one too many there.
 */
export const BOUNDARY_GUARD_MAX_MS = 250;
const BOUNDARY_GUARD_SHARE = 0.05;
const boundaryGuardMs = (windowMs: number): number => Math.min(BOUNDARY_GUARD_MAX_MS, Math.floor(windowMs * BOUNDARY_GUARD_SHARE));
/** Spreads waiters that wake at one window boundary over this much time. */
const WAKE_JITTER_MS = 50;

export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface LimitScope {
  /** The counter namespace: a provider (`rocketreach`) or a crawled host (`host:acme.com`). */
  readonly key: string;
  readonly windows: readonly RateWindow[];
  /** Calls in flight across every Lambda; undefined means no cap. */
  readonly concurrency?: number;
}

/** Gives a concurrency slot back; a no-op without a cap. */
export type Release = () => Promise<void>;

const windowKey = (scope: string, window: RateWindow, start: number): string => `out#${scope}#${window.windowMs}#${start}`;

export class SharedLimiter {
  constructor(
    private readonly counter: RateCounter,
    private readonly clock: Clock,
  ) {}

  /**
   * Waits up to `maxWaitMs` for room in every window and a concurrency slot.
   *
   * @example
   * const release = await limiter.acquire({ key: 'rocketreach', windows: [{ limit: 5, windowMs: 1000 }], concurrency: 4 }, 30_000);
   * try { await call(); } finally { await release(); }
   */
  async acquire(scope: LimitScope, maxWaitMs: number, signal?: AbortSignal): Promise<Release> {
    const deadline = this.clock.now() + maxWaitMs;
    // The slot first, the windows last: a call counted in a window must fire at once, before
    // that window's boundary guard runs out, with no slower step in between.
    const release = await this.acquireSlot(scope, deadline, signal);
    try {
      await this.waitFor(scope.key, deadline, signal, () => this.tryWindows(scope));
    } catch (error) {
      await release();
      throw error;
    }
    return release;
  }

  private async acquireSlot(scope: LimitScope, deadline: number, signal: AbortSignal | undefined): Promise<Release> {
    if (scope.concurrency === undefined) return async () => {};
    const cap = scope.concurrency;
    let lease: string | undefined;
    await this.waitFor(scope.key, deadline, signal, async () => {
      const attempt = await this.tryConcurrency(scope.key, cap);
      lease = attempt.lease;
      return attempt.waitMs;
    });
    const held = lease as string;
    return async () => {
      await this.counter.add(held, -1, this.leaseExpiry());
    };
  }

  /** Retries `attempt` (which answers 0 on success, else the ms to wait) until the deadline. */
  private async waitFor(key: string, deadline: number, signal: AbortSignal | undefined, attempt: () => Promise<number>): Promise<void> {
    for (;;) {
      const waitMs = await attempt();
      if (waitMs === 0) return;
      const wake = this.clock.now() + waitMs + Math.floor(Math.random() * WAKE_JITTER_MS);
      if (wake > deadline) throw new OutboundRequeueError(key, Math.max(1, wake - this.clock.now()));
      await this.clock.sleep(wake - this.clock.now(), signal);
    }
  }

  /**
   * Counts one call in every window. On the first full one — or when the counting ran into a
   * window's boundary guard — gives every count back and answers how long to wait.
   */
  private async tryWindows(scope: LimitScope): Promise<number> {
    const now = this.clock.now();
    const taken: Array<{ key: string; expires: number }> = [];
    const refund = () => Promise.all(taken.map((t) => this.counter.add(t.key, -1, t.expires)));
    let guardEnd = Number.POSITIVE_INFINITY;
    for (const window of scope.windows) {
      const start = now - (now % window.windowMs);
      const end = start + window.windowMs;
      const guardStart = end - boundaryGuardMs(window.windowMs);
      if (now >= guardStart) {
        await refund();
        return end - now;
      }
      const key = windowKey(scope.key, window, start);
      const expires = Math.ceil(end / 1000) + COUNTER_GRACE_SECONDS;
      const count = await this.counter.add(key, 1, expires);
      taken.push({ key, expires });
      if (count > window.limit) {
        await refund();
        return Math.max(1, end - now);
      }
      guardEnd = Math.min(guardEnd, guardStart);
    }
    const after = this.clock.now();
    if (after < guardEnd) return 0;
    await refund();
    return Math.max(1, Math.min(...scope.windows.map((w) => w.windowMs - (after % w.windowMs))));
  }

  private leaseExpiry(): number {
    return Math.ceil((this.clock.now() + 2 * CONCURRENCY_BUCKET_MS) / 1000) + COUNTER_GRACE_SECONDS;
  }

  private async tryConcurrency(scope: string, cap: number): Promise<{ waitMs: number; lease?: string }> {
    const bucket = Math.floor(this.clock.now() / CONCURRENCY_BUCKET_MS);
    const lease = `out#${scope}#inflight#${bucket}`;
    const expires = this.leaseExpiry();
    const [mine, previous] = await Promise.all([this.counter.add(lease, 1, expires), this.counter.add(`out#${scope}#inflight#${bucket - 1}`, 0, expires)]);
    if (mine + Math.max(0, previous) <= cap) return { waitMs: 0, lease };
    await this.counter.add(lease, -1, expires);
    return { waitMs: CONCURRENCY_POLL_MS };
  }
}

/** The wall clock, with an abortable sleep. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason as Error);
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(signal?.reason as Error);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};
