/**
 * A web app opened with a user's pasted session. JSON is read with `fetch()` run by the page
 * itself, so the app sees its own origin, cookies and headers. Every request, the page's and
 * those fetches, passes the URL guard. Cookie values never reach a log line or an error message.
 *
 * Isolation: the Lambda build of Chromium runs `--single-process`, where a second browser
 * context crashes the browser, so a session cannot have a cookie jar of its own. Instead a
 * session browser holds ONE session at a time: its jar and the app's storage are wiped before
 * the cookies go in and again when the page closes, and the next session waits its turn.
 * The caller keeps session browsers apart from browsers that render crawled pages (a hostile
 * site must never share a jar with a logged-in session).
 */
import type { Browser, BrowserContext, CookieData, HTTPRequest, Page } from 'puppeteer-core';
import { BrowserError } from '../../ports/browser.port.ts';
import type { BrowserCookie, PageFetchRequest, PageFetchResponse, SessionPage, SessionPageOptions } from '../../ports/browser.port.ts';
import type { UrlGuard } from './browser.chromium.ts';

export const DEFAULT_SESSION_OPEN_TIMEOUT_MS = 30_000;
export const DEFAULT_PAGE_FETCH_TIMEOUT_MS = 30_000;
/** Ten million characters: a page of 100 rich records is well under a megabyte. */
export const DEFAULT_PAGE_FETCH_MAX_CHARS = 10_000_000;
/** After its own timeout ran out inside the page, how long the page gets to say so. */
const FETCH_GRACE_MS = 2_000;
const BLOCKED_RESOURCE_TYPES: ReadonlySet<string> = new Set(['image', 'font', 'media']);
const META_NAME = /^[A-Za-z0-9_.:-]+$/;

/** One waiter queue per browser: a session holds the browser's jar until it closes. */
class SessionTurns {
  private busy = false;
  private readonly waiting: (() => void)[] = [];

  /** Resolves with the release of the turn, or fails after `waitMs`. */
  take(waitMs: number): Promise<() => void> {
    const release = (): void => {
      const next = this.waiting.shift();
      if (next) next();
      else this.busy = false;
    };
    if (!this.busy) {
      this.busy = true;
      return Promise.resolve(once(release));
    }
    return new Promise((resolve, reject) => {
      const turn = (): void => {
        clearTimeout(timer);
        resolve(once(release));
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(turn), 1);
        reject(new BrowserError('BROWSER_TIMEOUT', `another session held the browser for over ${waitMs} ms`));
      }, waitMs);
      this.waiting.push(turn);
    });
  }
}

const once = (fn: () => void): (() => void) => {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
};

const turnsByBrowser = new WeakMap<Browser, SessionTurns>();
const turnsOf = (browser: Browser): SessionTurns => {
  let turns = turnsByBrowser.get(browser);
  if (!turns) turnsByBrowser.set(browser, (turns = new SessionTurns()));
  return turns;
};

/** Forgets every cookie of the jar and what the app's origin stored (localStorage, caches...). */
const wipe = async (context: BrowserContext, page: Page | undefined, origin: string): Promise<void> => {
  await context.deleteCookie(...(await context.cookies()));
  if (page === undefined || page.isClosed()) return;
  const cdp = await page.createCDPSession();
  try {
    await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
  } finally {
    await cdp.detach().catch(() => undefined);
  }
};

interface InPageRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: string | null;
  readonly timeoutMs: number;
  readonly maxChars: number;
}

type InPageResult = { readonly status: number; readonly headers: [string, string][]; readonly text: string } | { readonly error: 'timeout' | 'network' | 'too_large' };

/** Runs inside the page (serialised by puppeteer): it may use only what a browser has. */
const fetchInPage = async (request: InPageRequest): Promise<InPageResult> => {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), request.timeoutMs);
  try {
    const init = { method: request.method, headers: request.headers, credentials: 'include' as const, signal: controller.signal, ...(request.body === null ? {} : { body: request.body }) };
    const response = await fetch(request.url, init);
    const text = await response.text();
    if (text.length > request.maxChars) return { error: 'too_large' };
    return { status: response.status, headers: [...response.headers.entries()], text };
  } catch {
    return { error: controller.signal.aborted ? 'timeout' : 'network' };
  } finally {
    clearTimeout(timer);
  }
};

const toCookieData = (cookie: BrowserCookie): CookieData => ({
  name: cookie.name,
  value: cookie.value,
  domain: cookie.domain,
  path: cookie.path,
  ...(cookie.secure !== undefined ? { secure: cookie.secure } : {}),
  ...(cookie.httpOnly !== undefined ? { httpOnly: cookie.httpOnly } : {}),
  ...(cookie.expires !== undefined ? { expires: cookie.expires } : {}),
});

const appliesTo = (domain: string, host: string): boolean => {
  const bare = domain.replace(/^\./, '');
  return host === bare || host.endsWith(`.${bare}`);
};

/** Guards every request of the page; skips images, fonts and media. */
const screenRequests = async (page: Page, guardUrl: UrlGuard, refused: Set<string>): Promise<void> => {
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return;
    if (BLOCKED_RESOURCE_TYPES.has(request.resourceType())) {
      void request.abort('blockedbyclient').catch(() => undefined);
      return;
    }
    void guardUrl(request.url()).then(
      () => request.continue().catch(() => undefined),
      () => {
        refused.add(request.url());
        return request.abort('accessdenied').catch(() => undefined);
      },
    );
  });
};

