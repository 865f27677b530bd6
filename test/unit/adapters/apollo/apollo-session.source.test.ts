import { describe, expect, it } from 'vitest';
import { APOLLO_APP_SEARCH_PATHS, ApolloSessionSource, CSRF_HEADER, type SessionPacer } from '../../../../functions/adapters/apollo/apollo-session.source.ts';
import { ApolloSources } from '../../../../functions/adapters/apollo/apollo-sources.ts';
import { ApolloSourceError } from '../../../../functions/ports/apollo-source.port.ts';
import { BrowserError, type BrowserSessionPort, type PageFetchRequest, type PageFetchResponse, type SessionPage, type SessionPageOptions } from '../../../../functions/ports/browser.port.ts';
import { OutboundRequeueError, type OutboundHttp } from '../../../../functions/ports/outbound-http.port.ts';
import { MemoryCallLog } from '../http/outbound-fixtures.ts';

const COOKIE = 'session-5ecret-4242';
const cookies = [{ name: 'remember_token', value: COOKIE, domain: '.apollo.io', path: '/', expirationDate: 1_900_000_000 }];
const request = { entity: 'organizations' as const, filters: { q_organization_keyword_tags: ['saas'] }, page: 1, perPage: 25 };
const context = { workspaceId: 'ws-a', jobId: 'job-7' };
const okPage = JSON.stringify({ pagination: { page: 1, per_page: 25, total_entries: 1, total_pages: 1 }, organizations: [{ id: 'o1' }] });

/** A browser double: each opened page answers fetches with the next scripted answer. */
class ScriptedBrowser implements BrowserSessionPort {
  readonly opened: { url: string; options: SessionPageOptions }[] = [];
  readonly fetched: PageFetchRequest[] = [];
  closed = 0;
  constructor(
    private readonly answers: (PageFetchResponse | Error)[],
    private readonly openStatus = 200,
  ) {}

  async openSession(url: string, options: SessionPageOptions): Promise<SessionPage> {
    this.opened.push({ url, options });
    return {
      finalUrl: url,
      status: this.openStatus,
      cookie: async (name) => (name === 'X-CSRF-TOKEN' ? 'csrf%3Dtoken' : null),
      meta: async () => null,
      fetch: async (req) => {
        this.fetched.push(req);
        const next = this.answers.shift();
        if (next === undefined) throw new Error('no scripted answer left');
        if (next instanceof Error) throw next;
        return next;
      },
      close: async () => void (this.closed += 1),
    };
  }
}

const answer = (status: number, text: string, headers: Record<string, string> = {}): PageFetchResponse => ({ status, text, headers });
let paced = 0;
const pace: SessionPacer = async () => {
  paced += 1;
  return async () => {};
};
const sourceOn = (browser: BrowserSessionPort, callLog = new MemoryCallLog(), pacer = pace) => ({ callLog, source: new ApolloSessionSource({ browser, appBaseUrl: 'https://app.apollo.io', cookies, pace: pacer, callLog, now: () => 1_000 }) });

const failure = async (promise: Promise<unknown>): Promise<ApolloSourceError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApolloSourceError);
  expect(`${(error as Error).message} ${(error as Error).stack}`).not.toContain(COOKIE);
  return error as ApolloSourceError;
};

