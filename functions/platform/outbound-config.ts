/**
 * Outbound configuration: every provider's base URL, limits and timeouts, the SSRF guard's
 * allowances and the crawler's identity. Parsed from env by {@link parseOutboundConfig}, which
 * `config.ts` calls; nothing else reads these variables.
 *
 * Env contract (NAME is the provider's key uppercased, e.g. ROCKETREACH, APOLLO_APP):
 * - `PROVIDER_<NAME>_BASE_URL`, `PROVIDER_<NAME>_RATE_LIMITS` (`5/s,100/min,1000/h,10000/d`),
 *   `PROVIDER_<NAME>_CONCURRENCY`, `PROVIDER_<NAME>_TIMEOUT_MS`, `PROVIDER_<NAME>_CONNECT_TIMEOUT_MS`,
 *   `PROVIDER_<NAME>_MAX_RESPONSE_BYTES`, `PROVIDER_<NAME>_MAX_RETRIES`;
 * - `OUTBOUND_ALLOW_HOSTS`: `host:port,host:port` let through although loopback/private;
 * - `OUTBOUND_CONNECT_TO`: `PATTERN=IP:PORT,...` (PATTERN an exact host or `*.suffix`);
 * - `CRAWLER_USER_AGENT`, `CRAWLER_CONTACT_URL`, `CRAWLER_HOST_RATE_PER_SECOND`.
 */
import { z } from 'zod';

export type RateWindowUnit = 's' | 'min' | 'h' | 'd';

/** One documented limit: at most `limit` calls per `windowMs`. */
export interface RateWindow {
  readonly limit: number;
  readonly windowMs: number;
}

export interface ProviderSettings {
  readonly name: string;
  readonly baseUrl: string;
  readonly rateLimits: readonly RateWindow[];
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly connectTimeoutMs: number;
  readonly maxResponseBytes: number;
  readonly maxRetries: number;
}

export interface ConnectToRule {
  /** An exact host (`acme.test`) or a suffix wildcard (`*.test`). */
  readonly pattern: string;
  readonly address: string;
  readonly port: number;
}

export interface OutboundConfig {
  readonly providers: Readonly<Record<ProviderName, ProviderSettings>>;
  /** `host:port` pairs (hosts lowercased, IPv6 without brackets) the SSRF guard lets through. */
  readonly allowHosts: ReadonlySet<string>;
  readonly connectTo: readonly ConnectToRule[];
  readonly crawler: { readonly userAgent: string; readonly contactUrl: string; readonly hostRatePerSecond: number };
}

const UNIT_MS: Record<RateWindowUnit, number> = { s: 1_000, min: 60_000, h: 3_600_000, d: 86_400_000 };
const MB = 1024 * 1024;

type ProviderDefaults = Omit<ProviderSettings, 'name'>;

/**
 * The documented defaults of every provider; env overrides each field. Limits follow each
 * provider's published pace (or a conservative guess where none is published).
 */
