/**
 * The fake web without HTTP: a deterministic set of company sites (same seed, same bytes), their
 * ground truth, the answer for any host and path, and every HTML page of a site for benchmarks
 * that parse pages directly.
 */
import { domainToASCII } from 'node:url';
import { createRng } from './prng.ts';
import type { SitePlan } from './site-plan.ts';
import { planOrdinarySite } from './site-plan.generator.ts';
import type { SiteIdentity } from './site-plan.generator.ts';
import { resolveSaasResponse } from './saas-pages.render.ts';
import { planSaasSites } from './saas-sites.ts';
import type { SaasSiteTruth } from './saas-truth.ts';
import { notFound, resolveSiteResponse } from './site-responses.ts';
import type { FakeResponse } from './site-responses.ts';
import type { SiteTruth } from './site-truth.ts';
import { SPECIAL_KINDS, planSpecialSite } from './special-sites.ts';
import { NAME_SECTORS, NAME_STEMS } from './vocabulary.ts';

export const DEFAULT_SEED = 42;
export const DEFAULT_SITE_COUNT = 300;
/** Beyond this the name lists repeat with numeric suffixes and generation stops being instant. */
export const MAX_SITE_COUNT = 5000;
/** Over 20 MB, as the crawler's response-size cap must be proven against. */
export const DEFAULT_HUGE_PAGE_BYTES = 24 * 1024 * 1024;

export interface FakeWebOptions {
  /** Same seed, same sites, byte for byte. Default DEFAULT_SEED. */
  readonly seed?: number | string;
  /** Sites in total, the special ones first. Default DEFAULT_SITE_COUNT. */
  readonly siteCount?: number;
  /** Size of the huge page. Default DEFAULT_HUGE_PAGE_BYTES. */
  readonly hugePageBytes?: number;
}

export interface FakePage {
  readonly path: string;
  readonly url: string;
  readonly html: string;
}

export interface FakeWeb {
  readonly seed: number | string;
  readonly sites: readonly SiteTruth[];
  groundTruth(domain: string): SiteTruth | undefined;
  /** The SaaS sites (and the non-SaaS and unreachable ones beside them), apart from `sites`. */
  readonly saasSites: readonly SaasSiteTruth[];
  saasGroundTruth(domain: string): SaasSiteTruth | undefined;
  /** Whether the host is the site whose server drops every connection. */
  unreachable(host: string): boolean;
  /** The answer for a Host header value (port and case ignored) and a request path (query ignored). */
  resolve(host: string, path: string): FakeResponse;
  /** Every HTML page of a site, rendered as the server would serve it. */
  listSitePages(domain: string): FakePage[];
}

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

function drawIdentities(seed: number | string, count: number): SiteIdentity[] {
  const rng = createRng(seed, 'identities');
  const used = new Set<string>();
  const identities: SiteIdentity[] = [];
  while (identities.length < count) {
    const stem = rng.pick(NAME_STEMS);
    const sector = rng.pick(NAME_SECTORS);
    let domain = `${stem}-${sector}.test`;
    for (let n = 2; used.has(domain); n++) domain = `${stem}-${sector}-${n}.test`;
    used.add(domain);
    identities.push({ stem, sector, domain, companyName: `${capitalise(stem)} ${capitalise(sector)}` });
  }
  return identities;
}

/** Normalises a Host header: lowercase, no port, no trailing dot, punycode. */
export function normaliseHost(host: string): string {
  const lower = host.trim().toLowerCase();
  // An IPv6 literal keeps its brackets; stripping a ":port" suffix from it would eat its last group.
  const ipv6 = /^(\[[^\]]+\])(:\d+)?$/.exec(lower);
  if (ipv6) return ipv6[1] as string;
  const withoutPort = lower.replace(/:\d+$/, '').replace(/\.$/, '');
  return domainToASCII(withoutPort) || withoutPort;
}

export function generateFakeWeb(options: FakeWebOptions = {}): FakeWeb {
  const seed = options.seed ?? DEFAULT_SEED;
  const siteCount = options.siteCount ?? DEFAULT_SITE_COUNT;
  if (!Number.isInteger(siteCount) || siteCount < 1 || siteCount > MAX_SITE_COUNT) {
    throw new RangeError(`siteCount must be an integer from 1 to ${MAX_SITE_COUNT}`);
  }
  const resolveOptions = { hugePageBytes: options.hugePageBytes ?? DEFAULT_HUGE_PAGE_BYTES };
  const identities = drawIdentities(seed, siteCount);
  const plans: SitePlan[] = identities.map((identity, index) =>
    index < SPECIAL_KINDS.length ? planSpecialSite(seed, index, index, identity) : planOrdinarySite(seed, index, identity));
  const byDomain = new Map(plans.map((p) => [p.truth.domain, p]));
  const byServedHost = new Map(plans.map((p) => [p.truth.servedHost, p]));
  const cache = new Map<string, FakeResponse>();
  const saasPlans = planSaasSites(seed);
  const saasByDomain = new Map(saasPlans.map((p) => [p.truth.domain, p]));

  const resolve = (host: string, rawPath: string): FakeResponse => {
    const name = normaliseHost(host);
    const path = rawPath.split('?')[0]?.split('#')[0] || '/';
    const saas = saasByDomain.get(name);
    if (saas) return resolveSaasResponse(seed, saas, path);
    const saasApex = saasByDomain.get(name.replace(/^www\./, ''));
    if (saasApex) return { kind: 'body', status: 301, headers: { location: `http://${saasApex.truth.domain}${path}`, 'content-type': 'text/html; charset=utf-8' }, body: Buffer.from('') };
    const served = byServedHost.get(name);
    if (!served) {
      const apex = byDomain.get(name) ?? byDomain.get(name.replace(/^www\./, ''));
      if (!apex || apex.pages.length === 0) return notFound();
      // apex-to-www sites send the apex to www; every other site sends www to the apex.
      return { kind: 'body', status: 301, headers: { location: `http://${apex.truth.servedHost}${path}`, 'content-type': 'text/html; charset=utf-8' }, body: Buffer.from('') };
    }
    const key = `${name}\u0000${path}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const response = resolveSiteResponse(seed, served, path, resolveOptions);
    if (response.kind === 'body' && response.status !== 404) cache.set(key, response);
    return response;
  };

  const listSitePages = (domain: string): FakePage[] => {
    const saas = saasByDomain.get(normaliseHost(domain));
    if (saas) return saas.truth.pages.map((path) => ({ path, url: `http://${saas.truth.domain}${path}`, html: (resolve(saas.truth.domain, path) as { body: Buffer }).body.toString('utf8') }));
    const plan = byDomain.get(normaliseHost(domain));
    if (!plan) return [];
    return plan.truth.pages.flatMap((path) => {
      const r = resolve(plan.truth.servedHost, path);
      if (r.kind !== 'body' || r.status !== 200) return [];
      return [{ path, url: `http://${plan.truth.servedHost}${path}`, html: r.body.toString('utf8') }];
    });
  };

  return {
    seed,
    sites: plans.map((p) => p.truth),
    groundTruth: (domain) => {
      const name = normaliseHost(domain);
      return (byDomain.get(name) ?? byServedHost.get(name) ?? byDomain.get(name.replace(/^www\./, '')))?.truth;
    },
    saasSites: saasPlans.map((p) => p.truth),
    saasGroundTruth: (domain) => saasByDomain.get(normaliseHost(domain).replace(/^www\./, ''))?.truth,
    unreachable: (host) => saasByDomain.get(normaliseHost(host).replace(/^www\./, ''))?.truth.kind === 'unreachable',
    resolve,
    listSitePages,
  };
}
