import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../../../lib/local/fakes/apollo/apollo-rate-limits.ts';
import { createSessionStore, CSRF_COOKIE, SESSION_COOKIE } from '../../../../../lib/local/fakes/apollo/apollo-sessions.ts';

const T0 = 1_800_000_000_000;

describe('the fake Apollo rate limits', () => {
  it('It should count fixed windows from the first call, refuse past the limit with the seconds left, and not count refusals', () => {
    const limiter = createRateLimiter();
    const limits = { perMinute: 3, perHour: 5, perDay: 0 };
    const first = limiter.take('api:search', limits, T0);
    limiter.take('api:search', limits, T0 + 1_000);
    limiter.take('api:search', limits, T0 + 2_000);
    const refused = limiter.take('api:search', limits, T0 + 20_000);
    const otherEndpoint = limiter.take('api:match', limits, T0 + 20_000);
    const nextMinute = limiter.take('api:search', limits, T0 + 60_000);

    expect(first).toEqual({ allowed: true, headers: expect.objectContaining({ 'x-rate-limit-minute': '3', 'x-minute-usage': '1', 'x-minute-requests-left': '2', 'x-hourly-requests-left': '4', 'x-rate-limit-24-hour': '' }) });
    expect(refused).toEqual({ allowed: false, window: 'minute', limit: 3, retryAfterSeconds: 40 });
    expect(otherEndpoint.allowed).toBe(true);
    expect(nextMinute).toEqual({ allowed: true, headers: expect.objectContaining({ 'x-minute-usage': '1', 'x-hourly-usage': '4' }) });
  });

  it('It should refuse on the hourly window once the minutes are fine but the hour is spent', () => {
    const limiter = createRateLimiter();
    const limits = { perMinute: 10, perHour: 2, perDay: 0 };
    limiter.take('k', limits, T0);
    limiter.take('k', limits, T0 + 61_000);
    const refused = limiter.take('k', limits, T0 + 122_000);

    expect(refused).toEqual({ allowed: false, window: 'hour', limit: 2, retryAfterSeconds: 3_600 - 122 });
  });
});

describe('the fake Apollo sessions', () => {
  it('It should export cookies for the fake host, then accept only the session with its CSRF token, until it is older than the TTL', () => {
    const store = createSessionStore();
    const cookies = store.create('127.0.0.1', 600, T0);
    const session = cookies.find((cookie) => cookie.name === SESSION_COOKIE)!;
    const csrf = cookies.find((cookie) => cookie.name === CSRF_COOKIE)!;
    const header = cookies.map((cookie) => `${cookie.name}=${encodeURIComponent(cookie.value)}`).join('; ');

    expect(cookies.every((cookie) => cookie.domain === '127.0.0.1' && cookie.path === '/' && cookie.expirationDate === T0 / 1000 + 600)).toBe(true);
    expect(session.httpOnly).toBe(true);
    expect(csrf.httpOnly).toBe(false);
    expect(store.check(header, csrf.value, 600, T0 + 1_000)).toBe('ok');
    expect(store.check(header, 'forged', 600, T0 + 1_000)).toBe('bad-csrf');
    expect(store.check(header, undefined, 600, T0 + 1_000)).toBe('bad-csrf');
    expect(store.check(`${SESSION_COOKIE}=unknown`, csrf.value, 600, T0)).toBe('no-session');
    expect(store.check(header, csrf.value, 600, T0 + 600_000)).toBe('expired');
    expect(store.check(header, csrf.value, 0, T0)).toBe('expired');
    expect(store.check(header, csrf.value, 86_400, T0 + 600_000)).toBe('expired');
  });
});
