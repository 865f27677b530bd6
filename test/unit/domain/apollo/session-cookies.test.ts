import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../../functions/platform/errors.ts';
import { MAX_SESSION_COOKIES, earliestExpiry, parseSessionCookies } from '../../../../functions/domain/apollo/session-cookies.ts';

const NOW = 1_800_000_000;
const policy = { appHost: 'app.apollo.io', nowSeconds: NOW };
const SECRET = 'zz-secret-session-value-42';

/** A cookie as cookie-editor exports it, with the fields leadstack ignores. */
const exported = (overrides: Record<string, unknown> = {}) => ({
  domain: '.apollo.io',
  expirationDate: NOW + 3600.25,
  hostOnly: false,
  httpOnly: true,
  name: 'remember_token_leadgenie_v2',
  path: '/',
  sameSite: 'lax',
  secure: true,
  session: false,
  storeId: '0',
  value: SECRET,
  ...overrides,
});

const failure = (input: unknown, p = policy): AppError => {
  try {
    parseSessionCookies(input, p);
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected a refusal');
};

describe('parseSessionCookies', () => {
  it('It should read a cookie-editor export and keep only what the app needs', () => {
    const cookies = parseSessionCookies([exported(), exported({ name: '_ga', domain: '.google.com' }), exported({ name: 'X-CSRF-TOKEN', domain: 'app.apollo.io', httpOnly: false, session: true })], policy);

    expect(cookies).toEqual([
      { name: 'remember_token_leadgenie_v2', value: SECRET, domain: '.apollo.io', path: '/', secure: true, httpOnly: true, expirationDate: NOW + 3600 },
      { name: 'X-CSRF-TOKEN', value: SECRET, domain: 'app.apollo.io', path: '/', secure: true, httpOnly: false },
    ]);
  });

  it('It should accept the export wrapped as { cookies } and a Netscape cookies.txt', () => {
    expect(parseSessionCookies({ cookies: [exported()] }, policy)).toHaveLength(1);
    const txt = ['# Netscape HTTP Cookie File', '', `#HttpOnly_.apollo.io\tTRUE\t/\tTRUE\t${NOW + 60}\tsession_id\t${SECRET}`, `.example.com\tTRUE\t/\tFALSE\t0\tother\tx`].join('\n');

    expect(parseSessionCookies({ cookies_txt: txt }, policy)).toEqual([{ name: 'session_id', value: SECRET, domain: '.apollo.io', path: '/', secure: true, httpOnly: true, expirationDate: NOW + 60 }]);
  });

  it('It should name the field of a bad cookie, and never echo a value', () => {
    const error = failure([exported(), exported(), exported(), exported({ domain: 'not a host; x' })]);

    expect(error.code).toBe('ERR_VALIDATION');
    expect(error.details.map((d) => d.path)).toEqual(['session.cookies[3].domain']);
    expect(failure([exported({ value: `${SECRET};evil` })]).details.map((d) => d.path)).toEqual(['session.cookies[0].value']);
    expect(failure([exported({ name: 'a b' })]).details.map((d) => d.path)).toEqual(['session.cookies[0].name']);
    expect(failure([exported({ path: 'nope' })]).details.map((d) => d.path)).toEqual(['session.cookies[0].path']);
    for (const bad of [failure([exported({ value: `${SECRET};evil` })]), failure([exported({ domain: 'x y', value: SECRET })])]) {
      expect(JSON.stringify({ message: bad.message, details: bad.details })).not.toContain(SECRET);
    }
  });

  it('It should refuse what is not a cookie export', () => {
    for (const input of [null, 'cookie=1', {}, { cookies: 'x' }, { cookies_txt: 5 }, { __proto__: { cookies: [] } }, [], [5]]) {
      expect(failure(input).code).toBe('ERR_VALIDATION');
    }
    expect(failure('cookie=1').details[0]?.path).toBe('session.cookies');
    expect(failure(Array.from({ length: MAX_SESSION_COOKIES + 1 }, () => exported())).details[0]?.path).toBe('session.cookies');
    expect(failure({ cookies_txt: '.apollo.io\tTRUE\t/' }).details[0]?.path).toBe('session.cookies_txt[0]');
  });

  it('It should refuse a session with no cookie for the app host, or only expired ones', () => {
    expect(failure([exported({ domain: '.google.com' })]).message).toMatch(/no cookie for app\.apollo\.io/);
    expect(failure([exported({ domain: 'evilapollo.io' })]).details[0]?.message).toMatch(/No cookie/);
    expect(failure([exported({ expirationDate: NOW - 1 })]).message).toMatch(/expired/);
  });

  it('It should let the configured app host (the local fake) through', () => {
    const local = { appHost: '127.0.0.1', nowSeconds: NOW };

    expect(parseSessionCookies([exported({ domain: '127.0.0.1' })], local)).toHaveLength(1);
    expect(failure([exported()], local).code).toBe('ERR_VALIDATION');
  });

  it('It should report the earliest expiry, or null for session cookies only', () => {
    const cookies = parseSessionCookies([exported({ expirationDate: NOW + 10 }), exported({ name: 'b', expirationDate: NOW + 5 }), exported({ name: 'c', session: true })], policy);

    expect(earliestExpiry(cookies)).toBe(new Date((NOW + 5) * 1000).toISOString());
    expect(earliestExpiry(cookies.filter((c) => c.name === 'c'))).toBeNull();
  });
});
