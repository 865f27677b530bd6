/**
 * Logged-in sessions of the fake web app. Apollo's app is a Rails app: the session lives in the
 * `_leadgenie_session` cookie (HttpOnly) beside `remember_token_leadgenie_v2`, and the page's
 * script reads the CSRF token from the readable `X-CSRF-TOKEN` cookie and sends it back in the
 * `X-CSRF-TOKEN` header. A session's age is checked on every call against its own lifetime and
 * the TTL knob, so lowering the knob expires sessions already handed out.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = '_leadgenie_session';
export const REMEMBER_COOKIE = 'remember_token_leadgenie_v2';
export const CSRF_COOKIE = 'X-CSRF-TOKEN';
export const CSRF_HEADER = 'x-csrf-token';

/** One cookie as the Cookie-Editor browser extension exports it. */
export interface ExportedCookie {
  readonly domain: string;
  readonly expirationDate: number;
  readonly hostOnly: boolean;
  readonly httpOnly: boolean;
  readonly name: string;
  readonly path: string;
  readonly sameSite: 'lax' | 'strict' | 'no_restriction' | 'unspecified';
  readonly secure: boolean;
  readonly session: boolean;
  readonly storeId: null;
  readonly value: string;
}

interface Session {
  readonly csrf: string;
  readonly createdAt: number;
  /** The lifetime it was created with; the TTL knob can only shorten it. */
  readonly ttlSeconds: number;
}

export type SessionCheck = 'ok' | 'no-session' | 'expired' | 'bad-csrf';

const token = (bytes: number): string => randomBytes(bytes).toString('base64url');

export const parseCookies = (header: string | undefined): Map<string, string> => {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0) cookies.set(part.slice(0, separator).trim(), decodeURIComponent(part.slice(separator + 1).trim()));
  }
  return cookies;
};

const sameToken = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export interface SessionStore {
  /** A new session as a cookie export for `host` (the fake's own, so a browser sends the cookies back). */
  create(host: string, ttlSeconds: number, now: number): ExportedCookie[];
  check(cookieHeader: string | undefined, csrfHeader: string | undefined, ttlSeconds: number, now: number): SessionCheck;
}

export const createSessionStore = (): SessionStore => {
  const sessions = new Map<string, Session>();
  return {
    create(host, ttlSeconds, now) {
      const id = token(48);
      const csrf = token(64);
      sessions.set(id, { csrf, createdAt: now, ttlSeconds });
      const expirationDate = Math.floor(now / 1000) + ttlSeconds;
      const cookie = (name: string, value: string, httpOnly: boolean): ExportedCookie => ({
        domain: host, expirationDate, hostOnly: true, httpOnly, name, path: '/', sameSite: 'lax', secure: false, session: false, storeId: null, value,
      });
      return [cookie(SESSION_COOKIE, id, true), cookie(REMEMBER_COOKIE, token(32), true), cookie(CSRF_COOKIE, csrf, false)];
    },
    check(cookieHeader, csrfHeader, ttlSeconds, now) {
      const session = sessions.get(parseCookies(cookieHeader).get(SESSION_COOKIE) ?? '');
      if (!session) return 'no-session';
      if (now - session.createdAt >= Math.min(ttlSeconds, session.ttlSeconds) * 1000) return 'expired';
      return csrfHeader !== undefined && sameToken(csrfHeader, session.csrf) ? 'ok' : 'bad-csrf';
    },
  };
};

export const hasSessionCookie = (cookieHeader: string | undefined): boolean => parseCookies(cookieHeader).has(SESSION_COOKIE);
