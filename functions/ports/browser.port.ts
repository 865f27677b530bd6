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
  | 'BROWSER_LAUNCH_FAILED';

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
