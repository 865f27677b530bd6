import { createHash } from 'node:crypto';
import type { FoundAddress, SiteFindings, SocialNetwork } from './site-findings.ts';

import type { FieldProvenance, Provenance } from '../records/provenance.ts';

export type { FieldProvenance, Provenance };

export const WEBSITE_SOURCE = 'website';

/** The company field each social network fills. */
export const PROFILE_FIELDS: Readonly<Record<SocialNetwork, string>> = {
  linkedin: 'linkedin_url',
  twitter: 'twitter_url',
  facebook: 'facebook_url',
  instagram: 'instagram_url',
  youtube: 'youtube_url',
  github: 'github_url',
  tiktok: 'tiktok_url',
};

export interface CompanyUpdate {
  readonly set: Record<string, string | number | string[]>;
  readonly provenance: Record<string, FieldProvenance>;
}

interface UpdateContext {
  readonly existing: Readonly<Record<string, unknown>>;
  readonly provenance: Provenance;
  readonly fetchedAt: string;
  readonly jobId?: string;
}

export const valueDigest = (value: unknown): string =>
  createHash('sha256').update(JSON.stringify(value instanceof Set ? [...value] : value)).digest('base64url').slice(0, 16);

/**
 * A field the website may write: one that is empty, or that an earlier website enrichment wrote
 * and nobody changed since (a refresh). A value a person or an import gave is never overwritten
 * by a crawl.
 */
function writable(ctx: UpdateContext, field: string): boolean {
  const current = ctx.existing[field];
  const empty = current === undefined || current === null || current === '' || (Array.isArray(current) && current.length === 0);
  if (empty) return true;
  const previous = ctx.provenance[field];
  return previous?.source === WEBSITE_SOURCE && previous.digest === valueDigest(current);
}

const provenanceOf = (ctx: UpdateContext, url: string, value: unknown): FieldProvenance => ({
  source: WEBSITE_SOURCE,
  url,
  fetched_at: ctx.fetchedAt,
  ...(ctx.jobId ? { job_id: ctx.jobId } : {}),
  digest: valueDigest(value),
});

/** LinkedIn is part of a company's identity: only ever filled in, never replaced. */
const FILL_ONLY = new Set(['linkedin_url', 'name', 'domain']);

function put(update: CompanyUpdate, ctx: UpdateContext, field: string, value: string | number | string[] | undefined, url: string | undefined): void {
  if (value === undefined || url === undefined || (Array.isArray(value) && value.length === 0)) return;
  const current = ctx.existing[field];
  const empty = current === undefined || current === null || current === '';
  if (FILL_ONLY.has(field) ? !empty : !writable(ctx, field)) return;
  update.set[field] = value;
  update.provenance[field] = provenanceOf(ctx, url, value);
}

function addressText(address: FoundAddress): string | undefined {
  const text = [address.street, address.postalCode, address.city, address.region, address.country].filter(Boolean).join(', ');
  return text === '' ? undefined : text;
}

function putOrganisation(update: CompanyUpdate, ctx: UpdateContext, findings: SiteFindings): void {
  const org = findings.organisation;
  put(update, ctx, 'name', org.name?.value, org.name?.url);
  put(update, ctx, 'legal_name', org.legalName?.value, org.legalName?.url);
  put(update, ctx, 'description', org.description?.value, org.description?.url);
  put(update, ctx, 'logo_url', org.logo?.value, org.logo?.url);
  put(update, ctx, 'founded_year', org.foundingYear?.value, org.foundingYear?.url);
  put(update, ctx, 'employees_count', org.employees?.value, org.employees?.url);
  if (org.address) {
    put(update, ctx, 'address', addressText(org.address.value), org.address.url);
    put(update, ctx, 'city', org.address.value.city?.toLowerCase(), org.address.url);
    put(update, ctx, 'state', org.address.value.region?.toLowerCase(), org.address.url);
  }
}

/**
 * The fields a website crawl writes to a company, with each one's provenance. Lists found on the
 * site (emails, phones) replace what an earlier crawl found, so a re-run refreshes rather than
 * accumulates; technologies are added to those known from elsewhere.
 */
export function companyUpdateFrom(
  findings: SiteFindings,
  site: { readonly domain: string; readonly homeUrl: string },
  ctx: UpdateContext,
): CompanyUpdate {
  const update: CompanyUpdate = { set: {}, provenance: {} };
  put(update, ctx, 'domain', site.domain, site.homeUrl);
  put(update, ctx, 'website', new URL(site.homeUrl).origin, site.homeUrl);
  put(update, ctx, 'emails', findings.emails.map((email) => email.address), findings.emails[0]?.url);
  put(update, ctx, 'phones', findings.phones.map((phone) => phone.value), findings.phones[0]?.url);
  put(update, ctx, 'phone', findings.phones[0]?.value, findings.phones[0]?.url);
  for (const [network, field] of Object.entries(PROFILE_FIELDS) as [SocialNetwork, string][]) {
    const profile = findings.profiles[network];
    put(update, ctx, field, profile?.value, profile?.url);
  }
  putOrganisation(update, ctx, findings);
  if (findings.technologies.length > 0) {
    const known = Array.isArray(ctx.existing.technologies) ? (ctx.existing.technologies as string[]) : [];
    const merged = [...new Set([...known, ...findings.technologies.map((tech) => tech.name)])];
    update.set.technologies = merged;
    update.provenance.technologies = provenanceOf(ctx, findings.technologiesUrl ?? site.homeUrl, merged);
  }
  update.set.enriched_at = ctx.fetchedAt;
  return update;
}
