/**
 * The onboarding crawl, on website enrichment's crawler: the home page, then the pages that say
 * what the company sells and to whom (pricing, customers, products, industries); a deep run also
 * follows those pages' own links one step further (each product, each customer story).
 */
import { bareHost, isSameOrSubdomain } from '../enrichment/domains.ts';
import { parsePage, resolveUrl, type ParsedPage } from '../enrichment/parsed-page.ts';
import { crawlPages, readPage, type CrawlDeps, type SiteTarget } from '../enrich-websites/crawl-site.ts';
import { SiteFetchError, type FetchedPage } from '../enrich-websites/crawl-ports.ts';
import { enrichOptionsSchema } from '../enrich-websites/job-data.ts';
import { DEEP_RESEARCH_PAGES, RESEARCH_PAGES } from './research-limits.ts';

const PAGE_KINDS: ReadonlyArray<readonly [number, RegExp]> = [
  [100, /(?:^|[/\s-])(?:pricing|plans|prices?|preise|tarifs?|precios)(?:$|[/\s-])/i],
  [95, /(?:^|[/\s-])(?:customers?|case-stud(?:y|ies)|success-stor(?:y|ies)|customer-stories|clients|testimonials)(?:$|[/\s-])/i],
  [80, /(?:^|[/\s-])(?:products?|platform|features)(?:$|[/\s-])/i],
  [60, /(?:^|[/\s-])(?:solutions|industr(?:y|ies)|use-cases|who-we-serve)(?:$|[/\s-])/i],
  [40, /(?:^|[/\s-])(?:about|company|why-\w+)(?:$|[/\s-])/i],
];
const ASSET = /\.(?:pdf|jpe?g|png|gif|webp|svg|zip|mp4|css|js|xml|json|ico)$/i;

function scoreOf(url: URL, text: string): number {
  const haystack = `${url.pathname} ${text.toLowerCase().replace(/\s+/g, '-')}`;
  return PAGE_KINDS.find(([, pattern]) => pattern.test(haystack))?.[0] ?? 0;
}

/** Same-site links worth reading for research, best first. */
export function pickResearchPages(page: { readonly html: string; readonly finalUrl: string }, limit: number, skip: ReadonlySet<string> = new Set()): string[] {
  if (limit <= 0) return [];
  const parsed = parsePage({ url: page.finalUrl, status: 200, headers: {}, html: page.html });
  const site = bareHost(new URL(page.finalUrl).hostname);
  const scored = new Map<string, number>();
  for (const link of parsed.links) {
    const url = resolveUrl(link.href, page.finalUrl);
    if (!url || !isSameOrSubdomain(url.hostname, site) || ASSET.test(url.pathname)) continue;
    url.hash = '';
    url.search = '';
    const key = url.toString();
    if (skip.has(key) || url.pathname === '/' || url.toString() === page.finalUrl) continue;
    const score = scoreOf(url, link.text);
    if (score > (scored.get(key) ?? 0)) scored.set(key, score);
  }
  return [...scored.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([url]) => url);
}

export interface ResearchCrawl {
  readonly pages: readonly ParsedPage[];
  readonly homeUrl?: string;
  readonly pageFailures: readonly { readonly url: string; readonly reason: string }[];
  /** Set when the home page itself could not be read: nothing else was. */
  readonly unreadable?: { readonly reason: string; readonly message: string };
}

const toParsed = (page: FetchedPage): ParsedPage => parsePage({ url: page.finalUrl, status: page.status, headers: page.headers, html: page.html });

/** Reads the site; a home page that cannot be read is a finding (`unreadable`), not an error. */
export async function crawlResearchSite(deps: CrawlDeps, target: SiteTarget, deep: boolean): Promise<ResearchCrawl> {
  const budget = deep ? DEEP_RESEARCH_PAGES : RESEARCH_PAGES;
  const firstRound = deep ? Math.ceil(budget / 2) : budget;
  const options = enrichOptionsSchema.parse({ pages_per_site: Math.min(firstRound, 10), browser: 'auto' });
  let crawl;
  try {
    crawl = await crawlPages(deps, target, options, (home, limit) => pickResearchPages(home, limit));
  } catch (error) {
    if (error instanceof SiteFetchError) return { pages: [], pageFailures: [], unreadable: { reason: error.reason, message: error.message } };
    throw error;
  }
  const fetched = [...crawl.pages];
  const failures = [...crawl.pageFailures];
  if (deep) {
    const seen = new Set(fetched.map((p) => p.finalUrl).concat(failures.map((f) => f.url)));
    const next = fetched.slice(1).flatMap((page) => pickResearchPages(page, budget, seen));
    for (const url of [...new Set(next)].slice(0, budget - fetched.length)) {
      try {
        fetched.push(await readPage(deps, url, options, { browser: 0 }));
      } catch (error) {
        if (!(error instanceof SiteFetchError)) throw error;
        failures.push({ url, reason: error.reason });
      }
    }
  }
  return { pages: fetched.map(toParsed), homeUrl: crawl.homeUrl, pageFailures: failures };
}
