/**
 * A pasted Apollo session: the cookies a browser extension exports (cookie-editor's JSON array
 * of `{ name, value, domain, path, secure, httpOnly, expirationDate, ... }`) or a Netscape
 * `cookies.txt`. Parsed with zod at the edge; every refusal names the field and never repeats a
 * cookie's value, since the values are the user's logged-in session.
 */
import { z } from 'zod';
import { validationError, type ErrorDetail } from '../../platform/errors.ts';
import { issuesToDetails } from '../../platform/validation.ts';
import type { ApolloSessionCookie } from '../../ports/apollo-source.port.ts';

/** A whole browser profile's export is a few hundred cookies; more is not a session. */
export const MAX_SESSION_COOKIES = 300;
/** Browsers keep at most about 4 KB per cookie; twice that leaves room for encoding. */
export const MAX_COOKIE_VALUE_LENGTH = 8_192;
export const MAX_COOKIE_NAME_LENGTH = 256;
/** A cookies.txt of {@link MAX_SESSION_COOKIES} long cookies, and no more. */
export const MAX_COOKIES_TXT_LENGTH = 1_000_000;

/** Where refusals point: the session route's body as the API documents it. */
export const COOKIES_FIELD = 'session.cookies';
export const COOKIES_TXT_FIELD = 'session.cookies_txt';

/** RFC 6265 token characters: a name with `;`, `=`, spaces or controls would split the Cookie header. */
const COOKIE_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** cookie-octets plus the spaces and commas real exports carry; never `;` or controls. */
const hasNoControlOrSemicolon = (value: string): boolean => ![...value].some((ch) => ch === ';' || ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);
const COOKIE_DOMAIN = /^\.?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;

const cookieSchema = z.object({
  name: z.string().min(1).max(MAX_COOKIE_NAME_LENGTH).regex(COOKIE_NAME, 'Must be a cookie name (letters, digits and !#$%&\'*+-.^_`|~)'),
  value: z.string().max(MAX_COOKIE_VALUE_LENGTH).refine(hasNoControlOrSemicolon, 'Must not contain ";" or control characters'),
  domain: z
    .string()
    .min(1)
    .max(253)
    .transform((d) => d.trim().toLowerCase())
    .pipe(z.string().regex(COOKIE_DOMAIN, 'Must be a host name, e.g. .apollo.io')),
  path: z.string().startsWith('/', 'Must start with /').max(1024).default('/'),
  secure: z.boolean().optional(),
  httpOnly: z.boolean().optional(),
  /** Unix seconds, fractional in cookie-editor's exports. */
  expirationDate: z.number().positive().finite().optional(),
  /** cookie-editor marks a cookie without expiry so; it wins over a stray expirationDate. */
  session: z.boolean().optional(),
});

const exportSchema = z.array(cookieSchema).min(1, 'Must hold at least one cookie').max(MAX_SESSION_COOKIES, `At most ${MAX_SESSION_COOKIES} cookies`);

/** What the session route accepts: the export itself, or it wrapped as `cookies`, or a `cookies_txt`. */
export const sessionInputSchema = z.union([
  z.array(z.unknown()),
  z.object({ cookies: z.array(z.unknown()) }).strict(),
  z.object({ cookies_txt: z.string().max(MAX_COOKIES_TXT_LENGTH) }).strict(),
]);

export interface SessionCookiePolicy {
  /** The web app's host (`app.apollo.io`; the fake's `127.0.0.1` in the local cloud). */
  readonly appHost: string;
  /** Unix seconds now: a session whose every app cookie has expired is refused. */
  readonly nowSeconds: number;
}

/** Whether a cookie of `domain` is sent to `host` (RFC 6265 domain-match; a leading dot is ignored). */
export const cookieAppliesTo = (domain: string, host: string): boolean => {
  const bare = domain.replace(/^\./, '');
  return host === bare || host.endsWith(`.${bare}`);
};

const refuse = (message: string, details: readonly ErrorDetail[]): never => {
  throw validationError(message, details);
};

