/**
 * The outbound adapter on fetch (undici): per call, in order —
 *
 * ```
 * robots.txt (websites) → breaker → shared limits (wait or requeue) → guarded fetch, hop by hop
 *   → 429/5xx/timeout/network: back off (Retry-After or jittered exponential), try again
 *   → call log entry (status, latency, bytes, credits, attempts)
 * ```
 */
import type { Dispatcher } from 'undici';
import { CircuitBreaker, backoffMs, isRetryableStatus, MAX_RETRY_AFTER_MS, parseRetryAfterMs } from '../../domain/outbound/retry-policy.ts';
import type { Clock, LimitScope, Release, SharedLimiter } from '../../domain/outbound/shared-limiter.ts';
import type { GuardPolicy, HostResolver } from '../../domain/outbound/ssrf-guard.ts';
import type { OutboundConfig, ProviderName, ProviderSettings } from '../../platform/outbound-config.ts';
import type { CallLog } from '../../ports/call-log.port.ts';
import { OutboundCallError, OutboundRequeueError, type OutboundHttp, type OutboundRequest, type OutboundResponse } from '../../ports/outbound-http.port.ts';
import { classifyFailure, fetchFollowingRedirects, type RawResponse } from './follow-redirects.ts';
import { createGuardedDispatcher } from './guarded-dispatcher.ts';
import { ROBOTS_MAX_BYTES, RobotsCache } from './robots-cache.ts';

/** How long a call may wait for rate-limit room before the caller is told to requeue. */
export const DEFAULT_MAX_WAIT_MS = 30_000;
/** The provider whose URLs are absolute, user-supplied, paced per host and subject to robots.txt. */
const WEBSITE_PROVIDER: ProviderName = 'website';

export interface FetchOutboundHttpDeps {
  readonly config: OutboundConfig;
  readonly limiter: SharedLimiter;
  readonly callLog: CallLog;
  readonly clock: Clock;
  readonly resolver: HostResolver;
  readonly random?: () => number;
  readonly logFailure?: (message: string, error: unknown) => void;
}

type Outcome = { readonly raw: RawResponse } | { readonly error: Error };

/**
 * @example
 * const http = new FetchOutboundHttp({ config: config().outbound, limiter: new SharedLimiter(new DynamoRateCounter(doc, table), systemClock), callLog: new DynamoCallLog(doc, table), clock: systemClock, resolver: systemResolver });
 * const page = await http.request({ provider: 'website', operation: 'page', url: 'https://acme.com/contact', workspaceId, jobId });
 */
export class FetchOutboundHttp implements OutboundHttp {
  private readonly breakers = new Map<string, CircuitBreaker>();
  private readonly dispatchers = new Map<string, Dispatcher>();
  private readonly policy: GuardPolicy;
  private readonly robots: RobotsCache;
  private readonly random: () => number;

  constructor(private readonly deps: FetchOutboundHttpDeps) {
    this.policy = { allowHosts: deps.config.allowHosts, connectTo: deps.config.connectTo };
    this.robots = new RobotsCache(deps.config.crawler.userAgent, () => deps.clock.now());
    this.random = deps.random ?? Math.random;
  }

  async request(request: OutboundRequest): Promise<OutboundResponse> {
    const settings = this.deps.config.providers[request.provider];
    const startedAt = this.deps.clock.now();
    const progress = { attempts: 0 };
    let result: RawResponse | undefined;
    let failure: unknown;
    try {
      const url = new URL(request.url, `${settings.baseUrl}/`).href;
      if (request.provider === WEBSITE_PROVIDER && request.ignoreRobots !== true) await this.checkRobots(url, settings, request);
      result = await this.withRetries(url, settings, request, progress);
      return toResponse(result, progress.attempts);
    } catch (error) {
      failure = error;
      throw error;
    } finally {
      await this.log(request, startedAt, progress.attempts, result, failure);
    }
  }

  private async withRetries(url: string, settings: ProviderSettings, request: OutboundRequest, progress: { attempts: number }): Promise<RawResponse> {
    // Websites are independent hosts: one dead site must not open the breaker for every other.
    const breaker = this.breakerFor(settings.name === WEBSITE_PROVIDER ? `${settings.name}:${new URL(url).host}` : settings.name);
    for (let attempt = 0; ; attempt++) {
      const blockedFor = breaker.admit(this.deps.clock.now());
      if (blockedFor > 0) throw new OutboundCallError('circuit_open', settings.name, 'circuit open after repeated failures', { retryAfterMs: blockedFor });
      const release = await this.deps.limiter.acquire(this.providerScope(settings, request), request.maxWaitMs ?? DEFAULT_MAX_WAIT_MS, request.signal);
      progress.attempts = attempt + 1;
      const outcome = await this.attempt(url, settings, request).finally(release);
      const retryable = 'raw' in outcome ? isRetryableStatus(outcome.raw.status) : isRetryableError(outcome.error);
      if (retryable) breaker.failure(this.deps.clock.now());
      else breaker.success();
      if (!retryable || attempt >= settings.maxRetries) {
        if ('raw' in outcome) return outcome.raw;
        throw outcome.error;
      }
      const header = 'raw' in outcome ? outcome.raw.headers['retry-after'] : undefined;
      const waitMs = parseRetryAfterMs(header, this.deps.clock.now()) ?? backoffMs(attempt, this.random);
      if (waitMs > Math.min(MAX_RETRY_AFTER_MS, request.maxWaitMs ?? DEFAULT_MAX_WAIT_MS)) throw new OutboundRequeueError(settings.name, waitMs);
      await this.deps.clock.sleep(waitMs, request.signal);
    }
  }