export const PROVIDER_DEFAULTS = {
  /** Websites: pace per host is the crawler's own limiter; this caps the crawler as a whole. */
  website: { baseUrl: 'https://example.invalid', rateLimits: [], concurrency: 20, timeoutMs: 15_000, connectTimeoutMs: 5_000, maxResponseBytes: 5 * MB, maxRetries: 2 },
  /** Apollo's official API (`x-api-key`): 50/min, 200/h, 600/d, the figures its rate-limit page shows for a plan. */
  apollo: { baseUrl: 'https://api.apollo.io', rateLimits: [{ limit: 50, windowMs: UNIT_MS.min }, { limit: 200, windowMs: UNIT_MS.h }, { limit: 600, windowMs: UNIT_MS.d }], concurrency: 2, timeoutMs: 30_000, connectTimeoutMs: 5_000, maxResponseBytes: 10 * MB, maxRetries: 3 },
  /**
   * Apollo's web app, read through a workspace's own browser session. It publishes no limits;
   * a person clicking through results pages about this fast, and the app is paced like one.
   */
  apollo_app: { baseUrl: 'https://app.apollo.io', rateLimits: [{ limit: 20, windowMs: UNIT_MS.min }, { limit: 600, windowMs: UNIT_MS.h }], concurrency: 1, timeoutMs: 30_000, connectTimeoutMs: 5_000, maxResponseBytes: 10 * MB, maxRetries: 0 },
  rocketreach: { baseUrl: 'https://api.rocketreach.co', rateLimits: [{ limit: 5, windowMs: UNIT_MS.s }, { limit: 100, windowMs: UNIT_MS.min }, { limit: 1_000, windowMs: UNIT_MS.h }], concurrency: 4, timeoutMs: 20_000, connectTimeoutMs: 5_000, maxResponseBytes: 2 * MB, maxRetries: 3 },
  /**
   * SEC EDGAR: 10 requests per second per user however many machines send them (its fair-access
   * policy), so one shared window covers both SEC hosts (see EDGAR_ARCHIVES_BASE_URL).
   */
  edgar: { baseUrl: 'https://data.sec.gov', rateLimits: [{ limit: 10, windowMs: UNIT_MS.s }], concurrency: 4, timeoutMs: 30_000, connectTimeoutMs: 5_000, maxResponseBytes: 50 * MB, maxRetries: 3 },
  razorpay: { baseUrl: 'https://api.razorpay.com', rateLimits: [{ limit: 10, windowMs: UNIT_MS.s }], concurrency: 4, timeoutMs: 20_000, connectTimeoutMs: 5_000, maxResponseBytes: 2 * MB, maxRetries: 3 },
  /**
   * Callers' own webhook receivers (bulk lookup results): absolute URLs behind the SSRF guard. The
   * delivery retries and records each attempt itself, so the client does not retry a POST.
   */
  webhooks: { baseUrl: 'https://example.invalid', rateLimits: [], concurrency: 10, timeoutMs: 10_000, connectTimeoutMs: 5_000, maxResponseBytes: 64 * 1024, maxRetries: 0 },
  /** An OpenAI-compatible chat-completions API (optional; see LLM_MODEL). Replies are slow: a generous timeout, few retries. */
  llm: { baseUrl: 'https://api.openai.com', rateLimits: [{ limit: 60, windowMs: UNIT_MS.min }], concurrency: 4, timeoutMs: 60_000, connectTimeoutMs: 5_000, maxResponseBytes: 2 * MB, maxRetries: 2 },
  /** Workspaces' own webhook receivers (absolute URLs, SSRF-guarded): a short timeout, a retry. */
  webhook: { baseUrl: 'https://example.invalid', rateLimits: [{ limit: 20, windowMs: UNIT_MS.s }], concurrency: 8, timeoutMs: 10_000, connectTimeoutMs: 5_000, maxResponseBytes: 64 * 1024, maxRetries: 1 },
} as const satisfies Record<string, ProviderDefaults>;

export type ProviderName = keyof typeof PROVIDER_DEFAULTS;

/**
 * Providers that live on another host of the same vendor: unless their own BASE_URL is set,
 * they follow the named provider's, so one `PROVIDER_APOLLO_BASE_URL` points both Apollo's API
 * and its web app at one server (a proxy, or the local cloud's fake).
 */
const BASE_URL_FOLLOWS: Partial<Record<ProviderName, ProviderName>> = { apollo_app: 'apollo' };
export const PROVIDER_NAMES = Object.keys(PROVIDER_DEFAULTS) as ProviderName[];

export const DEFAULT_CRAWLER_CONTACT_URL = 'https://leadstack.invalid/crawler';
export const DEFAULT_CRAWLER_HOST_RATE_PER_SECOND = 1;
export const defaultCrawlerUserAgent = (contactUrl: string): string => `leadstack-crawler/1.0 (+${contactUrl})`;

const RATE_PART = /^(\d+)\/(s|min|h|d)$/;

/**
 * Parses `5/s,100/min,1000/h,10000/d` into windows; an empty string means no limit.
 *
 * @example
 * parseRateLimits('5/s,100/min'); // [{ limit: 5, windowMs: 1000 }, { limit: 100, windowMs: 60000 }]
 */
export function parseRateLimits(text: string): RateWindow[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const match = RATE_PART.exec(part);
      const limit = Number(match?.[1]);
      if (!match || !(limit > 0)) throw new Error(`bad rate limit "${part}" (expected e.g. 5/s, 100/min, 1000/h, 10000/d)`);
      return { limit, windowMs: UNIT_MS[match[2] as RateWindowUnit] };
    });
}

const splitList = (text: string | undefined): string[] => (text ?? '').split(',').map((p) => p.trim()).filter((p) => p !== '');

/** `host:port` → normalised key (lowercase, IPv6 brackets dropped), the form the guard compares. */
export const hostPortKey = (host: string, port: number): string => `${host.toLowerCase().replace(/^\[|\]$/g, '')}:${port}`;

