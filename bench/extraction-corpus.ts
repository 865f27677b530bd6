/**
 * The pages the extraction benchmark reads: every ordinary site of the fake web, the pages a
 * crawl would fetch (the home page, then what pickPagesToFetch picks from it), with the headers
 * and cookies the fake server sends. Deterministic: the same seed renders the same bytes.
 */
import type { FetchedPage } from '../functions/domain/enrichment/site-extraction.ts';
import { generateFakeWeb } from '../lib/local/fakes/web/index.ts';
import { crawlOrdinarySites } from './fake-web-pages.ts';

export interface BenchSite {
  companyDomain: string;
  defaultCountry: string;
  pages: FetchedPage[];
}

export function fakeWebSiteCorpus(opts: { sites: number; seed?: number }): BenchSite[] {
  const web = generateFakeWeb({ siteCount: opts.sites, seed: opts.seed });
  return crawlOrdinarySites(web).map(({ truth, pages }) => ({ companyDomain: truth.domain, defaultCountry: truth.country, pages }));
}
