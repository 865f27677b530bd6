/**
 * An undici Agent whose every socket opens to an address the SSRF guard checked at connect
 * time: the `connect-to` target or a resolved address, never a second DNS answer. The URL,
 * the Host header and the TLS server name stay the original host's.
 */
import { lookup } from 'node:dns/promises';
import { Agent, buildConnector } from 'undici';
import { resolveTarget, type GuardPolicy, type HostResolver } from '../../domain/outbound/ssrf-guard.ts';

/** Every A and AAAA answer of the system resolver, as the guard must check all of them. */
export const systemResolver: HostResolver = async (hostname) => (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

/** Idle keep-alive sockets are closed after this long: they were checked against an old DNS answer. */
const KEEP_ALIVE_TIMEOUT_MS = 10_000;

export interface GuardedDispatcherOptions {
  readonly policy: GuardPolicy;
  readonly resolver: HostResolver;
  readonly connectTimeoutMs: number;
}

/**
 * @example
 * const dispatcher = createGuardedDispatcher({ policy, resolver: systemResolver, connectTimeoutMs: 5000 });
 * await fetch('https://acme.com/', { dispatcher, redirect: 'manual' });
 */
export function createGuardedDispatcher({ policy, resolver, connectTimeoutMs }: GuardedDispatcherOptions): Agent {
  const connector = buildConnector({ timeout: connectTimeoutMs });
  return new Agent({
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    connect: (options, callback) => {
      const url = new URL(`${options.protocol}//${options.host}`);
      resolveTarget(url, policy, resolver).then(
        (target) => connector({ ...options, hostname: target.address, port: String(target.port) }, callback),
        (error: Error) => callback(error, null),
      );
    },
  });
}
