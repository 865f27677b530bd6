/**
 * What every lookup shares: the workspace's key, the cache, the per-user limit, waiting out the
 * provider's rate limit, and the credit ledger. One operation (functions/domain/lookups/*) is a
 * `runProviderCall` around one provider call.
 */
import { createHash } from 'node:crypto';
import type { RateCounter } from '../../ports/accounts.port.ts';
import type { LookupCache } from '../../ports/lookup-cache.port.ts';
import type { CreditLedger, LookupRegistry, ProviderKeyStore } from '../../ports/lookups.port.ts';
import { ProviderError, type PeopleDataProvider, type ProviderCall } from '../../ports/people-data.port.ts';
import { AppError } from '../../platform/errors.ts';
import { enforce } from '../auth/rate-limit.ts';
import type { CreditAlertDeps } from './credit-alerts.ts';
import { RATE_LIMIT_MAX_ATTEMPTS, RATE_LIMIT_MAX_WAIT_MS, USER_LIMIT_WINDOW_SECONDS } from './lookup-limits.ts';
import type { PollClock } from './poll-lookup.ts';
import type { ProviderKeyBox } from './provider-key-box.ts';
import type { LookupStoreDeps } from './store-lookup-results.ts';

export interface LookupTtls {
  readonly lookupSeconds: number;
  readonly searchSeconds: number;
  readonly accountSeconds: number;
}

export interface LookupDeps {
  readonly provider: PeopleDataProvider;
  readonly cache: LookupCache;
  readonly ledger: CreditLedger;
  readonly registry: LookupRegistry;
  readonly keys: ProviderKeyStore;
  readonly keyBox: ProviderKeyBox;
  /** The deployment-wide key used when a workspace has none of its own. */
  readonly defaultKey?: string;
  readonly counter: RateCounter;
  readonly userLookupsPerHour: number;
  readonly store: LookupStoreDeps;
  readonly alerts: CreditAlertDeps;
  readonly lowCreditThreshold: number;
  readonly ttl: LookupTtls;
  readonly pollBudgetMs: number;
  readonly clock: PollClock;
}

export interface Caller {
  readonly workspaceId: string;
  readonly userId?: string;
  readonly jobId?: string;
}

/** What a result was worth, written to the ledger beside its credits (usage analytics read it). */
export interface LedgerFacts {
  readonly credits: number;
  readonly employer?: string;
  readonly industry?: string;
}

/** Order-independent JSON, so `{a,b}` and `{b,a}` share a cache entry. */
const stableJson = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(stableJson).join(',')}]`
    : value && typeof value === 'object'
      ? `{${Object.entries(value as Record<string, unknown>)
          .filter(([, v]) => v !== undefined)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`)
          .join(',')}}`
      : JSON.stringify(value);

/** Trimmed, whitespace-collapsed and lowercased: "Jane  Doe" and "jane doe" are one lookup. */
export const normaliseInput = (input: Readonly<Record<string, unknown>>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(input)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => [k, typeof v === 'string' ? v.trim().replace(/\s+/g, ' ').toLowerCase() : v]),
  );

export const cacheKeyFor = (provider: string, operation: string, input: Readonly<Record<string, unknown>>): string =>
  `${provider}:${operation}:${createHash('sha256').update(stableJson(normaliseInput(input))).digest('base64url')}`;

/** The workspace's own key, else the deployment default; a workspace with neither gets a 4xx it can act on. */
export async function providerCallFor(deps: LookupDeps, caller: Caller): Promise<ProviderCall> {
  const sealed = await deps.keys.get(caller.workspaceId, deps.provider.name);
  const own = sealed ? deps.keyBox.open(caller.workspaceId, sealed) : undefined;
  const apiKey = own ?? deps.defaultKey;
  if (!apiKey) throw new AppError('ERR_PROVIDER_AUTH', `No ${deps.provider.name} API key: an admin sets one with POST /v1/lookups/account/key`, [{ path: 'api_key', message: 'not set' }]);
  return { apiKey, workspaceId: caller.workspaceId, ...(caller.userId ? { userId: caller.userId } : {}), ...(caller.jobId ? { jobId: caller.jobId } : {}) };
}

/** The seed's user-specific limit, on top of the provider's own: only calls that reach the provider count. */
export const enforceUserLimit = (deps: LookupDeps, caller: Caller): Promise<unknown> =>
  enforce(deps.counter, { name: `lookups-${deps.provider.name}`, limit: deps.userLookupsPerHour, windowSeconds: USER_LIMIT_WINDOW_SECONDS }, `${caller.workspaceId}#${caller.userId ?? 'workspace'}`);

/**
 * Calls the provider, waiting out its 429s (Retry-After) within a bound: a caller sees a 429 only
 * when the provider asks for a longer pause than the request can wait.
 */
export async function withRateLimitWaits<T>(deps: LookupDeps, run: () => Promise<T>): Promise<T> {
  let waited = 0;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof ProviderError) || error.failure !== 'rate_limited' || attempt >= RATE_LIMIT_MAX_ATTEMPTS) throw error;
      const pause = error.retryAfterMs ?? 1000;
      if (waited + pause > RATE_LIMIT_MAX_WAIT_MS) throw error;
      waited += pause;
      await deps.clock.sleep(pause);
    }
  }
}

export async function recordCredits(deps: LookupDeps, caller: Caller, operation: string, facts: LedgerFacts): Promise<void> {
  await deps.ledger.record({
    workspaceId: caller.workspaceId,
    provider: deps.provider.name,
    operation,
    credits: facts.credits,
    at: new Date(deps.clock.now()).toISOString(),
    ...(caller.userId ? { userId: caller.userId } : {}),
    ...(caller.jobId ? { jobId: caller.jobId } : {}),
    ...(facts.employer ? { employer: facts.employer } : {}),
    ...(facts.industry ? { industry: facts.industry } : {}),
  });
}

export interface Cached<T> {
  readonly value: T;
  readonly cached: boolean;
}

/**
 * The cache in front of one operation: a hit costs no credit and no provider call; a miss counts
 * against the user's limit, calls the provider, and is kept when `keep` says the answer is final.
 */
export async function cachedCall<T extends Record<string, unknown>>(
  deps: LookupDeps,
  caller: Caller,
  key: string,
  ttlSeconds: number,
  fetch: () => Promise<T>,
  keep: (value: T) => boolean = () => true,
): Promise<Cached<T>> {
  const hit = await deps.cache.get(caller.workspaceId, key);
  if (hit) return { value: hit as T, cached: true };
  await enforceUserLimit(deps, caller);
  const value = await fetch();
  if (keep(value) && ttlSeconds > 0) await deps.cache.put(caller.workspaceId, key, value, ttlSeconds);
  return { value, cached: false };
}
