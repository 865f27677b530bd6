import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APOLLO_APP_SEARCH_PATHS, ApolloSessionSource, type SessionPacer } from '../../../functions/adapters/apollo/apollo-session.source.ts';
import { ChromiumBrowser } from '../../../functions/adapters/chromium/browser.chromium.ts';
import { ApolloSourceError, type ApolloSearchRequest, type ApolloSessionCookie } from '../../../functions/ports/apollo-source.port.ts';
import { closeServer, listen } from '../../../lib/local/net.ts';

/**
 * A small stand-in for a session-guarded web app (a test fixture, not the product's fake): its
 * page hands a logged-in browser a CSRF token, and its JSON endpoint answers only a request that
 * carries both the session cookie and that token.
 */
const SESSIONS: Readonly<Record<string, string>> = { 'session-of-a-7f3e': 'token-a', 'session-of-b-91c2': 'token-b' };
const SESSION_COOKIE = 'app_session';
const RATE_LIMITED_PAGE = 99;
const TOTAL = 60;

interface Seen {
  readonly path: string;
  readonly cookie: string;
  readonly csrf: string | undefined;
  readonly body: Record<string, unknown>;
}

const seen: Seen[] = [];
const appHits: string[] = [];
let csrfIn: 'cookie' | 'meta' = 'cookie';

const sessionOf = (request: IncomingMessage): string | undefined => {
  const pair = (request.headers.cookie ?? '').split(/;\s*/).find((part) => part.startsWith(`${SESSION_COOKIE}=`));
  return pair?.slice(SESSION_COOKIE.length + 1);
};

const servePage = (request: IncomingMessage, response: ServerResponse): void => {
  appHits.push(request.url ?? '');
  const token = SESSIONS[sessionOf(request) ?? ''];
  const meta = token !== undefined && csrfIn === 'meta' ? `<meta name="csrf-token" content="${token}">` : '';
  const headers: Record<string, string> = { 'content-type': 'text/html' };
  if (token !== undefined && csrfIn === 'cookie') headers['set-cookie'] = `X-CSRF-TOKEN=${token}; Path=/; SameSite=Strict`;
  response.writeHead(200, headers).end(`<!doctype html><html><head>${meta}<title>App</title></head><body><img src="/logo.png"><div id="app"></div></body></html>`);
};

const serveSearch = (request: IncomingMessage, response: ServerResponse, text: string): void => {
  const body = JSON.parse(text) as Record<string, unknown>;
  const session = sessionOf(request);
  const csrf = request.headers['x-csrf-token'] as string | undefined;
  seen.push({ path: request.url ?? '', cookie: request.headers.cookie ?? '', csrf, body });
  const json = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(payload));
  };
  const token = SESSIONS[session ?? ''];
  if (token === undefined) return json(401, { error: 'login required' });
  if (csrf !== token) return json(403, { error: 'bad csrf' });
  if (body.page === RATE_LIMITED_PAGE) return json(429, { error: 'slow down' }, { 'retry-after': '7' });
  if (Array.isArray(body.organization_locations) && body.organization_locations.length > 3) return json(422, { error: 'Value too long' });
  const page = Number(body.page);
  const perPage = Number(body.per_page);
  const ids = Array.from({ length: perPage }, (_, i) => (page - 1) * perPage + i).filter((i) => i < TOTAL);
  return json(200, { pagination: { page, per_page: perPage, total_entries: TOTAL, total_pages: Math.ceil(TOTAL / perPage) }, organizations: ids.map((i) => ({ id: `org-${i}`, name: `Org ${i}` })) });
};

const server = createServer((request, response) => {
  let text = '';
  request.on('data', (chunk: Buffer) => (text += chunk.toString()));
  request.on('end', () => {
    if (request.method === 'POST' && request.url === APOLLO_APP_SEARCH_PATHS.organizations) return serveSearch(request, response, text);
    if (request.url === '/') return servePage(request, response);
    appHits.push(request.url ?? '');
    response.writeHead(404).end();
  });
});

let browser: ChromiumBrowser;
let appBaseUrl = '';
let refuseEverything = false;
let paced = 0;
const pace: SessionPacer = async () => {
  paced += 1;
  return async () => {};
};

const cookie = (value: string): ApolloSessionCookie => ({ name: SESSION_COOKIE, value, domain: '127.0.0.1', path: '/', httpOnly: true, secure: false });
const sourceFor = (value: string) => new ApolloSessionSource({ browser, appBaseUrl, cookies: [cookie(value)], pace, fetchTimeoutMs: 10_000 });
const request = (page: number, filters: ApolloSearchRequest['filters'] = { organization_locations: ['California'] }): ApolloSearchRequest => ({ entity: 'organizations', filters, page, perPage: 25 });
const context = { workspaceId: 'ws-a' };

