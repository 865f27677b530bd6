/**
 * Organisation facts from JSON-LD first, then microdata, then OpenGraph/meta as a fallback for
 * name and description. One page's facts; the site aggregator merges pages.
 */
import { readMicrodataOrganizations } from './microdata.ts';
import type { JsonObject, JsonValue } from './json-ld.ts';
import { allStrings, firstString, isObject, jsonLdNodes, typesOf } from './json-ld.ts';
import { isOrganizationType } from './organization-types.ts';
import type { ParsedPage } from './parsed-page.ts';
import { isSameOrSubdomain } from './domains.ts';
import type { OrganizationData, PostalAddress } from './site-extraction.ts';

function address(value: JsonValue | undefined): PostalAddress | undefined {
  const node = Array.isArray(value) ? value.find(isObject) ?? value[0] : value;
  if (typeof node === 'string') return node.trim() ? { street: node.trim() } : undefined;
  if (!isObject(node)) return undefined;
  const country = node['addressCountry'];
  const out: PostalAddress = {
    street: firstString(node['streetAddress']),
    locality: firstString(node['addressLocality']),
    region: firstString(node['addressRegion']),
    postal_code: firstString(node['postalCode']),
    country: isObject(country) ? firstString(country['name']) : firstString(country),
  };
  const kept = Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as PostalAddress;
  return Object.keys(kept).length > 0 ? kept : undefined;
}

function employees(value: JsonValue | undefined): number | { min?: number; max?: number } | undefined {
  const toNumber = (v: JsonValue | undefined): number | undefined => {
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*[\d,]+\s*$/.test(v) ? Number(v.replace(/[,\s]/g, '')) : NaN;
    return Number.isFinite(n) && n >= 0 ? n : undefined;
  };
  if (isObject(value)) {
    const exact = toNumber(value['value']);
    if (exact !== undefined) return exact;
    const min = toNumber(value['minValue']);
    const max = toNumber(value['maxValue']);
    return min === undefined && max === undefined ? undefined : { ...(min !== undefined && { min }), ...(max !== undefined && { max }) };
  }
  return toNumber(Array.isArray(value) ? value[0] : value);
}

/** Organisation facts of one node; pure data, no provenance yet. */
export interface OrganizationFacts {
  legal_name?: string;
  name?: string;
  address?: PostalAddress;
  telephone?: string;
  email?: string;
  founding_date?: string;
  logo?: string;
  same_as?: string[];
  number_of_employees?: number | { min?: number; max?: number };
  description?: string;
  url?: string;
}

export function factsOf(node: JsonObject): OrganizationFacts {
  const sameAs = allStrings(node['sameAs']);
  return {
    legal_name: firstString(node['legalName']),
    name: firstString(node['name']),
    address: address(node['address'] ?? (isObject(node['location']) ? node['location']['address'] : undefined)),
    telephone: firstString(node['telephone']),
    email: firstString(node['email'])?.replace(/^mailto:/i, '').toLowerCase(),
    founding_date: firstString(node['foundingDate']),
    logo: firstString(node['logo']),
    same_as: sameAs.length > 0 ? sameAs : undefined,
    number_of_employees: employees(node['numberOfEmployees']),
    description: firstString(node['description']),
    url: firstString(node['url']),
  };
}

function pickCompany(candidates: OrganizationFacts[], companyDomain: string): OrganizationFacts | undefined {
  const own = candidates.find((c) => {
    try {
      return c.url !== undefined && isSameOrSubdomain(new URL(c.url).hostname, companyDomain);
    } catch {
      return false;
    }
  });
  return own ?? candidates[0];
}

function withSource(facts: OrganizationFacts, url: string): OrganizationData {
  const out: Record<string, { value: unknown; source_url: string }> = {};
  for (const [key, value] of Object.entries(facts)) {
    if (value !== undefined && key !== 'url') out[key] = { value, source_url: url };
  }
  return out as OrganizationData;
}

const MICRODATA_HINT = /itemscope/i;

function metaFallback(page: ParsedPage): OrganizationFacts {
  const meta = (k: string) => page.meta.get(k)?.[0]?.trim() || undefined;
  return { name: meta('og:site_name') ?? meta('application-name'), description: meta('og:description') ?? meta('description') };
}

export function extractOrganization(page: ParsedPage, companyDomain: string): OrganizationData {
  const fromJsonLd = jsonLdNodes(page.jsonLd).filter((n) => isOrganizationType(typesOf(n))).map(factsOf);
  // Microdata needs an itemscope attribute: a page without the word has none to walk for.
  const fromMicrodata = MICRODATA_HINT.test(page.html) ? readMicrodataOrganizations(page).map(factsOf) : [];
  const chosen = pickCompany([...fromJsonLd, ...fromMicrodata], companyDomain) ?? {};
  const fallback = metaFallback(page);
  return withSource({ ...chosen, name: chosen.name ?? fallback.name, description: chosen.description ?? fallback.description }, page.url);
}
