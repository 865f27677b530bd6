/**
 * The one way functions/ talks to the outside world. An adapter (functions/adapters/http)
 * applies, for every call: the SSRF guard on every hop, the provider's shared rate limits and
 * concurrency cap, retries with backoff, a circuit breaker, timeouts, a decompressed size cap,
 * and a call-log entry.
 */
import { AppError } from '../platform/errors.ts';
import type { ProviderName } from '../platform/outbound-config.ts';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface OutboundRequest {
  readonly provider: ProviderName;
  /** A short name for the call log and analytics, e.g. `person_lookup`, `page`. */
  readonly operation: string;
  /** A path joined to the provider's base URL, or an absolute URL (websites). */
  readonly url: string;
  readonly method?: HttpMethod;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
  /** Who pays and who asked: written to the call log. */
  readonly workspaceId: string;
  readonly jobId?: string;
  readonly caller?: string;
  /** Provider credits this call spends when it succeeds (call log only). */
  readonly credits?: number;
  /**
   * How long the caller may wait for rate-limit room before getting an
   * {@link OutboundRequeueError}; 0 never waits. Defaults to the adapter's bound.
   */
  readonly maxWaitMs?: number;
  /**
   * Counts this call's rate windows and concurrency under `<provider>#<limitScope>` instead of
   * the provider as a whole: for providers whose limits belong to each customer's own account
   * (Apollo counts per API key, so per workspace).
   */
  readonly limitScope?: string;
  /** Websites only: skip the robots.txt check. A job sets it only on an explicit opt-out. */
  readonly ignoreRobots?: boolean;
  /** Cancels the call (and any wait for rate-limit room). */
  readonly signal?: AbortSignal;
}

export interface OutboundResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The URL that answered, after redirects. */
  readonly url: string;
  /** The decompressed body, never more than the provider's size cap. */
  readonly body: Uint8Array;
  /** Attempts made (1 when the first one answered). */
  readonly attempts: number;
  text(): string;
  json(): unknown;
}

/**
 * @example
 * const response = await http.request({ provider: 'rocketreach', operation: 'person_lookup', url: '/api/v2/person/lookup?id=5', workspaceId });
 * if (response.status === 200) use(response.json());
 */
export interface OutboundHttp {
  request(request: OutboundRequest): Promise<OutboundResponse>;
}

/** Why the SSRF guard refused a URL; stable, for job reports. */
export type UrlBlockReason =
  | 'invalid_url'
  | 'scheme'
  | 'credentials_in_url'
  | 'port'
  | 'metadata_host'
  | 'unresolvable_host'
  | 'private_address'
  | 'loopback_address'
  | 'link_local_address'
  | 'cgnat_address'
  | 'multicast_address'
  | 'unique_local_address'
  | 'unspecified_address'
  | 'broadcast_address'
  | 'reserved_address'
  | 'too_many_redirects';

export class UrlBlockedError extends AppError {
  constructor(
    readonly reason: UrlBlockReason,
    readonly url: string,
  ) {
    super('ERR_URL_BLOCKED', `URL refused: ${reason}`, [{ path: 'url', message: reason }]);
    this.name = 'UrlBlockedError';
  }
}

/** Rate-limit room will not come within the caller's wait bound: put the work back, retry after `retryAfterMs`. */
export class OutboundRequeueError extends AppError {
  constructor(
    readonly provider: string,
    readonly retryAfterMs: number,
  ) {
    super('ERR_OUTBOUND_REQUEUE', `${provider}: over its rate limits; requeue after ${retryAfterMs} ms`, [{ path: 'provider', message: provider }]);
    this.name = 'OutboundRequeueError';
  }
}

export type OutboundFailure = 'connect_timeout' | 'timeout' | 'network' | 'tls' | 'circuit_open' | 'too_large' | 'robots';

const FAILURE_CODE = {
  connect_timeout: 'ERR_OUTBOUND_TIMEOUT',
  timeout: 'ERR_OUTBOUND_TIMEOUT',
  network: 'ERR_OUTBOUND_NETWORK',
  tls: 'ERR_OUTBOUND_NETWORK',
  circuit_open: 'ERR_OUTBOUND_CIRCUIT_OPEN',
  too_large: 'ERR_OUTBOUND_RESPONSE_TOO_LARGE',
  robots: 'ERR_OUTBOUND_ROBOTS_DISALLOWED',
} as const;

/** A call that failed for a reason other than the guard or the limits. */
export class OutboundCallError extends AppError {
  constructor(
    readonly failure: OutboundFailure,
    readonly provider: string,
    message: string,
    options?: { cause?: unknown; retryAfterMs?: number },
  ) {
    super(FAILURE_CODE[failure], `${provider}: ${message}`, [{ path: 'provider', message: failure }], options);
    this.name = 'OutboundCallError';
    this.retryAfterMs = options?.retryAfterMs;
  }

  /** For `circuit_open`: when the breaker lets a probe through. */
  readonly retryAfterMs: number | undefined;
}