  private async attempt(url: string, settings: ProviderSettings, request: OutboundRequest): Promise<Outcome> {
    const signal = request.signal ? AbortSignal.any([request.signal, AbortSignal.timeout(settings.timeoutMs)]) : AbortSignal.timeout(settings.timeoutMs);
    try {
      const raw = await fetchFollowingRedirects(
        { provider: settings.name, url, method: request.method ?? 'GET', headers: this.headersFor(request), body: request.body, maxResponseBytes: settings.maxResponseBytes, signal },
        { policy: this.policy, dispatcher: this.dispatcherFor(settings), beforeHop: (hop) => this.paceHost(hop, settings, request) },
      );
      return { raw };
    } catch (error) {
      if (request.signal?.aborted) throw request.signal.reason;
      // Guard refusals and requeues are the caller's to see, never retried.
      if (error instanceof OutboundRequeueError) throw error;
      return { error: classifyFailure(error, settings.name, request.signal) };
    }
  }

  private async checkRobots(url: string, settings: ProviderSettings, request: OutboundRequest): Promise<void> {
    const fetchRobots = async (robotsUrl: string): Promise<RawResponse> => {
      const signal = AbortSignal.timeout(settings.timeoutMs);
      const deps = { policy: this.policy, dispatcher: this.dispatcherFor(settings), beforeHop: (hop: URL) => this.paceHost(hop, settings, request) };
      return fetchFollowingRedirects({ provider: settings.name, url: robotsUrl, method: 'GET', headers: this.headersFor(request), maxResponseBytes: ROBOTS_MAX_BYTES, signal }, deps);
    };
    if (!(await this.robots.allows(new URL(url), fetchRobots))) throw new OutboundCallError('robots', settings.name, `robots.txt disallows ${url}`);
  }

  /** Websites are paced per host (shared across Lambdas); providers only by their own windows. */
  private async paceHost(url: URL, settings: ProviderSettings, request: OutboundRequest): Promise<Release> {
    if (settings.name !== WEBSITE_PROVIDER) return async () => {};
    const perSecond = this.deps.config.crawler.hostRatePerSecond;
    const window = perSecond >= 1 ? { limit: Math.floor(perSecond), windowMs: 1_000 } : { limit: 1, windowMs: Math.round(1_000 / perSecond) };
    return this.deps.limiter.acquire({ key: `host:${url.host}`, windows: [window] }, request.maxWaitMs ?? DEFAULT_MAX_WAIT_MS, request.signal);
  }

  private headersFor(request: OutboundRequest): Record<string, string> {
    return { 'user-agent': this.deps.config.crawler.userAgent, 'accept-encoding': 'gzip, deflate, br', ...request.headers };
  }

  private providerScope(settings: ProviderSettings, request: OutboundRequest): LimitScope {
    return { key: request.limitScope === undefined ? settings.name : `${settings.name}#${request.limitScope}`, windows: settings.rateLimits, concurrency: settings.concurrency > 0 ? settings.concurrency : undefined };
  }

  private breakerFor(provider: string): CircuitBreaker {
    let breaker = this.breakers.get(provider);
    if (!breaker) this.breakers.set(provider, (breaker = new CircuitBreaker()));
    return breaker;
  }

  private dispatcherFor(settings: ProviderSettings): Dispatcher {
    let dispatcher = this.dispatchers.get(settings.name);
    if (!dispatcher) {
      dispatcher = createGuardedDispatcher({ policy: this.policy, resolver: this.deps.resolver, connectTimeoutMs: settings.connectTimeoutMs });
      this.dispatchers.set(settings.name, dispatcher);
    }
    return dispatcher;
  }

  /** A lost call-log write must not fail the call it describes. */
  private async log(request: OutboundRequest, startedAt: number, attempts: number, raw: RawResponse | undefined, failure: unknown): Promise<void> {
    const entry = {
      workspaceId: request.workspaceId,
      provider: request.provider,
      operation: request.operation,
      status: raw?.status ?? 0,
      ...(failure instanceof Error ? { error: (failure as { code?: string }).code ?? failure.name } : {}),
      latencyMs: this.deps.clock.now() - startedAt,
      bytes: raw?.body.byteLength ?? 0,
      credits: raw !== undefined && raw.status < 400 ? (request.credits ?? 0) : 0,
      attempts,
      ...(request.jobId !== undefined ? { jobId: request.jobId } : {}),
      ...(request.caller !== undefined ? { caller: request.caller } : {}),
      at: new Date(startedAt).toISOString(),
    };
    await this.deps.callLog.record(entry).catch((error: unknown) => this.deps.logFailure?.('call log write failed', error));
  }

  /** Closes pooled sockets (tests, benchmarks). */
  async close(): Promise<void> {
    await Promise.all([...this.dispatchers.values()].map((d) => d.close()));
    this.dispatchers.clear();
  }
}

const isRetryableError = (error: Error): boolean => error instanceof OutboundCallError && (error.failure === 'timeout' || error.failure === 'connect_timeout' || error.failure === 'network');

function toResponse(raw: RawResponse, attempts: number): OutboundResponse {
  return {
    ...raw,
    attempts,
    text: () => new TextDecoder().decode(raw.body),
    json: () => JSON.parse(new TextDecoder().decode(raw.body)) as unknown,
  };
}
