/**
 * The SSRF guard: which URLs and which connect targets an outbound call may reach.
 *
 * Two steps, both throwing {@link UrlBlockedError} with a reason:
 * 1. {@link checkUrl} (pure): scheme, credentials, metadata host names, IP literals, ports;
 * 2. {@link resolveTarget}: the address to connect to — the `connect-to` rule's, or every address
 *    DNS returns — each checked, so the socket opens to an address that was checked (no window
 *    for DNS rebinding between the check and the connect).
 *
 * Loopback/private targets pass only as exact `host:port` pairs from the allow list.
 */
import { hostPortKey, type ConnectToRule } from '../../platform/outbound-config.ts';
import { UrlBlockedError } from '../../ports/outbound-http.port.ts';
import { classifyAddress, isIpLiteral } from './ip-address.ts';

export interface GuardPolicy {
  /** Normalised `host:port` keys (see hostPortKey). */
  readonly allowHosts: ReadonlySet<string>;
  readonly connectTo: readonly ConnectToRule[];
}

/** Resolves a host name to every address it has (A and AAAA). Injectable for tests. */
export type HostResolver = (hostname: string) => Promise<readonly string[]>;

export interface ConnectTarget {
  readonly address: string;
  readonly port: number;
}

const DEFAULT_PORTS: Readonly<Record<string, number>> = { 'http:': 80, 'https:': 443 };

/** Cloud metadata endpoints reachable by name; their addresses are refused by class anyway. */
const METADATA_HOSTS = new Set(['metadata.google.internal', 'metadata.goog', 'metadata', 'instance-data', 'instance-data.ec2.internal', 'metadata.azure.internal', 'metadata.tencentyun.com', 'metadata.platformequinix.com']);

export const MAX_REDIRECTS = 5;

/** The host without IPv6 brackets or a trailing root dot, lowercased. */
export const bareHost = (url: URL): string => url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();

export const effectivePort = (url: URL): number => (url.port === '' ? (DEFAULT_PORTS[url.protocol] ?? 0) : Number(url.port));

const matchConnectTo = (host: string, rules: readonly ConnectToRule[]): ConnectToRule | undefined =>
  rules.find((rule) => (rule.pattern.startsWith('*.') ? host.endsWith(rule.pattern.slice(1)) : host === rule.pattern));

const isAllowed = (policy: GuardPolicy, host: string, port: number): boolean => policy.allowHosts.has(hostPortKey(host, port));

/**
 * Checks what can be checked without DNS; returns the parsed URL.
 *
 * @example
 * checkUrl('https://user:pw@example.com/', policy); // throws UrlBlockedError('credentials_in_url')
 * checkUrl('http://[::ffff:127.0.0.1]/', policy);   // throws UrlBlockedError('loopback_address')
 */
export function checkUrl(raw: string, policy: GuardPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UrlBlockedError('invalid_url', raw);
  }
  if (!(url.protocol in DEFAULT_PORTS)) throw new UrlBlockedError('scheme', raw);
  if (url.username !== '' || url.password !== '') throw new UrlBlockedError('credentials_in_url', raw);
  const host = bareHost(url);
  const port = effectivePort(url);
  if (host === '') throw new UrlBlockedError('invalid_url', raw);
  if (isAllowed(policy, host, port)) return url;
  if (METADATA_HOSTS.has(host)) throw new UrlBlockedError('metadata_host', raw);
  if (host === 'localhost' || host.endsWith('.localhost')) throw new UrlBlockedError('loopback_address', raw);
  if (isIpLiteral(host)) {
    const reason = classifyAddress(host);
    if (reason !== undefined) throw new UrlBlockedError(reason, raw);
  }
  const mapped = matchConnectTo(host, policy.connectTo) !== undefined;
  if (port !== DEFAULT_PORTS[url.protocol] && !mapped) throw new UrlBlockedError('port', raw);
  return url;
}

const checkAddress = (policy: GuardPolicy, address: string, port: number, raw: string): void => {
  if (isAllowed(policy, address, port)) return;
  const reason = classifyAddress(address);
  if (reason !== undefined) throw new UrlBlockedError(reason, raw);
};

/**
 * The address and port to open a socket to for a URL that passed {@link checkUrl}: a matching
 * `connect-to` rule's target (checked like any address), an allowed `host:port`, or the first
 * of the resolved addresses after EVERY one of them passed the check.
 *
 * @example
 * const target = await resolveTarget(new URL('https://acme.com/'), policy, dnsResolver);
 * // { address: '93.184.216.34', port: 443 }
 */
export async function resolveTarget(url: URL, policy: GuardPolicy, resolve: HostResolver): Promise<ConnectTarget> {
  const host = bareHost(url);
  const port = effectivePort(url);
  const rule = matchConnectTo(host, policy.connectTo);
  if (rule) {
    checkAddress(policy, rule.address, rule.port, url.href);
    return { address: rule.address, port: rule.port };
  }
  if (isIpLiteral(host)) {
    checkAddress(policy, host, port, url.href);
    return { address: host, port };
  }
  let addresses: readonly string[];
  try {
    addresses = await resolve(host);
  } catch {
    throw new UrlBlockedError('unresolvable_host', url.href);
  }
  if (addresses.length === 0) throw new UrlBlockedError('unresolvable_host', url.href);
  const hostAllowed = isAllowed(policy, host, port);
  for (const address of addresses) if (!hostAllowed) checkAddress(policy, address, port, url.href);
  return { address: addresses[0] as string, port };
}
