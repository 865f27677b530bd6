import type { EnrichOptions } from './job-data.ts';
import { SiteFetchError, type FetchedPage, type PageFetcher, type PageRenderer, type SiteExtractor } from './crawl-ports.ts';
import type { SiteFindings } from './site-findings.ts';

export interface CrawlDeps {
  readonly fetcher: PageFetcher;
  /** Absent where no browser is configured: `auto` then reads plain HTTP only. */
  readonly renderer?: PageRenderer;
  readonly extractor: SiteExtractor;
}

export interface SiteTarget {
  readonly domain: string;
  readonly startUrl?: string;
  readonly country?: string;
}

export interface CrawlResult {
  readonly findings: SiteFindings;
  readonly pagesFetched: number;
  readonly browserPages: number;
  /** Sub-pages that could not be read; the site still counts as done. */
  readonly pageFailures: readonly { readonly url: string; readonly reason: string }[];
  readonly homeUrl: string;
}

/** https first: most sites serve it; a site that refuses it outright is tried once over http. */
const homeCandidates = (target: SiteTarget): string[] =>
  target.startUrl ? [target.startUrl] : [`https://${target.domain}/`, `http://${target.domain}/`];

/**
 * Every page is fetched over plain HTTP first, even one the browser will render: that fetch applies
 * robots.txt and the SSRF guard, settles redirects, and keeps the headers and cookies that
 * technology detection reads; the rendered DOM then replaces the HTML.
 */
export async function readPage(deps: CrawlDeps, url: string, options: EnrichOptions, counts: { browser: number }): Promise<FetchedPage> {
  const respectRobots = options.respect_robots;
  const page = await deps.fetcher.fetchPage(url, { respectRobots });
  const render = options.browser === 'always' || (options.browser === 'auto' && deps.extractor.needsJavaScript(page));
  if (!render || !deps.renderer) return page;
  counts.browser += 1;
  const rendered = await deps.renderer.render(page.finalUrl);
  return { ...rendered, headers: page.headers, cookies: page.cookies, status: page.status };
}

async function readHome(deps: CrawlDeps, target: SiteTarget, options: EnrichOptions, counts: { browser: number }): Promise<FetchedPage> {
  const candidates = homeCandidates(target);
  let lastError: unknown;
  for (const url of candidates) {
    try {
      return await readPage(deps, url, options, counts);
    } catch (error) {
      lastError = error;
      // Only a site that cannot be reached over https is tried over http; any answer is final.
      if (!(error instanceof SiteFetchError) || (error.reason !== 'unreachable' && error.reason !== 'timeout')) throw error;
    }
  }
  throw lastError;
}

export interface PagesCrawl {
  readonly pages: readonly FetchedPage[];
  readonly browserPages: number;
  readonly pageFailures: readonly { readonly url: string; readonly reason: string }[];
  readonly homeUrl: string;
}

/**
 * The home page, then the pages `pick` chooses from it (up to `options.pages_per_site` in all).
 * Website enrichment picks contact pages; onboarding research picks product, pricing and customer pages.
 */
export async function crawlPages(
  deps: CrawlDeps,
  target: SiteTarget,
  options: EnrichOptions,
  pick: (home: FetchedPage, limit: number) => string[] = (home, limit) => deps.extractor.pagesToVisit(home, limit),
): Promise<PagesCrawl> {
  const counts = { browser: 0 };
  const home = await readHome(deps, target, options, counts);
  const pages: FetchedPage[] = [home];
  const pageFailures: { url: string; reason: string }[] = [];
  for (const url of pick(home, options.pages_per_site - 1)) {
    try {
      pages.push(await readPage(deps, url, options, counts));
    } catch (error) {
      if (!(error instanceof SiteFetchError)) throw error;
      pageFailures.push({ url, reason: error.reason });
    }
  }
  return { pages, browserPages: counts.browser, pageFailures, homeUrl: home.finalUrl };
}

/**
 * Reads one company website: its home page, then the few pages most likely to hold contact data,
 * over plain HTTP and in the browser only where the options and the page call for it, and
 * extracts what they say. A failing home page fails the site (SiteFetchError); a failing
 * sub-page is noted and skipped.
 */
export async function crawlSite(deps: CrawlDeps, target: SiteTarget, options: EnrichOptions): Promise<CrawlResult> {
  const { pages, browserPages, pageFailures, homeUrl } = await crawlPages(deps, target, options);
  const findings = deps.extractor.extract(pages, { companyDomain: target.domain, ...(target.country ? { defaultCountry: target.country } : {}) });
  return { findings, pagesFetched: pages.length, browserPages, pageFailures, homeUrl };
}
