import type { SiteFindings } from './site-findings.ts';

/**
 * Why a site (or one page of it) could not be read. Every refusal of the SSRF guard, every
 * transport failure and every unusable answer maps to one of these, so a job's report can count
 * failures by reason.
 */
export const SITE_FAILURE_REASONS = [
  'blocked_address',
  'invalid_url',
  'unreachable',
  'timeout',
  'too_large',
  'not_html',
  'too_many_redirects',
  'http_error',
  'robots_disallowed',
  'browser_error',
  'internal',
] as const;
export type SiteFailureReason = (typeof SITE_FAILURE_REASONS)[number];

export class SiteFetchError extends Error {
  constructor(
    readonly reason: SiteFailureReason,
    message: string,
    /** HTTP status, for `http_error`. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'SiteFetchError';
  }
}

export interface FetchedPage {
  /** The URL asked for. */
  readonly url: string;
  /** Where the answer came from after redirects. */
  readonly finalUrl: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly cookies: readonly string[];
  readonly html: string;
  /** Rendered in the browser (JavaScript ran). */
  readonly rendered: boolean;
  /** Globals the page defined, read in the browser for technology detection. */
  readonly js?: Readonly<Record<string, unknown>>;
}

/** Plain HTTP through the guarded, polite outbound client; throws SiteFetchError. */
export interface PageFetcher {
  fetchPage(url: string, options: { readonly respectRobots: boolean }): Promise<FetchedPage>;
}

/** The headless browser, for a page already fetched (and so allowed) over HTTP; throws SiteFetchError. */
export interface PageRenderer {
  render(url: string): Promise<FetchedPage>;
}

/** The pure extraction (functions/domain/enrichment) behind one seam. */
export interface SiteExtractor {
  /** Same-site pages most likely to hold contact data, best first. */
  pagesToVisit(home: FetchedPage, limit: number): string[];
  needsJavaScript(page: FetchedPage): boolean;
  extract(pages: readonly FetchedPage[], options: { readonly companyDomain: string; readonly defaultCountry?: string }): SiteFindings;
}
