/**
 * Apollo's web app with the workspace's own logged-in session: one headless Chromium page on
 * the app's origin, with the pasted cookies in a context of its own, reading the JSON of the
 * app's internal search endpoints by `fetch()` from inside that page (the app's own origin,
 * cookies and CSRF token), never the rendered table. Paced by the shared limiter of provider
 * `apollo_app`, per workspace, since the limits are the workspace's own Apollo account's.
 */
import type { Release } from '../../domain/outbound/shared-limiter.ts';
import { BrowserError, type BrowserSessionPort, type PageFetchResponse, type SessionPage } from '../../ports/browser.port.ts';
import type { CallLog } from '../../ports/call-log.port.ts';
import { OutboundRequeueError } from '../../ports/outbound-http.port.ts';
import {
  ApolloSourceError,
  type ApolloCallContext,
  type ApolloSearchPage,
  type ApolloSearchRequest,
  type ApolloSessionCookie,
  type ApolloSource,
} from '../../ports/apollo-source.port.ts';
import { checkPageRequest } from './apollo-api.source.ts';
import { errorForStatus, readSearchPage, searchBody } from './search-response.ts';

/** The app shows 25 results a page and 100 pages for one search. */
export const APOLLO_APP_PER_PAGE = 25;
export const APOLLO_APP_MAX_PAGES = 100;

/** The web app's internal search endpoints, on the app's own origin. */
export const APOLLO_APP_SEARCH_PATHS = {
  organizations: '/api/v1/mixed_companies/search',
  people: '/api/v1/mixed_people/search',
} as const;
/** The single-page app itself: its routes live in the fragment, which never reaches the server. */
export const APOLLO_APP_ENTRY_PATH = '/';
/** Where the app keeps the token its own requests echo in `x-csrf-token`: a cookie, else a meta tag. */
export const CSRF_COOKIE_NAMES = ['X-CSRF-TOKEN', 'csrf_token', 'XSRF-TOKEN'] as const;
export const CSRF_META_NAME = 'csrf-token';
export const CSRF_HEADER = 'x-csrf-token';

const SOURCE = 'Apollo web app';
const PROVIDER = 'apollo_app';

/** Waits for room in the workspace's shared windows, or throws OutboundRequeueError. */
export type SessionPacer = (context: ApolloCallContext) => Promise<Release>;

export interface ApolloSessionSourceDeps {
  readonly browser: BrowserSessionPort;
  /** `https://app.apollo.io`, or the local fake's origin. */
  readonly appBaseUrl: string;
  readonly cookies: readonly ApolloSessionCookie[];
  readonly pace: SessionPacer;
  readonly callLog?: CallLog;
  readonly fetchTimeoutMs?: number;
  readonly maxResponseChars?: number;
  readonly now?: () => number;
}

const browserFailure = (error: unknown): unknown => {
  if (error instanceof OutboundRequeueError) return new ApolloSourceError('RATE_LIMITED', `${SOURCE}: over its rate limits`, error.retryAfterMs, { cause: error });
  if (error instanceof BrowserError) return new ApolloSourceError('UNAVAILABLE', `${SOURCE}: ${error.message}`, undefined, { cause: error });
  return error;
};

export class ApolloSessionSource implements ApolloSource {
  readonly kind = 'browser_session' as const;
  readonly perPage = APOLLO_APP_PER_PAGE;
  readonly maxPages = APOLLO_APP_MAX_PAGES;
  private page: Promise<SessionPage> | undefined;
  private readonly now: () => number;

  constructor(private readonly deps: ApolloSessionSourceDeps) {
    this.now = deps.now ?? Date.now;
  }

  async search(request: ApolloSearchRequest, context: ApolloCallContext): Promise<ApolloSearchPage> {
    checkPageRequest(request, this.perPage, this.maxPages);
    const page = await this.openPage();
    const release = await this.deps.pace(context).catch((error: unknown) => {
      throw browserFailure(error);
    });
    const startedAt = this.now();
    let response: PageFetchResponse | undefined;
    let failure: unknown;
    try {
      response = await this.post(page, request);
    } catch (error) {
      failure = error;
      // A page whose fetch failed may be broken: the next search opens a fresh one.
      await this.close();
      throw browserFailure(error);
    } finally {
      await release();
      await this.log(request, context, startedAt, response, failure);
    }
    return this.read(request, response);
  }

