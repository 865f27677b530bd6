import type { ApolloRawRecord } from '../../../ports/apollo-source.port.ts';
import { apolloRecordUuid } from '../../records/ids.ts';
import { prepareCompany, prepareContact, type PreparedRecord } from '../../records/prepare.ts';

/**
 * Apollo's organisations become companies and its people contacts: the seed's fields in the
 * catalog's names, everything else the source returned in `extra` (as text, the way `extra`
 * keeps values), so nothing the source said is lost.
 */

/** Longest `extra` value kept; a larger one (a huge nested list) is cut, and says so. */
export const MAX_EXTRA_VALUE_LENGTH = 8_192;

type Row = Record<string, unknown>;

const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const strings = (value: unknown): string[] | undefined => {
  if (!Array.isArray(value)) return undefined;
  const list = value.filter((item): item is string => typeof item === 'string' && item.trim() !== '');
  return list.length > 0 ? list : undefined;
};
const nested = (value: unknown, key: string): unknown => (value && typeof value === 'object' ? (value as Row)[key] : undefined);

/** Keeps only defined values, so an upsert never wipes a stored value with nothing. */
const defined = (row: Row): Row => Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined));

function extraOf(raw: ApolloRawRecord, used: ReadonlySet<string>): Record<string, string> {
  const extra: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (used.has(key) || value === null || value === undefined || value === '') continue;
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    extra[`apollo_${key}`] = text.length > MAX_EXTRA_VALUE_LENGTH ? `${text.slice(0, MAX_EXTRA_VALUE_LENGTH)}…(cut)` : text;
  }
  return extra;
}

/**
 * Validates and normalises the row as every other write path does; a value the catalog refuses
 * (an email that is not one) is dropped from the fields, and stays in `extra` as the source sent it.
 */
function prepared(entity: 'company' | 'contact', row: Row): PreparedRecord {
  const prepare = entity === 'company' ? prepareCompany : prepareContact;
  let outcome = prepare(row);
  if (!outcome.ok) {
    const bad = new Set(outcome.errors.map((error) => error.path.split(/[.[]/)[0]));
    outcome = prepare(Object.fromEntries(Object.entries(row).filter(([key]) => !bad.has(key))));
  }
  if (!outcome.ok) throw new Error(`An Apollo ${entity} could not be prepared: ${outcome.errors.map((e) => e.path).join(', ')}`);
  return outcome.record;
}

const ORGANIZATION_USED = new Set([
  'id', 'name', 'website_url', 'primary_domain', 'phone', 'primary_phone', 'sanitized_phone', 'industry', 'industries', 'keywords',
  'estimated_num_employees', 'annual_revenue', 'organization_revenue', 'city', 'state', 'country', 'raw_address', 'street_address',
  'postal_code', 'linkedin_url', 'twitter_url', 'facebook_url', 'organization_headcount_six_month_growth',
  'organization_headcount_twelve_month_growth', 'total_funding', 'latest_funding_stage', 'founded_year', 'short_description',
  'logo_url', 'technology_names',
]);

/** A company from an Apollo organisation, collected by `taskIds` (the record's provenance). */
export function companyFromOrganization(raw: ApolloRawRecord, taskIds: readonly string[]): PreparedRecord {
  const address = str(raw.raw_address) ?? [raw.street_address, raw.city, raw.state, raw.postal_code, raw.country].filter((part) => str(part)).join(', ');
  const row = defined({
    uuid: apolloRecordUuid('company', raw.id),
    apollo_id: raw.id,
    name: str(raw.name),
    website: str(raw.website_url),
    domain: str(raw.primary_domain),
    phone: str(nested(raw.primary_phone, 'number')) ?? str(raw.phone) ?? str(raw.sanitized_phone),
    industries: strings(raw.industries) ?? (str(raw.industry) ? [raw.industry as string] : undefined),
    keywords: strings(raw.keywords),
    technologies: strings(raw.technology_names),
    employees_count: num(raw.estimated_num_employees),
    annual_revenue: num(raw.annual_revenue) ?? num(raw.organization_revenue),
    address: address === '' ? undefined : address,
    city: str(raw.city),
    state: str(raw.state),
    country: str(raw.country),
    linkedin_url: str(raw.linkedin_url),
    twitter_url: str(raw.twitter_url),
    facebook_url: str(raw.facebook_url),
    headcount_growth_6m: num(raw.organization_headcount_six_month_growth),
    headcount_growth_12m: num(raw.organization_headcount_twelve_month_growth),
    total_funding: num(raw.total_funding),
    latest_funding_stage: str(raw.latest_funding_stage),
    founded_year: num(raw.founded_year),
    description: str(raw.short_description),
    logo_url: str(raw.logo_url),
    task_ids: [...taskIds],
  });
  return { ...prepared('company', row), extra: extraOf(raw, ORGANIZATION_USED) };
}

const PERSON_USED = new Set([
  'id', 'first_name', 'last_name', 'title', 'email', 'email_status', 'seniority', 'departments', 'functions', 'linkedin_url',
  'city', 'state', 'country', 'organization_id', 'phone_numbers', 'mobile_phone',
]);

/** A contact from an Apollo person, linked to its company; its employment history stays whole in `extra`. */
export function contactFromPerson(raw: ApolloRawRecord, company: { readonly uuid: string; readonly name?: string }, taskIds: readonly string[]): PreparedRecord {
  const phones = Array.isArray(raw.phone_numbers) ? (raw.phone_numbers as unknown[]) : [];
  const row = defined({
    uuid: apolloRecordUuid('contact', raw.id),
    apollo_id: raw.id,
    first_name: str(raw.first_name),
    last_name: str(raw.last_name),
    title: str(raw.title),
    email: str(raw.email),
    email_status: str(raw.email_status),
    seniority: str(raw.seniority),
    departments: strings(raw.departments),
    functions: strings(raw.functions),
    linkedin_url: str(raw.linkedin_url),
    mobile_phone: str(raw.mobile_phone) ?? str(nested(phones[0], 'sanitized_number')),
    city: str(raw.city),
    state: str(raw.state),
    country: str(raw.country),
    company_id: company.uuid,
    company_name: company.name,
    task_ids: [...taskIds],
  });
  return { ...prepared('contact', row), extra: extraOf(raw, PERSON_USED) };
}
