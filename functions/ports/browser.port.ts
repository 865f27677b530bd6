/**
 * A headless browser for pages that need JavaScript or a session. Prefer plain HTTP: a page
 * rendered here costs a Chromium tab, hundreds of megabytes and seconds.
 */

/** A JSON body the page fetched (XHR or fetch) while it rendered: many sites render from one. */
export interface SeenJsonResponse {
  readonly url: string;
  readonly status: number;
  readonly body: unknown;
}

export interface RenderedPage {
  /** Where the page ended up after redirects. */
  readonly finalUrl: string;
  /** The main document's HTTP status; null when the browser got none (a `data:` URL). */
  readonly status: number | null;
  /** The DOM serialised after scripts ran, not the HTML the server sent. */
  readonly html: string;
  readonly jsonResponses: readonly SeenJsonResponse[];
  /** Requests the URL guard refused and the browser therefore never sent. */
  readonly refusedUrls: readonly string[];
  /** Images, fonts and media skipped: text is what collectors read. */
  readonly blockedRequests: number;
}

export interface RenderOptions {
  /** Hard limit for the whole page (navigation, scripts, settling); the adapter has a default. */
  readonly timeoutMs?: number;
}

export type BrowserErrorCode =
  /** The page did not render within its hard timeout. */
  | 'BROWSER_TIMEOUT'
  /** The URL guard refused the page's own URL (or a redirect of it). */
  | 'BROWSER_URL_REFUSED'
  /** The page redirected or navigated more often than allowed. */
  | 'BROWSER_TOO_MANY_NAVIGATIONS'
  /** DNS, connection or HTTP-level failure of the main document. */
  | 'BROWSER_NAVIGATION_FAILED'
  /** Chromium could not be started. */
  | 'BROWSER_LAUNCH_FAILED'
  /** A fetch run inside a session page got no answer (network, guard refusal, timeout, too large). */
  | 'BROWSER_FETCH_FAILED';

export class BrowserError extends Error {
  constructor(
    readonly code: BrowserErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BrowserError';
  }
}

export interface BrowserPort {
  /** Opens `url` in a fresh page, returns what it rendered and always closes the page. */
  render(url: string, options?: RenderOptions): Promise<RenderedPage>;
  /** Closes the browser itself (shutdown, tests); the next render launches a new one. */
  close(): Promise<void>;
}

// ---- Sessions: a logged-in web app read from inside its own pages ----

/** A cookie put into a session's own cookie jar before its first request. */
export interface BrowserCookie {
  readonly name: string;
  readonly value: string;
  readonly domain: string;
  readonly path: string;
  readonly secure?: boolean;
  readonly httpOnly?: boolean;
  /** Unix seconds; absent for a session cookie. */
  readonly expires?: number;
}

export interface SessionPageOptions {
  /** Secrets: set in the session's isolated cookie jar, never logged, never in an error. */
  readonly cookies: readonly BrowserCookie[];
  /** Hard limit for opening the page; the adapter has a default. */
  readonly timeoutMs?: number;
}

export interface PageFetchRequest {
  /** Absolute, or relative to the page's own URL. */
  readonly url: string;
  readonly method?: 'GET' | 'POST';
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly timeoutMs?: number;
  /** Longer answers fail with BROWSER_FETCH_FAILED rather than fill memory. */
  readonly maxChars?: number;
}

export interface PageFetchResponse {
  readonly status: number;
  /** Lower-cased names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
}

/**
 * One open page of a web app with a user's session, in a browser context of its own (no other
 * session's cookies, no other session sees its cookies). Every request it makes passes the URL
 * guard. It stays open until {@link SessionPage.close}.
 */
export interface SessionPage {
  readonly finalUrl: string;
  readonly status: number | null;
  /** A cookie of the page's URL as the browser holds it now (pasted, or set by the app). */
  cookie(name: string): Promise<string | null>;
  /** The `content` of `<meta name="...">` in the page as it is now. */
  meta(name: string): Promise<string | null>;
  /** `fetch()` run by the page itself: the browser's own cookies, origin and headers. */
  fetch(request: PageFetchRequest): Promise<PageFetchResponse>;
  /** Closes the page and its context; safe to call twice. */
  close(): Promise<void>;
}

export interface BrowserSessionPort {
  /** Opens `url` with `cookies` set, in a fresh isolated context; the caller closes it. */
  openSession(url: string, options: SessionPageOptions): Promise<SessionPage>;
}
