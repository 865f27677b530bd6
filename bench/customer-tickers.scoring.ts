/**
 * Customer-to-ticker matching on the fake web's SaaS sites: each site's pages (every page the
 * ground truth lists, as plain pages: no crawl, so this scores extraction and matching, not
 * page choice) go through onboarding's customer extractor, and each name through its ticker
 * matcher over the fake EDGAR's tickers list. A (site, ticker) pair is right when the ground
 * truth says that site names that listed company.
 */
import { normaliseCompanyName } from '../functions/domain/research/company-name.ts';
import { parsePage } from '../functions/domain/enrichment/parsed-page.ts';
import { extractCustomers } from '../functions/domain/research/extract-customers.ts';
import { tickerMatcher } from '../functions/domain/research/resolve-customers.ts';
import type { CompanyTicker } from '../functions/ports/company-tickers.port.ts';
import { generateFakeWeb } from '../lib/local/fakes/web/index.ts';
import type { SaasSiteTruth } from '../lib/local/fakes/web/index.ts';
import { printScoreTable, scoreByLabel } from './intel-scoring.ts';

/** RESEARCH_TICKER_MIN_CONFIDENCE's default (functions/platform/config.ts), what onboarding uses unless configured. */
const TICKER_MIN_CONFIDENCE = 0.8;
/** Found pairs the truth has no listed customer for: an unlisted customer matched, or a wrong ticker. */
const UNEXPECTED = 'not in truth (wrong ticker or unlisted)';

interface SiteScore {
  readonly expected: Map<string, string>;
  readonly found: Map<string, string>;
  namesExpected: number;
  namesFound: number;
}

function scoreSite(site: SaasSiteTruth, pages: readonly { url: string; html: string }[], match: ReturnType<typeof tickerMatcher>, into: SiteScore): void {
  const parsed = pages.map((page) => parsePage({ url: page.url, status: 200, headers: {}, html: page.html }));
  const mentions = extractCustomers(parsed, { host: site.domain, companyName: site.companyName });
  const renderingOf = new Map<string, string>();
  for (const customer of site.customers) {
    if (customer.ticker === undefined) continue;
    const key = `${site.domain}#${customer.ticker}`;
    renderingOf.set(key, customer.rendering);
    into.expected.set(key, customer.rendering);
  }
  for (const mention of mentions) {
    const result = match(mention.name);
    if (!result.matched) continue;
    const key = `${site.domain}#${result.ticker}`;
    into.found.set(key, renderingOf.get(key) ?? UNEXPECTED);
  }
  const mentioned = new Set(mentions.map((m) => normaliseCompanyName(m.name)));
  into.namesExpected += site.customers.length;
  into.namesFound += site.customers.filter((c) => mentioned.has(normaliseCompanyName(c.displayName))).length;
}

export function runCustomerTickersPart(tickers: readonly CompanyTicker[], seed: string): void {
  const web = generateFakeWeb({ seed });
  const sites = web.saasSites.filter((site) => site.kind === 'saas');
  const match = tickerMatcher(tickers, TICKER_MIN_CONFIDENCE);
  const score: SiteScore = { expected: new Map(), found: new Map(), namesExpected: 0, namesFound: 0 };
  for (const site of sites) scoreSite(site, web.listSitePages(site.domain), match, score);
  console.log(`\nCustomer-to-ticker matching on ${sites.length} fake SaaS sites (${tickers.length} tickers from the fake EDGAR, confidence ≥ ${TICKER_MIN_CONFIDENCE}), by how the page shows the customer:`);
  printScoreTable('rendering', scoreByLabel(score.expected, score.found));
  console.log(`customer names extracted (any customer, listed or not, by normalised name): ${score.namesFound} of ${score.namesExpected}`);
}
