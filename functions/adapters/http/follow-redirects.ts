/**
 * One attempt of an outbound call: fetch with manual redirects, every hop re-checked by the SSRF
 * guard (and paced by the caller's per-hop hook), at most MAX_REDIRECTS hops, the body read up
 * to the size cap. Failures come out as typed errors.
 */
import { fetch, type Dispatcher } from 'undici';
import { checkUrl, MAX_REDIRECTS, type GuardPolicy } from '../../domain/outbound/ssrf-guard.ts';
import type { Release } from '../../domain/outbound/shared-limiter.ts';
import { OutboundCallError, UrlBlockedError, type HttpMethod } from '../../ports/outbound-http.port.ts';
import { BodyTooLargeError, readCappedBody } from './capped-body.ts';

export interface HopRequest {
  readonly provider: string;
  readonly url: string;
  readonly method: HttpMethod;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
  readonly maxResponseBytes: number;
  /** Aborts on the whole-response timeout or the caller's cancel. */
  readonly signal: AbortSignal;
}

export interface HopDeps {
  readonly policy: GuardPolicy;
  readonly dispatcher: Dispatcher;
  /** Runs before each hop (per-host pacing); its release runs when the hop is read. */
  readonly beforeHop: (url: URL) => Promise<Release>;
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly url: string;
  readonly body: Uint8Array;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** undici wraps connect-time failures in `TypeError: fetch failed`; the reason is down the cause chain. */
const findCause = <T>(error: unknown, match: (e: unknown) => e is T): T | undefined => {
  for (let current = error, depth = 0; current !== undefined && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    if (match(current)) return current;
  }
  return undefined;
};

const hasCode = (code: string) => (e: unknown): e is Error => (e as { code?: unknown } | null)?.code === code;

/** Turns whatever fetch or the body read threw into a typed error (the caller's own abort passes through). */
const isTlsFailure = (e: unknown): e is Error => {
  const code = String((e as { code?: unknown } | null)?.code ?? '');
  return code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || code === 'EPROTO' || /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code);
};

export function classifyFailure(error: unknown, provider: string, callerSignal?: AbortSignal): Error {
  const blocked = findCause(error, (e): e is UrlBlockedError => e instanceof UrlBlockedError);
  if (blocked) return blocked;
  if (error instanceof OutboundCallError) return error;
  if (callerSignal?.aborted) return callerSignal.reason as Error;
  if (error instanceof BodyTooLargeError) return new OutboundCallError('too_large', provider, error.message);
  if (findCause(error, hasCode('UND_ERR_CONNECT_TIMEOUT'))) return new OutboundCallError('connect_timeout', provider, 'connect timed out', { cause: error });
  if (findCause(error, (e): e is Error => (e as Error | null)?.name === 'TimeoutError')) return new OutboundCallError('timeout', provider, 'response timed out', { cause: error });
  // A TLS handshake that fails (no TLS on the port, a bad certificate) fails the same way again: no retry.
  if (findCause(error, isTlsFailure)) return new OutboundCallError('tls', provider, 'TLS handshake failed', { cause: error });
  return new OutboundCallError('network', provider, (error as Error).message, { cause: error });
}

/** A provider's key must never follow a redirect to another origin. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization', 'x-api-key', 'api-key']);
const withoutCredentials = (headers: Readonly<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !CREDENTIAL_HEADERS.has(name.toLowerCase())));

const headerRecord = (headers: Headers): Record<string, string> => Object.fromEntries(headers.entries());

/**
 * @example
 * const raw = await fetchFollowingRedirects({ provider: 'website', url: 'https://acme.com/', method: 'GET', headers: {}, maxResponseBytes: 5_000_000, signal }, deps);
 */
export async function fetchFollowingRedirects(request: HopRequest, deps: HopDeps): Promise<RawResponse> {
  let current = request.url;
  let method = request.method;
  let body = request.body;
  let headers = request.headers;
  for (let hop = 0; ; hop++) {
    const url = checkUrl(current, deps.policy);
    const release = await deps.beforeHop(url);
    try {
      const response = await fetch(url, { method, headers, body, redirect: 'manual', dispatcher: deps.dispatcher, signal: request.signal });
      const location = response.headers.get('location');
      if (REDIRECT_STATUSES.has(response.status) && location !== null) {
        await response.body?.cancel().catch(() => undefined);
        if (hop >= MAX_REDIRECTS) throw new UrlBlockedError('too_many_redirects', url.href);
        const next = new URL(location, url);
        if (next.origin !== url.origin) headers = withoutCredentials(headers);
        current = next.href;
        if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
          method = 'GET';
          body = undefined;
        }
        continue;
      }
      const declared = Number(response.headers.get('content-length') ?? Number.NaN);
      const encoded = response.headers.get('content-encoding') !== null;
      if (!encoded && declared > request.maxResponseBytes) {
        await response.body?.cancel().catch(() => undefined);
        throw new BodyTooLargeError(request.maxResponseBytes);
      }
      const bytes = await readCappedBody(response.body, request.maxResponseBytes);
      return { status: response.status, headers: headerRecord(response.headers), url: url.href, body: bytes };
    } catch (error) {
      throw classifyFailure(error, request.provider, undefined);
    } finally {
      await release();
    }
  }
}
