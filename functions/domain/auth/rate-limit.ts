import { createHash } from 'node:crypto';
import { AppError } from '../../platform/errors.ts';
import type { RateCounter } from '../../ports/accounts.port.ts';

export interface RateRule {
  /** Part of the counter key; one name per rule. */
  readonly name: string;
  readonly limit: number;
  readonly windowSeconds: number;
}

const HOUR = 3600;
/** Seed 004: 5 sign-in attempts per hour, per client IP and per email. */
export const LOGIN_PER_IP: RateRule = { name: 'login-ip', limit: 5, windowSeconds: HOUR };
export const LOGIN_PER_EMAIL: RateRule = { name: 'login-email', limit: 5, windowSeconds: HOUR };
/** Password-reset mails per email and per IP: the same pace, so the endpoint cannot spam an inbox. */
export const RESET_PER_EMAIL: RateRule = { name: 'reset-email', limit: 5, windowSeconds: HOUR };
export const RESET_PER_IP: RateRule = { name: 'reset-ip', limit: 20, windowSeconds: HOUR };
/** Seed 004: 1000 API requests per hour per user or key, unless the workspace sets its own. */
export const DEFAULT_API_REQUESTS_PER_HOUR = 1000;
export const apiRule = (limit: number): RateRule => ({ name: 'api', limit, windowSeconds: HOUR });
/** Counters outlive their window a little so a late increment never recreates a dead one. */
const COUNTER_GRACE_SECONDS = 60;

/** Thrown as 429 ERR_RATE_LIMITED; the HTTP layer turns `retryAfterSeconds` into Retry-After. */
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('ERR_RATE_LIMITED', `Too many requests; retry in ${retryAfterSeconds} s`, [{ path: 'rate', message: `Retry after ${retryAfterSeconds} seconds` }]);
  }
}

export interface Hit {
  readonly key: string;
  readonly count: number;
  readonly allowed: boolean;
  readonly retryAfterSeconds: number;
}

/** Emails and IPs are hashed into counter keys: the control table holds no personal data for them. */
const subjectKey = (subject: string): string => createHash('sha256').update(subject, 'utf8').digest('base64url').slice(0, 22);

/**
 * Fixed windows aligned on the epoch: simple, one atomic ADD per hit, and at worst twice the limit
 * across a window boundary, which is acceptable for abuse slowing.
 *
 * ```
 * window:  |----- 12:00-13:00 -----|----- 13:00-14:00 -----|
 * hits:          1 2 3 4 5 [6 → 429, Retry-After = seconds to 13:00]
 * ```
 */
export async function hit(counter: RateCounter, rule: RateRule, subject: string, now = new Date()): Promise<Hit> {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const windowStart = nowSeconds - (nowSeconds % rule.windowSeconds);
  const windowEnd = windowStart + rule.windowSeconds;
  const key = `${rule.name}#${subjectKey(subject)}#${windowStart}`;
  const count = await counter.add(key, 1, windowEnd + COUNTER_GRACE_SECONDS);
  return { key, count, allowed: count <= rule.limit, retryAfterSeconds: Math.max(1, windowEnd - nowSeconds) };
}

/** Counts one hit and throws RateLimitedError when it is over the rule's limit. */
export async function enforce(counter: RateCounter, rule: RateRule, subject: string, now = new Date()): Promise<Hit> {
  const result = await hit(counter, rule, subject, now);
  if (!result.allowed) throw new RateLimitedError(result.retryAfterSeconds);
  return result;
}

/** Gives a hit back (a successful sign-in does not count as a failed attempt). */
export async function refund(counter: RateCounter, result: Hit, rule: RateRule): Promise<void> {
  const windowStart = Number(result.key.split('#').at(-1));
  await counter.add(result.key, -1, windowStart + rule.windowSeconds + COUNTER_GRACE_SECONDS);
}
