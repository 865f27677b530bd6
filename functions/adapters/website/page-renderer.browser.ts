import { SiteFetchError, type FetchedPage, type PageRenderer, type SiteFailureReason } from '../../domain/enrich-websites/crawl-ports.ts';
import { BrowserError, type BrowserErrorCode, type BrowserPort } from '../../ports/browser.port.ts';

const REASONS: Readonly<Record<BrowserErrorCode, SiteFailureReason>> = {
  BROWSER_TIMEOUT: 'timeout',
  BROWSER_URL_REFUSED: 'blocked_address',
  BROWSER_TOO_MANY_NAVIGATIONS: 'too_many_redirects',
  BROWSER_NAVIGATION_FAILED: 'unreachable',
  BROWSER_LAUNCH_FAILED: 'browser_error',
  BROWSER_FETCH_FAILED: 'browser_error',
};

/** Pages rendered in headless Chromium, for the crawl: browser failures become site-level reasons. */
export class BrowserPageRenderer implements PageRenderer {
  constructor(private readonly browser: BrowserPort) {}

  async render(url: string): Promise<FetchedPage> {
    try {
      const page = await this.browser.render(url);
      return { url, finalUrl: page.finalUrl, status: page.status ?? 200, headers: {}, cookies: [], html: page.html, rendered: true };
    } catch (error) {
      if (error instanceof BrowserError) throw new SiteFetchError(REASONS[error.code], `${url}: ${error.message}`);
      throw error;
    }
  }
}
