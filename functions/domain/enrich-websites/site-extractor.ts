import { extractSite } from '../enrichment/extract-site.ts';
import type { FingerprintSet } from '../enrichment/fingerprint-set.ts';
import { needsJavaScript, pickPagesToFetch } from '../enrichment/page-planning.ts';
import type { FetchedPage as ExtractionPage, OrganizationData, SiteExtraction, SocialNetwork as ExtractedNetwork } from '../enrichment/site-extraction.ts';
import type { FetchedPage, SiteExtractor } from './crawl-ports.ts';
import type { Found, FoundAddress, SiteFindings, SocialNetwork } from './site-findings.ts';

/** The extraction calls X `x`; records keep it in `twitter_url`. */
const NETWORKS: Readonly<Record<ExtractedNetwork, SocialNetwork>> = {
  linkedin: 'linkedin',
  x: 'twitter',
  facebook: 'facebook',
  instagram: 'instagram',
  youtube: 'youtube',
  github: 'github',
  tiktok: 'tiktok',
};

function cookiesOf(setCookies: readonly string[]): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const line of setCookies) {
    const pair = line.split(';', 1)[0] ?? '';
    const eq = pair.indexOf('=');
    if (eq > 0) cookies[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return cookies;
}

const toExtractionPage = (page: FetchedPage): ExtractionPage => ({
  url: page.finalUrl,
  status: page.status,
  headers: page.headers,
  html: page.html,
  cookies: cookiesOf(page.cookies),
  ...(page.rendered && page.js ? { browser: { js: page.js } } : {}),
});

const sourced = <T>(value: { value: T; source_url: string } | undefined): Found<T> | undefined =>
  value ? { value: value.value, url: value.source_url } : undefined;

const yearOf = (date: string): number | undefined => {
  const year = Number(/^(\d{4})/.exec(date.trim())?.[1]);
  return Number.isInteger(year) && year >= 1000 && year <= 2100 ? year : undefined;
};

function organisationOf(org: OrganizationData): SiteFindings['organisation'] {
  const founding = org.founding_date ? yearOf(org.founding_date.value) : undefined;
  const employees = org.number_of_employees?.value;
  const headcount = typeof employees === 'number' ? employees : (employees?.max ?? employees?.min);
  const address = org.address?.value;
  const found: FoundAddress | undefined = address
    ? { street: address.street, city: address.locality, region: address.region, postalCode: address.postal_code, country: address.country }
    : undefined;
  return {
    ...(org.name ? { name: sourced(org.name) } : {}),
    ...(org.legal_name ? { legalName: sourced(org.legal_name) } : {}),
    ...(org.description ? { description: sourced(org.description) } : {}),
    ...(org.logo ? { logo: sourced(org.logo) } : {}),
    ...(founding !== undefined && org.founding_date ? { foundingYear: { value: founding, url: org.founding_date.source_url } } : {}),
    ...(headcount !== undefined && org.number_of_employees ? { employees: { value: headcount, url: org.number_of_employees.source_url } } : {}),
    ...(found && org.address ? { address: { value: found, url: org.address.source_url } } : {}),
  };
}

/** The extraction's result in the shape the enrichment writes. */
export function findingsOf(extraction: SiteExtraction): SiteFindings {
  const profiles: Partial<Record<SocialNetwork, Found<string>>> = {};
  for (const profile of extraction.social_profiles) {
    const network = NETWORKS[profile.network];
    profiles[network] ??= { value: profile.url, url: profile.source_url };
  }
  return {
    emails: extraction.emails.map((e) => ({ address: e.email, roleBased: e.kind === 'role', ownDomain: e.company_domain, url: e.source_url })),
    phones: extraction.phones.map((p) => ({ value: p.phone, url: p.source_url })),
    profiles,
    technologies: extraction.technologies.map((t) => ({ name: t.name, categories: t.categories, ...(t.version ? { version: t.version } : {}), confidence: t.confidence })),
    people: extraction.people.map((p) => ({
      firstName: p.first_name,
      lastName: p.last_name,
      ...(p.title ? { title: p.title } : {}),
      ...(p.email ? { email: p.email } : {}),
      ...(p.linkedin_url ? { linkedinUrl: p.linkedin_url } : {}),
      url: p.source_url,
    })),
    organisation: organisationOf(extraction.organization),
    ...(extraction.technologies[0] ? { technologiesUrl: extraction.technologies[0].source_url } : {}),
  };
}

/** The website extraction domain (functions/domain/enrichment) behind the crawl's seam. */
export function siteExtractorWith(fingerprints: FingerprintSet): SiteExtractor {
  return {
    pagesToVisit: (home, limit) => (limit <= 0 ? [] : pickPagesToFetch(home.html, home.finalUrl, limit)),
    needsJavaScript: (page) => needsJavaScript(page.html),
    extract: (pages, options) =>
      findingsOf(extractSite(pages.map(toExtractionPage), { companyDomain: options.companyDomain, ...(options.defaultCountry ? { defaultCountry: options.defaultCountry } : {}), fingerprints })),
  };
}