const failureOf = async (promise: Promise<unknown>): Promise<ApolloSourceError> => {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ApolloSourceError);
  return error as ApolloSourceError;
};

beforeAll(async () => {
  const port = await listen(server, 0);
  appBaseUrl = `http://127.0.0.1:${port}`;
  browser = new ChromiumBrowser({
    guardUrl: async () => {
      if (refuseEverything) throw new Error('refused by the test guard');
    },
    pageTimeoutMs: 10_000,
  });
});

afterAll(async () => {
  await browser?.close();
  await closeServer(server);
});

describe('ApolloSessionSource in headless Chromium', () => {
  it('It should read a search page as JSON from inside the app, with the session cookie and the CSRF token the app gave', async () => {
    const source = sourceFor('session-of-a-7f3e');
    try {
      const second = await source.search(request(2), context);
      const third = await source.search(request(3), context);

      expect(second.records.map((r) => r.id)).toEqual(Array.from({ length: 25 }, (_, i) => `org-${25 + i}`));
      expect([second.page, second.perPage, second.totalEntries, second.totalPages]).toEqual([2, 25, TOTAL, 3]);
      expect(third.records).toHaveLength(10);
      expect(seen.slice(-2).map((s) => [s.csrf, s.body])).toEqual([
        ['token-a', { organization_locations: ['California'], page: 2, per_page: 25 }],
        ['token-a', { organization_locations: ['California'], page: 3, per_page: 25 }],
      ]);
      expect(seen.at(-1)?.cookie).toContain(`${SESSION_COOKIE}=session-of-a-7f3e`);
      // One page serves the whole source: the app was opened once, its image never fetched.
      expect(appHits.filter((hit) => hit === '/')).toHaveLength(1);
      expect(appHits).not.toContain('/logo.png');
      expect(paced).toBeGreaterThanOrEqual(2);
    } finally {
      await source.close();
    }
  });

  it('It should find the CSRF token in a meta tag when the app puts it there', async () => {
    csrfIn = 'meta';
    const source = sourceFor('session-of-b-91c2');
    try {
      const page = await source.search(request(1), { workspaceId: 'ws-b' });

      expect(page.records).toHaveLength(25);
      expect(seen.at(-1)?.csrf).toBe('token-b');
    } finally {
      csrfIn = 'cookie';
      await source.close();
    }
  });

  it('It should keep two sessions apart: the second waits for the first to close, and inherits none of its cookies', async () => {
    const a = sourceFor('session-of-a-7f3e');
    const b = sourceFor('session-of-b-91c2');
    try {
      await a.search(request(1), context);
      const bSearch = b.search(request(1), { workspaceId: 'ws-b' });
      await a.close();
      await bSearch;

      const [fromA, fromB] = seen.slice(-2);
      expect(fromA?.cookie).toContain('session-of-a-7f3e');
      expect(fromB?.cookie).toContain('session-of-b-91c2');
      expect(fromB?.cookie).not.toContain('session-of-a-7f3e');
      expect(fromB?.cookie).not.toContain('token-a');
      expect(fromB?.csrf).toBe('token-b');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('It should answer SESSION_EXPIRED for a session the app refuses, without the cookie in the error', async () => {
    const source = sourceFor('expired-session-5ecret');
    try {
      const error = await failureOf(source.search(request(1), context));

      expect(error.code).toBe('SESSION_EXPIRED');
      expect(`${error.message} ${error.stack}`).not.toContain('expired-session-5ecret');
    } finally {
      await source.close();
    }
  });

  it('It should map the app\'s 429 with Retry-After and its 422 "Value too long"', async () => {
    const source = sourceFor('session-of-a-7f3e');
    try {
      const limited = await failureOf(source.search(request(RATE_LIMITED_PAGE), context));
      expect([limited.code, limited.retryAfterMs]).toEqual(['RATE_LIMITED', 7_000]);

      const tooLong = await failureOf(source.search(request(1, { organization_locations: ['a', 'b', 'c', 'd'] }), context));
      expect(tooLong.code).toBe('VALUE_TOO_LONG');
    } finally {
      await source.close();
    }
  });

  it('It should not reach the app when the URL guard refuses it', async () => {
    refuseEverything = true;
    const before = appHits.length + seen.length;
    const source = sourceFor('session-of-a-7f3e');
    try {
      const error = await failureOf(source.search(request(1), context));

      expect(error.code).toBe('UNAVAILABLE');
      expect(appHits.length + seen.length).toBe(before);
    } finally {
      refuseEverything = false;
      await source.close();
    }
  });

  it('It should leave no page open once every source is closed', async () => {
    expect(await browser.openPageCount()).toBe(0);
  });
});