const parseHostPort = (text: string): { host: string; port: number } => {
  const cut = text.lastIndexOf(':');
  const port = Number(text.slice(cut + 1));
  const host = text.slice(0, cut);
  if (cut <= 0 || !Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`bad host:port "${text}"`);
  return { host: host.replace(/^\[|\]$/g, ''), port };
};

/** Parses `OUTBOUND_ALLOW_HOSTS`. */
export const parseAllowHosts = (text: string | undefined): Set<string> =>
  new Set(splitList(text).map((item) => {
    const { host, port } = parseHostPort(item);
    return hostPortKey(host, port);
  }));

/** Parses `OUTBOUND_CONNECT_TO` (`*.test=127.0.0.1:4600,acme.com=10.0.0.1:80`). */
export const parseConnectTo = (text: string | undefined): ConnectToRule[] =>
  splitList(text).map((item) => {
    const eq = item.indexOf('=');
    const pattern = item.slice(0, eq).trim().toLowerCase();
    if (eq <= 0 || pattern === '') throw new Error(`bad connect-to "${item}" (expected PATTERN=IP:PORT)`);
    const { host, port } = parseHostPort(item.slice(eq + 1).trim());
    return { pattern, address: host, port };
  });

const positiveInt = (name: string, text: string | undefined, fallback: number): number => {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer`);
  return value;
};

const providerSettings = (name: ProviderName, env: Record<string, string | undefined>): ProviderSettings => {
  const defaults: ProviderDefaults = PROVIDER_DEFAULTS[name];
  const key = (field: string): string => `PROVIDER_${name.toUpperCase()}_${field}`;
  const followed = BASE_URL_FOLLOWS[name];
  const baseUrl = env[key('BASE_URL')] ?? (followed ? env[`PROVIDER_${followed.toUpperCase()}_BASE_URL`] : undefined) ?? defaults.baseUrl;
  if (!z.url().safeParse(baseUrl).success) throw new Error(`${key('BASE_URL')} must be a URL`);
  const limits = env[key('RATE_LIMITS')];
  return {
    name,
    baseUrl: baseUrl.replace(/\/+$/, ''),
    rateLimits: limits === undefined ? defaults.rateLimits : parseRateLimits(limits),
    concurrency: positiveInt(key('CONCURRENCY'), env[key('CONCURRENCY')], defaults.concurrency),
    timeoutMs: positiveInt(key('TIMEOUT_MS'), env[key('TIMEOUT_MS')], defaults.timeoutMs),
    connectTimeoutMs: positiveInt(key('CONNECT_TIMEOUT_MS'), env[key('CONNECT_TIMEOUT_MS')], defaults.connectTimeoutMs),
    maxResponseBytes: positiveInt(key('MAX_RESPONSE_BYTES'), env[key('MAX_RESPONSE_BYTES')], defaults.maxResponseBytes),
    maxRetries: positiveInt(key('MAX_RETRIES'), env[key('MAX_RETRIES')], defaults.maxRetries),
  };
};

/**
 * Reads the outbound contract from an env object; throws an Error naming the bad variable.
 *
 * @example
 * const outbound = parseOutboundConfig({ PROVIDER_ROCKETREACH_BASE_URL: 'http://127.0.0.1:4610', OUTBOUND_ALLOW_HOSTS: '127.0.0.1:4610' });
 * outbound.providers.rocketreach.baseUrl; // 'http://127.0.0.1:4610'
 */
export function parseOutboundConfig(env: Record<string, string | undefined>): OutboundConfig {
  const contactUrl = env.CRAWLER_CONTACT_URL ?? DEFAULT_CRAWLER_CONTACT_URL;
  const hostRate = Number(env.CRAWLER_HOST_RATE_PER_SECOND ?? DEFAULT_CRAWLER_HOST_RATE_PER_SECOND);
  if (!(hostRate > 0)) throw new Error('CRAWLER_HOST_RATE_PER_SECOND must be a positive number');
  return {
    providers: Object.fromEntries(PROVIDER_NAMES.map((name) => [name, providerSettings(name, env)])) as Record<ProviderName, ProviderSettings>,
    allowHosts: parseAllowHosts(env.OUTBOUND_ALLOW_HOSTS),
    connectTo: parseConnectTo(env.OUTBOUND_CONNECT_TO),
    crawler: { userAgent: env.CRAWLER_USER_AGENT ?? defaultCrawlerUserAgent(contactUrl), contactUrl, hostRatePerSecond: hostRate },
  };
}
