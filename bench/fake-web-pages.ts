/**
 * The fake web's pages as the crawler would fetch them, for the extraction and accuracy
 * benchmarks: the home page, then the pages `pickPagesToFetch` chooses from it, each with the
 * response headers and cookies the fake server sends (technologies show in both).
 */
import { pickPagesToFetch } from '../functions/domain/enrichment/page-planning.ts';
import type { FetchedPage } from '../functions/domain/enrichment/site-extraction.ts';
import type { FakeWeb } from '../lib/local/fakes/web/index.ts';
import type { SiteTruth } from '../lib/local/fakes/web/site-truth.ts';

/** Home page plus this many more: what the enrichment job fetches per site by default. */
export const PAGES_PER_SITE = 5;

/** Special sites that still serve ordinary pages over plain HTTP. */
const ORDINARY_SPECIALS = new Set(['slow', 'apex-to-www', 'idn']);

export interface CrawledSite {
  truth: SiteTruth;
  pages: FetchedPage[];
}

export const isOrdinary = (site: SiteTruth): boolean => site.special === undefined || ORDINARY_SPECIALS.has(site.special);

function cookiesOf(setCookie: string | readonly string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of setCookie === undefined ? [] : typeof setCookie === 'string' ? [setCookie] : setCookie) {
    const pair = line.split(';')[0] ?? '';
    const eq = pair.indexOf('=');
    if (eq > 0) out[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return out;
}

function fetchPage(web: FakeWeb, url: string): FetchedPage {
  const { host, pathname } = new URL(url);
  const r = web.resolve(host, pathname);
  if (r.kind !== 'body') return { url, status: r.status, headers: r.headers, html: '' };
  return { url, status: r.status, headers: r.headers, html: r.body.toString('utf8'), cookies: cookiesOf(r.headers['set-cookie']) };
}

/** The pages one site's crawl reads, home first; sites that serve no home page yield none. */
export function crawlSite(web: FakeWeb, truth: SiteTruth, pagesPerSite = PAGES_PER_SITE): FetchedPage[] {
  const home = fetchPage(web, `http://${truth.servedHost}/`);
  if (home.status !== 200) return [];
  const next = pickPagesToFetch(home.html, home.url, pagesPerSite - 1);
  return [home, ...next.map((url) => fetchPage(web, url))];
}

export function crawlOrdinarySites(web: FakeWeb): CrawledSite[] {
  return web.sites.filter(isOrdinary).map((truth) => ({ truth, pages: crawlSite(web, truth) }));
}
