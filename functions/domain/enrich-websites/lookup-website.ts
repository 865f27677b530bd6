import { z } from 'zod';
import type { LookupCache } from '../../ports/lookup-cache.port.ts';
import { crawlSite, type CrawlDeps } from './crawl-site.ts';
import { SiteFetchError } from './crawl-ports.ts';
import { enrichOptionsSchema } from './job-data.ts';
import type { SiteFindings } from './site-findings.ts';
import { parseSiteTarget } from './site-target.ts';

/** Pages a synchronous lookup reads: it answers within API Gateway's 30 s, so fewer than a job. */
export const LOOKUP_PAGES_PER_SITE = 3;

/** The query string's parameters, as documented (the contract shows these). */
export const websiteLookupParamsSchema = z.strictObject({
  url: z.string().min(1).max(2048).optional().describe('A page of the site, e.g. https://www.acme.com/'),
  domain: z.string().min(1).max(2048).optional().describe('The site\'s domain, e.g. acme.com (an IDN is fine)'),
  browser: z.enum(['auto', 'never']).default('auto'),
  /** `true`: skip the cache and crawl now. */
  refresh: z.enum(['true', 'false']).default('false'),
});

/** `GET /v1/enrichment/website?url=` or `?domain=`: exactly one of them, naming a public site. */
export const websiteLookupQuerySchema = websiteLookupParamsSchema
  .superRefine((query, ctx) => {
    if ((query.url === undefined) === (query.domain === undefined)) ctx.addIssue({ code: 'custom', path: ['url'], message: 'Give either url or domain (one of them)' });
  })
  .transform((query, ctx) => {
    const target = parseSiteTarget(query.url ?? query.domain ?? '');
    if (!target.ok) {
      ctx.addIssue({ code: 'custom', path: [query.url === undefined ? 'domain' : 'url'], message: `${target.message} (${target.reason})` });
      return z.NEVER;
    }
    return { target, browser: query.browser, refresh: query.refresh === 'true' };
  });

export type WebsiteLookupQuery = z.output<typeof websiteLookupQuerySchema>;

export interface LookupDeps {
  readonly crawl: CrawlDeps;
  readonly cache: LookupCache;
  readonly cacheTtlSeconds: number;
  readonly now?: () => Date;
}

/** The lookup's answer in the API's snake_case. */
function view(domain: string, homeUrl: string, findings: SiteFindings, pagesFetched: number, fetchedAt: string) {
  const org = findings.organisation;
  return {
    domain,
    url: homeUrl,
    emails: findings.emails.map((e) => ({ address: e.address, role_based: e.roleBased, own_domain: e.ownDomain, source_url: e.url })),
    phones: findings.phones.map((p) => ({ number: p.value, source_url: p.url })),
    social_profiles: Object.fromEntries(Object.entries(findings.profiles).map(([network, found]) => [network, { url: found.value, source_url: found.url }])),
    technologies: findings.technologies.map((t) => ({ name: t.name, categories: t.categories, ...(t.version ? { version: t.version } : {}), confidence: t.confidence })),
    organisation: Object.fromEntries(Object.entries(org).filter(([, found]) => found !== undefined).map(([field, found]) => [field, found.value])),
    people: findings.people.map((p) => ({ first_name: p.firstName, last_name: p.lastName, ...(p.title ? { title: p.title } : {}), ...(p.email ? { email: p.email } : {}), ...(p.linkedinUrl ? { linkedin_url: p.linkedinUrl } : {}), source_url: p.url })),
    pages_fetched: pagesFetched,
    fetched_at: fetchedAt,
  };
}

export type WebsiteLookupAnswer =
  | { readonly ok: true; readonly website: Readonly<Record<string, unknown>>; readonly cached: boolean }
  | { readonly ok: false; readonly domain: string; readonly reason: string; readonly message: string };

/**
 * One site, now: read from the workspace's cache unless asked to refresh, else crawled (robots
 * respected) and cached. A site that cannot be read is an answer with its reason, not an error:
 * the request was fine, the site was not.
 */
export async function lookupWebsite(deps: LookupDeps, workspaceId: string, query: WebsiteLookupQuery): Promise<WebsiteLookupAnswer> {
  const { domain, startUrl } = query.target;
  const cacheKey = `website#${domain}#${query.browser}`;
  if (!query.refresh) {
    const cached = await deps.cache.get(workspaceId, cacheKey);
    if (cached) return { ok: true, website: cached, cached: true };
  }
  const options = enrichOptionsSchema.parse({ pages_per_site: LOOKUP_PAGES_PER_SITE, browser: query.browser });
  try {
    const crawl = await crawlSite(deps.crawl, { domain, ...(startUrl ? { startUrl } : {}) }, options);
    const website = view(domain, crawl.homeUrl, crawl.findings, crawl.pagesFetched, (deps.now?.() ?? new Date()).toISOString());
    await deps.cache.put(workspaceId, cacheKey, website, deps.cacheTtlSeconds);
    return { ok: true, website, cached: false };
  } catch (error) {
    if (error instanceof SiteFetchError) return { ok: false, domain, reason: error.reason, message: error.message };
    throw error;
  }
}
