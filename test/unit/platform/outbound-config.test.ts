import { describe, expect, it } from 'vitest';
import { parseOutboundConfig, parseRateLimits, PROVIDER_DEFAULTS } from '../../../functions/platform/outbound-config.ts';

describe('outbound configuration', () => {
  it('It should parse every documented window and refuse a malformed one', () => {
    expect(parseRateLimits('5/s, 100/min,1000/h,10000/d')).toEqual([
      { limit: 5, windowMs: 1_000 },
      { limit: 100, windowMs: 60_000 },
      { limit: 1_000, windowMs: 3_600_000 },
      { limit: 10_000, windowMs: 86_400_000 },
    ]);
    expect(parseRateLimits('')).toEqual([]);
    expect(() => parseRateLimits('5/week')).toThrow(/bad rate limit/);
    expect(() => parseRateLimits('0/s')).toThrow(/bad rate limit/);
  });

  it('It should take the defaults table and let PROVIDER_<NAME>_* override each field', () => {
    const config = parseOutboundConfig({
      PROVIDER_ROCKETREACH_BASE_URL: 'http://127.0.0.1:4610/',
      PROVIDER_ROCKETREACH_RATE_LIMITS: '2/s',
      PROVIDER_ROCKETREACH_CONCURRENCY: '1',
      PROVIDER_ROCKETREACH_TIMEOUT_MS: '900',
      PROVIDER_ROCKETREACH_CONNECT_TIMEOUT_MS: '300',
      PROVIDER_ROCKETREACH_MAX_RESPONSE_BYTES: '1000',
      PROVIDER_ROCKETREACH_MAX_RETRIES: '0',
    });

    expect(config.providers.rocketreach).toEqual({ name: 'rocketreach', baseUrl: 'http://127.0.0.1:4610', rateLimits: [{ limit: 2, windowMs: 1_000 }], concurrency: 1, timeoutMs: 900, connectTimeoutMs: 300, maxResponseBytes: 1_000, maxRetries: 0 });
    expect(config.providers.edgar).toMatchObject({ baseUrl: PROVIDER_DEFAULTS.edgar.baseUrl, rateLimits: PROVIDER_DEFAULTS.edgar.rateLimits });
    expect(config.crawler).toEqual({ userAgent: 'leadstack-crawler/1.0 (+https://leadstack.invalid/crawler)', contactUrl: 'https://leadstack.invalid/crawler', hostRatePerSecond: 1 });
  });

  it('It should point Apollo\'s web app at the API\'s base URL unless the app has its own', () => {
    expect(parseOutboundConfig({}).providers.apollo_app.baseUrl).toBe('https://app.apollo.io');
    expect(parseOutboundConfig({}).providers.apollo.baseUrl).toBe('https://api.apollo.io');

    const oneFake = parseOutboundConfig({ PROVIDER_APOLLO_BASE_URL: 'http://127.0.0.1:4009/' });
    expect(oneFake.providers.apollo.baseUrl).toBe('http://127.0.0.1:4009');
    expect(oneFake.providers.apollo_app.baseUrl).toBe('http://127.0.0.1:4009');

    const split = parseOutboundConfig({ PROVIDER_APOLLO_BASE_URL: 'http://127.0.0.1:4009', PROVIDER_APOLLO_APP_BASE_URL: 'http://127.0.0.1:4010' });
    expect(split.providers.apollo_app.baseUrl).toBe('http://127.0.0.1:4010');
    expect(() => parseOutboundConfig({ PROVIDER_APOLLO_APP_BASE_URL: 'nope' })).toThrow(/PROVIDER_APOLLO_APP_BASE_URL/);
  });

  it('It should parse allow-hosts and connect-to, and name the variable that is wrong', () => {
    const config = parseOutboundConfig({ OUTBOUND_ALLOW_HOSTS: '127.0.0.1:8080, [::1]:9000, LocalHost:80', OUTBOUND_CONNECT_TO: '*.test=127.0.0.1:4600' });

    expect([...config.allowHosts]).toEqual(['127.0.0.1:8080', '::1:9000', 'localhost:80']);
    expect(config.connectTo).toEqual([{ pattern: '*.test', address: '127.0.0.1', port: 4600 }]);
    expect(() => parseOutboundConfig({ OUTBOUND_ALLOW_HOSTS: '127.0.0.1' })).toThrow(/host:port/);
    expect(() => parseOutboundConfig({ OUTBOUND_CONNECT_TO: '127.0.0.1:4600' })).toThrow(/PATTERN=IP:PORT/);
    expect(() => parseOutboundConfig({ PROVIDER_APOLLO_BASE_URL: 'not a url' })).toThrow(/PROVIDER_APOLLO_BASE_URL/);
    expect(() => parseOutboundConfig({ PROVIDER_EDGAR_CONCURRENCY: '-1' })).toThrow(/PROVIDER_EDGAR_CONCURRENCY/);
  });
});