const withDeadline = async <T>(work: Promise<T>, ms: number, onTimeout: () => BrowserError): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
};

class ChromiumSessionPage implements SessionPage {
  private closed = false;

  constructor(
    private readonly release: () => void,
    private readonly context: BrowserContext,
    private readonly page: Page,
    private readonly guardUrl: UrlGuard,
    private readonly refused: Set<string>,
    readonly finalUrl: string,
    readonly status: number | null,
  ) {}

  async cookie(name: string): Promise<string | null> {
    const host = new URL(this.page.url()).hostname;
    const found = (await this.context.cookies()).find((cookie) => cookie.name === name && appliesTo(cookie.domain, host));
    return found?.value ?? null;
  }

  async meta(name: string): Promise<string | null> {
    if (!META_NAME.test(name)) throw new RangeError(`not a meta name: ${name}`);
    const meta = await this.page.$(`meta[name="${name}"]`);
    if (meta === null) return null;
    try {
      return await meta.evaluate((element) => element.getAttribute('content'));
    } finally {
      await meta.dispose();
    }
  }

  async fetch(request: PageFetchRequest): Promise<PageFetchResponse> {
    const url = new URL(request.url, this.page.url()).href;
    try {
      await this.guardUrl(url);
    } catch (error) {
      throw new BrowserError('BROWSER_URL_REFUSED', `${url} was refused by the URL guard`, { cause: error });
    }
    const timeoutMs = request.timeoutMs ?? DEFAULT_PAGE_FETCH_TIMEOUT_MS;
    const inPage: InPageRequest = {
      url,
      method: request.method ?? 'GET',
      headers: { ...request.headers },
      body: request.body ?? null,
      timeoutMs,
      maxChars: request.maxChars ?? DEFAULT_PAGE_FETCH_MAX_CHARS,
    };
    const result = await withDeadline(this.page.evaluate(fetchInPage, inPage), timeoutMs + FETCH_GRACE_MS, () => new BrowserError('BROWSER_TIMEOUT', `${url}: the page did not answer`));
    if ('error' in result) {
      if (this.refused.has(url)) throw new BrowserError('BROWSER_URL_REFUSED', `${url} was refused by the URL guard`);
      throw new BrowserError(result.error === 'timeout' ? 'BROWSER_TIMEOUT' : 'BROWSER_FETCH_FAILED', `${url}: ${result.error}`);
    }
    return { status: result.status, headers: Object.fromEntries(result.headers.map(([k, v]) => [k.toLowerCase(), v])), text: result.text };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await wipe(this.context, this.page, new URL(this.finalUrl).origin).catch(() => undefined);
      await this.page.close().catch(() => undefined);
      // Cookies the app set while the page was closing must not outlive the session either.
      await wipe(this.context, undefined, '').catch(() => undefined);
    } finally {
      this.release();
    }
  }
}

/**
 * Opens `url` with the session's cookies once the browser's jar is free and wiped; on any
 * failure the page is closed and the jar wiped before the error is thrown.
 */
export async function openSessionPage(browser: Browser, url: string, options: SessionPageOptions & { readonly guardUrl: UrlGuard }): Promise<SessionPage> {
  try {
    await options.guardUrl(url);
  } catch (error) {
    throw new BrowserError('BROWSER_URL_REFUSED', `${url} was refused by the URL guard`, { cause: error });
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_SESSION_OPEN_TIMEOUT_MS;
  const release = await turnsOf(browser).take(timeoutMs);
  const context = browser.defaultBrowserContext();
  const refused = new Set<string>();
  let page: Page | undefined;
  try {
    await wipe(context, undefined, '');
    // Puppeteer's own errors could quote the cookies; none of them is passed on.
    await context.setCookie(...options.cookies.map(toCookieData)).catch(() => {
      throw new BrowserError('BROWSER_NAVIGATION_FAILED', 'the browser refused the session cookies');
    });
    page = await context.newPage();
    await screenRequests(page, options.guardUrl, refused);
    const opened = page;
    const response = await withDeadline(
      opened.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs }).catch((error: unknown) => {
        if (refused.has(url)) throw new BrowserError('BROWSER_URL_REFUSED', `${url} was refused by the URL guard`);
        if ((error as Error).name === 'TimeoutError') throw new BrowserError('BROWSER_TIMEOUT', `${url} did not open within ${timeoutMs} ms`);
        throw new BrowserError('BROWSER_NAVIGATION_FAILED', `${url} could not be opened`);
      }),
      timeoutMs + FETCH_GRACE_MS,
      () => new BrowserError('BROWSER_TIMEOUT', `${url} did not open within ${timeoutMs} ms`),
    );
    return new ChromiumSessionPage(release, context, opened, options.guardUrl, refused, opened.url(), response?.status() ?? null);
  } catch (error) {
    await wipe(context, page, new URL(url).origin).catch(() => undefined);
    await page?.close().catch(() => undefined);
    await wipe(context, undefined, '').catch(() => undefined);
    release();
    throw error;
  }
}
