/**
 * The per-site extraction: every fetched page parsed once and read by each extractor, then the
 * pages merged into one SiteExtraction. Values keep the URL of the first page that yielded them
 * (the home page comes first, so it wins ties).
 */
import { extractEmails, emailKind, isPlausibleEmail } from './extract-emails.ts';
import { extractOrganization } from './extract-organization.ts';
import { extractPeople } from './extract-people.ts';
import { extractPhones, normalisePhone } from './extract-phones.ts';
import { extractSocialProfiles } from './extract-social.ts';
import { isSameOrSubdomain } from './domains.ts';
import type { FingerprintSet } from './fingerprint-set.ts';
import { MAX_VALUES_PER_SITE } from './limits.ts';
import type { ParsedPage } from './parsed-page.ts';
import { parsePage } from './parsed-page.ts';
import { shippedFingerprints } from './shipped-fingerprints.ts';
import type { DetectedTechnology, ExtractedEmail, ExtractedPerson, ExtractedPhone, ExtractionOptions, FetchedPage, OrganizationData, SiteExtraction, SocialProfile } from './site-extraction.ts';
import { detectTechnologies } from './technology-matcher.ts';

export interface SiteExtractionOptions extends ExtractionOptions {
  /** Defaults to the shipped set; pass the configured directory's set to replace it. */
  fingerprints?: FingerprintSet;
}

const TEAM_PAGE = /(?:team|people|leadership|management|about|ueber-uns|uber-uns|über-uns|a-propos|qui-sommes-nous|quienes-somos|equipe|équipe|founders|staff|impressum|imprint)/i;
const MIN_OK_STATUS = 200;
const MAX_OK_STATUS = 299;

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  }).slice(0, MAX_VALUES_PER_SITE);
}

function mergeOrganization(parts: readonly OrganizationData[]): OrganizationData {
  const out: Record<string, unknown> = {};
  for (const part of parts) for (const [key, value] of Object.entries(part)) if (out[key] === undefined && value !== undefined) out[key] = value;
  return out as OrganizationData;
}

function mergeTechnologies(found: readonly DetectedTechnology[]): DetectedTechnology[] {
  const byName = new Map<string, DetectedTechnology>();
  for (const t of found) {
    const known = byName.get(t.name);
    if (!known) byName.set(t.name, { ...t });
    else {
      known.confidence = Math.max(known.confidence, t.confidence);
      known.version ??= t.version;
    }
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function mergePeople(found: readonly ExtractedPerson[]): ExtractedPerson[] {
  const byName = new Map<string, ExtractedPerson>();
  for (const p of found) {
    const key = `${p.first_name} ${p.last_name}`.toLowerCase();
    const known = byName.get(key);
    if (!known) byName.set(key, { ...p });
    else {
      known.title ??= p.title;
      known.email ??= p.email;
      known.linkedin_url ??= p.linkedin_url;
    }
  }
  return [...byName.values()].slice(0, MAX_VALUES_PER_SITE);
}

function isTeamPage(page: ParsedPage): boolean {
  let path: string;
  try {
    path = decodeURIComponent(new URL(page.url).pathname);
  } catch {
    path = page.url;
  }
  return TEAM_PAGE.test(path) || TEAM_PAGE.test(page.title);
}

export function extractSite(pages: readonly FetchedPage[], options: SiteExtractionOptions): SiteExtraction {
  const fingerprints = options.fingerprints ?? shippedFingerprints();
  const usable = pages.filter((p) => p.status >= MIN_OK_STATUS && p.status <= MAX_OK_STATUS);
  const emails: ExtractedEmail[] = [];
  const phones: ExtractedPhone[] = [];
  const profiles: SocialProfile[] = [];
  const orgs: OrganizationData[] = [];
  const technologies: DetectedTechnology[] = [];
  const people: ExtractedPerson[] = [];
  for (const fetched of usable) {
    const page = parsePage(fetched);
    const org = extractOrganization(page, options.companyDomain);
    orgs.push(org);
    emails.push(...extractEmails(page, options.companyDomain));
    phones.push(...extractPhones(page, options.defaultCountry));
    profiles.push(...extractSocialProfiles(page, org.same_as?.value ?? []));
    technologies.push(...detectTechnologies(page, fingerprints, fetched.browser).map((d) => ({
      name: d.name,
      categories: fingerprints.technologies.get(d.name)?.categories ?? [],
      version: d.version,
      confidence: d.confidence,
      source_url: page.url,
    })));
    people.push(...extractPeople(page, isTeamPage(page), options.companyDomain));
  }
  const organization = mergeOrganization(orgs);
  const orgEmail = organization.email;
  if (orgEmail && isPlausibleEmail(orgEmail.value, options.companyDomain)) {
    const domain = orgEmail.value.slice(orgEmail.value.lastIndexOf('@') + 1);
    emails.push({ email: orgEmail.value, kind: emailKind(orgEmail.value), company_domain: isSameOrSubdomain(domain, options.companyDomain), source_url: orgEmail.source_url });
  }
  const orgPhone = organization.telephone && normalisePhone(organization.telephone.value, options.defaultCountry);
  if (orgPhone && organization.telephone) phones.push({ phone: orgPhone, source_url: organization.telephone.source_url });
  return {
    emails: uniqueBy(emails, (e) => e.email),
    phones: uniqueBy(phones, (p) => p.phone),
    social_profiles: uniqueBy(profiles, (p) => p.url),
    organization,
    technologies: mergeTechnologies(technologies),
    people: mergePeople(people),
  };
}