  /** Closes the page and its context; the next search opens a new one. */
  async close(): Promise<void> {
    const open = this.page;
    this.page = undefined;
    await open?.then((page) => page.close()).catch(() => undefined);
  }

  private async read(request: ApolloSearchRequest, response: PageFetchResponse): Promise<ApolloSearchPage> {
    if (response.status >= 200 && response.status <= 299) return readSearchPage(request.entity, response.text, SOURCE, request);
    const error = errorForStatus(response.status, response.text, { source: SOURCE, authCode: 'SESSION_EXPIRED', retryAfterHeader: response.headers['retry-after'], nowMs: this.now() });
    if (error.code === 'SESSION_EXPIRED') await this.close();
    throw error;
  }

  private async post(page: SessionPage, request: ApolloSearchRequest): Promise<PageFetchResponse> {
    const csrf = await this.csrfToken(page);
    return page.fetch({
      url: APOLLO_APP_SEARCH_PATHS[request.entity],
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(csrf === null ? {} : { [CSRF_HEADER]: csrf }) },
      body: searchBody(request),
      ...(this.deps.fetchTimeoutMs !== undefined ? { timeoutMs: this.deps.fetchTimeoutMs } : {}),
      ...(this.deps.maxResponseChars !== undefined ? { maxChars: this.deps.maxResponseChars } : {}),
    });
  }

  /** Read for every search: the app may rotate it in a response cookie. */
  private async csrfToken(page: SessionPage): Promise<string | null> {
    for (const name of CSRF_COOKIE_NAMES) {
      const value = await page.cookie(name);
      if (value !== null && value !== '') return decodeURIComponent(value);
    }
    return page.meta(CSRF_META_NAME);
  }

  private openPage(): Promise<SessionPage> {
    this.page ??= this.open();
    const opening = this.page;
    return opening.catch(async (error: unknown) => {
      if (this.page === opening) this.page = undefined;
      throw error instanceof ApolloSourceError ? error : browserFailure(error);
    });
  }

  private async open(): Promise<SessionPage> {
    const url = new URL(APOLLO_APP_ENTRY_PATH, `${this.deps.appBaseUrl}/`).href;
    const cookies = this.deps.cookies.map((cookie) => ({
      name: cookie.name,
      value: cookie.value,
      domain: cookie.domain,
      path: cookie.path,
      ...(cookie.secure !== undefined ? { secure: cookie.secure } : {}),
      ...(cookie.httpOnly !== undefined ? { httpOnly: cookie.httpOnly } : {}),
      ...(cookie.expirationDate !== undefined ? { expires: cookie.expirationDate } : {}),
    }));
    const page = await this.deps.browser.openSession(url, { cookies });
    if (page.status === 401 || page.status === 403) {
      await page.close();
      throw new ApolloSourceError('SESSION_EXPIRED', `${SOURCE} refused the session (${page.status})`);
    }
    return page;
  }

  /** A lost call-log write must not fail the search it describes. */
  private async log(request: ApolloSearchRequest, context: ApolloCallContext, startedAt: number, response: PageFetchResponse | undefined, failure: unknown): Promise<void> {
    const entry = {
      workspaceId: context.workspaceId,
      provider: PROVIDER,
      operation: `${request.entity}_search`,
      status: response?.status ?? 0,
      ...(failure instanceof BrowserError ? { error: failure.code } : {}),
      latencyMs: this.now() - startedAt,
      bytes: response?.text.length ?? 0,
      credits: 0,
      attempts: 1,
      ...(context.jobId !== undefined ? { jobId: context.jobId } : {}),
      caller: 'apollo_collection',
      at: new Date(startedAt).toISOString(),
    };
    await this.deps.callLog?.record(entry).catch(() => undefined);
  }
}