const toCookie = (parsed: z.output<typeof cookieSchema>): ApolloSessionCookie => ({
  name: parsed.name,
  value: parsed.value,
  domain: parsed.domain,
  path: parsed.path,
  ...(parsed.secure !== undefined ? { secure: parsed.secure } : {}),
  ...(parsed.httpOnly !== undefined ? { httpOnly: parsed.httpOnly } : {}),
  ...(parsed.expirationDate !== undefined && parsed.session !== true ? { expirationDate: Math.floor(parsed.expirationDate) } : {}),
});

const parseExport = (items: readonly unknown[]): ApolloSessionCookie[] => {
  const result = exportSchema.safeParse(items);
  if (!result.success) {
    const details = issuesToDetails(result.error.issues, COOKIES_FIELD);
    return refuse(`Invalid session: ${details.map((d) => d.path).join(', ')}`, details);
  }
  return result.data.map(toCookie);
};

const NETSCAPE_FIELDS = 7;
const HTTP_ONLY_PREFIX = '#HttpOnly_';

/** `domain  includeSubdomains  path  secure  expiry  name  value`, tab-separated; `#HttpOnly_` marks httpOnly. */
const parseCookiesTxt = (text: string): ApolloSessionCookie[] => {
  const items: unknown[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const httpOnly = raw.startsWith(HTTP_ONLY_PREFIX);
    const line = httpOnly ? raw.slice(HTTP_ONLY_PREFIX.length) : raw;
    if (line.trim() === '' || line.startsWith('#')) continue;
    const fields = line.split('\t');
    if (fields.length !== NETSCAPE_FIELDS) {
      refuse('Invalid session: cookies_txt is not a Netscape cookies file', [
        { path: `${COOKIES_TXT_FIELD}[${index}]`, message: `Line ${index + 1} must have ${NETSCAPE_FIELDS} tab-separated fields` },
      ]);
    }
    const [domain, , path, secure, expiry, name, value] = fields as [string, string, string, string, string, string, string];
    const expires = Number(expiry);
    items.push({ domain, path, secure: secure.toUpperCase() === 'TRUE', httpOnly, name, value, ...(expires > 0 ? { expirationDate: expires } : {}) });
  }
  return parseExport(items);
};

/**
 * Parses a pasted session and keeps the cookies the Apollo app would receive; throws
 * ERR_VALIDATION naming the field (`session.cookies[3].domain`) when it is not a cookie export,
 * holds no cookie for the app, or every app cookie has expired.
 *
 * @example
 * parseSessionCookies([{ name: 'remember_token_leadgenie_v2', value: '…', domain: '.apollo.io', path: '/' }], { appHost: 'app.apollo.io', nowSeconds });
 */
export function parseSessionCookies(input: unknown, policy: SessionCookiePolicy): ApolloSessionCookie[] {
  const shape = sessionInputSchema.safeParse(input);
  if (!shape.success) {
    return refuse('The session must be a cookie export: a JSON array of cookies (cookie-editor), or { "cookies_txt": "<Netscape cookies.txt>" }', [
      { path: COOKIES_FIELD, message: 'Must be a JSON array of cookies or { cookies_txt }' },
    ]);
  }
  const body = shape.data;
  const cookies = Array.isArray(body) ? parseExport(body) : 'cookies' in body ? parseExport(body.cookies) : parseCookiesTxt(body.cookies_txt);
  const forApp = cookies.filter((cookie) => cookieAppliesTo(cookie.domain, policy.appHost));
  if (forApp.length === 0) {
    return refuse(`The session holds no cookie for ${policy.appHost}: export the cookies while logged in to Apollo`, [
      { path: COOKIES_FIELD, message: `No cookie for ${policy.appHost}` },
    ]);
  }
  const live = forApp.filter((cookie) => cookie.expirationDate === undefined || cookie.expirationDate > policy.nowSeconds);
  if (live.length === 0) {
    return refuse('Every Apollo cookie of this session has expired: log in again and export a new session', [{ path: COOKIES_FIELD, message: 'All cookies expired' }]);
  }
  return live;
}

/** The earliest expiry (ISO-8601) among cookies that expire, or null when all are session cookies. */
export const earliestExpiry = (cookies: readonly ApolloSessionCookie[]): string | null => {
  const expiries = cookies.flatMap((cookie) => (cookie.expirationDate === undefined ? [] : [cookie.expirationDate]));
  return expiries.length === 0 ? null : new Date(Math.min(...expiries) * 1000).toISOString();
};