describe('ApolloSessionSource (edge cases, with a browser double)', () => {
  it('It should open the app once with the cookies, POST the filters with the decoded CSRF token, and log the call without secrets', async () => {
    const browser = new ScriptedBrowser([answer(200, okPage), answer(200, okPage)]);
    const { source, callLog } = sourceOn(browser);

    await source.search(request, context);
    const second = await source.search({ ...request, page: 2 }, context);

    expect(second.records).toEqual([{ id: 'o1' }]);
    expect(browser.opened).toHaveLength(1);
    expect(browser.opened[0]?.url).toBe('https://app.apollo.io/');
    expect(browser.opened[0]?.options.cookies).toEqual([{ name: 'remember_token', value: COOKIE, domain: '.apollo.io', path: '/', expires: 1_900_000_000 }]);
    expect(browser.fetched[1]).toMatchObject({ url: APOLLO_APP_SEARCH_PATHS.organizations, method: 'POST', headers: { [CSRF_HEADER]: 'csrf=token' } });
    expect(JSON.parse(browser.fetched[1]?.body ?? '')).toEqual({ q_organization_keyword_tags: ['saas'], page: 2, per_page: 25 });
    expect(callLog.entries).toHaveLength(2);
    expect(callLog.entries[0]).toMatchObject({ workspaceId: 'ws-a', provider: 'apollo_app', operation: 'organizations_search', status: 200, jobId: 'job-7' });
    expect(JSON.stringify(callLog.entries)).not.toContain(COOKIE);
  });

  it('It should answer SESSION_EXPIRED on 401, close the page, and open a fresh one next time', async () => {
    const browser = new ScriptedBrowser([answer(401, '{"error":"login"}'), answer(200, okPage)]);
    const { source } = sourceOn(browser);

    expect((await failure(source.search(request, context))).code).toBe('SESSION_EXPIRED');
    expect(browser.closed).toBe(1);
    await source.search(request, context);
    expect(browser.opened).toHaveLength(2);
  });

  it('It should answer SESSION_EXPIRED when the app refuses the page itself', async () => {
    const browser = new ScriptedBrowser([], 403);
    const { source } = sourceOn(browser);

    expect((await failure(source.search(request, context))).code).toBe('SESSION_EXPIRED');
    expect(browser.closed).toBe(1);
  });

  it('It should map a browser failure to UNAVAILABLE and reopen, and 5xx to UNAVAILABLE', async () => {
    const browser = new ScriptedBrowser([new BrowserError('BROWSER_TIMEOUT', 'slow'), answer(502, 'bad gateway')]);
    const { source, callLog } = sourceOn(browser);

    expect((await failure(source.search(request, context))).code).toBe('UNAVAILABLE');
    expect(callLog.entries[0]).toMatchObject({ status: 0, error: 'BROWSER_TIMEOUT' });
    expect((await failure(source.search(request, context))).code).toBe('UNAVAILABLE');
    expect(browser.opened).toHaveLength(2);
  });

  it('It should answer RATE_LIMITED with the wait when the shared limiter asks to requeue, without fetching', async () => {
    const browser = new ScriptedBrowser([]);
    const { source } = sourceOn(browser, new MemoryCallLog(), async () => {
      throw new OutboundRequeueError('apollo_app', 12_000);
    });

    const error = await failure(source.search(request, context));

    expect([error.code, error.retryAfterMs]).toEqual(['RATE_LIMITED', 12_000]);
    expect(browser.fetched).toEqual([]);
  });

  it('It should answer BAD_RESPONSE for an unreadable page', async () => {
    const { source } = sourceOn(new ScriptedBrowser([answer(200, '<html>login</html>')]));

    expect((await failure(source.search(request, context))).code).toBe('BAD_RESPONSE');
  });

  it('It should close idempotently and refuse pages past the app\'s 100', async () => {
    const browser = new ScriptedBrowser([answer(200, okPage)]);
    const { source } = sourceOn(browser);
    await source.search(request, context);

    await source.close();
    await source.close();
    expect(browser.closed).toBe(1);
    await expect(source.search({ ...request, page: 101 }, context)).rejects.toThrow(RangeError);
    expect(paced).toBeGreaterThan(0);
  });
});

describe('ApolloSources', () => {
  it('It should open the API source for a key and the session source for cookies, asking for the browser only then', async () => {
    let browserAsked = 0;
    const http: OutboundHttp = { request: async () => Promise.reject(new Error('not called')) };
    const sources = new ApolloSources({ http, browser: async () => (browserAsked++, new ScriptedBrowser([])), appBaseUrl: 'https://app.apollo.io', pace });

    const api = await sources.open({ kind: 'api', apiKey: 'k' }, context);
    expect([api.kind, api.perPage, api.maxPages, browserAsked]).toEqual(['api', 100, 500, 0]);
    const session = await sources.open({ kind: 'browser_session', cookies }, context);
    expect([session.kind, session.perPage, session.maxPages, browserAsked]).toEqual(['browser_session', 25, 100, 1]);
  });
});
