import type { FetchedPage, PageFetcher, PageRenderer, SiteExtractor } from '../../../../functions/domain/enrich-websites/crawl-ports.ts';
import { SiteFetchError } from '../../../../functions/domain/enrich-websites/crawl-ports.ts';
import type { SiteFindings } from '../../../../functions/domain/enrich-websites/site-findings.ts';
import type { Job } from '../../../../functions/domain/jobs/job.ts';

export const page = (url: string, html: string, extra: Partial<FetchedPage> = {}): FetchedPage => ({
  url,
  finalUrl: url,
  status: 200,
  headers: { 'content-type': 'text/html' },
  cookies: [],
  html,
  rendered: false,
  ...extra,
});

/** A web of canned pages; a URL that is not listed fails with the reason it maps to (or unreachable). */
export class CannedWeb implements PageFetcher, PageRenderer {
  readonly fetched: string[] = [];
  readonly rendered: string[] = [];
  constructor(
    readonly pages: Record<string, string>,
    readonly failures: Record<string, SiteFetchError> = {},
  ) {}

  async fetchPage(url: string): Promise<FetchedPage> {
    this.fetched.push(url);
    const failure = this.failures[url];
    if (failure) throw failure;
    const html = this.pages[url];
    if (html === undefined) throw new SiteFetchError('unreachable', `No such page: ${url}`);
    return page(url, html);
  }

  async render(url: string): Promise<FetchedPage> {
    this.rendered.push(url);
    const html = this.pages[`rendered:${url}`] ?? this.pages[url];
    if (html === undefined) throw new SiteFetchError('browser_error', `No such page: ${url}`);
    return page(url, html, { rendered: true });
  }
}

const EMPTY: SiteFindings = { emails: [], phones: [], profiles: {}, technologies: [], people: [], organisation: {} };

/** Reads `mailto:` links and `<a data-page>` links only: enough to drive the crawl's decisions. */
export const simpleExtractor: SiteExtractor = {
  pagesToVisit: (home, limit) =>
    [...home.html.matchAll(/data-page="([^"]+)"/g)].map((m) => new URL(m[1]!, home.finalUrl).toString()).slice(0, limit),
  needsJavaScript: (p) => p.html.includes('id="app"></div>'),
  extract: (pages, options) => ({
    ...EMPTY,
    emails: pages.flatMap((p) =>
      [...p.html.matchAll(/mailto:([^"]+)/g)].map((m) => ({ address: m[1]!, roleBased: m[1]!.startsWith('info@'), ownDomain: m[1]!.endsWith(`@${options.companyDomain}`), url: p.finalUrl })),
    ),
    organisation: { name: { value: pages[0]!.html.match(/<title>([^<]+)/)?.[1] ?? 'Unnamed', url: pages[0]!.finalUrl } },
  }),
};

export const enrichJob = (overrides: Partial<Job> = {}): Job => ({
  id: 'job-1',
  workspaceId: 'ws-a',
  type: 'enrich_websites',
  status: 'processing',
  data: { domains: ['acme.test'] },
  retryCount: 3,
  attempts: 0,
  progress: 0,
  counters: { rowsRead: 0, rowsWritten: 0, rowsFailed: 0 },
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  version: 1,
  leaseOwner: 'run-1',
  leaseUntil: '2999-01-01T00:00:00.000Z',
  ...overrides,
});
