/**
 * RocketReach v2 JSON → the port's profiles. Reads defensively: a field of the wrong type is
 * dropped, never trusted, because a lookup result is written into the workspace's records.
 */
import type { CompanyProfile, LookupStatus, PersonProfile, ProfileEmail, ProfilePhone, ProviderAccount } from '../../ports/people-data.port.ts';

type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
const idText = (value: unknown): string | undefined => (typeof value === 'number' && Number.isFinite(value) ? String(value) : text(value));
const num = (value: unknown): number | undefined => {
  const parsed = typeof value === 'number' ? value : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : NaN;
  return Number.isFinite(parsed) ? parsed : undefined;
};
const defined = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/** The provider spells its statuses with spaces and mixed case (`not queued`, `In Progress`). */
const STATUS_ALIASES: Readonly<Record<string, LookupStatus>> = {
  complete: 'complete',
  completed: 'complete',
  failed: 'failed',
  progress: 'progress',
  in_progress: 'progress',
  searching: 'searching',
  waiting: 'waiting',
  not_queued: 'not_queued',
  queued: 'waiting',
};

/** An unknown status is treated as still running: the poll bound ends it, never a wrong "complete". */
export function lookupStatusOf(value: unknown): LookupStatus {
  const key = (text(value) ?? '').toLowerCase().replace(/[\s-]+/g, '_');
  return STATUS_ALIASES[key] ?? 'waiting';
}

const emailsOf = (value: unknown): ProfileEmail[] =>
  (Array.isArray(value) ? value : []).filter(isObject).flatMap((entry) => {
    const email = text(entry.email);
    return email && email.includes('@') ? [defined({ email: email.toLowerCase(), type: text(entry.type), grade: text(entry.grade) })] : [];
  });

const phonesOf = (value: unknown): ProfilePhone[] =>
  (Array.isArray(value) ? value : []).filter(isObject).flatMap((entry) => {
    const number = text(entry.number);
    return number ? [defined({ number, type: text(entry.type), recommended: typeof entry.recommended === 'boolean' ? entry.recommended : undefined })] : [];
  });

function splitName(name: string | undefined): { first?: string; last?: string } {
  if (!name) return {};
  const parts = name.split(/\s+/);
  return parts.length === 1 ? { first: parts[0] } : { first: parts[0], last: parts.slice(1).join(' ') };
}

export function personOf(raw: unknown): PersonProfile | undefined {
  if (!isObject(raw)) return undefined;
  const id = idText(raw.id);
  if (!id) return undefined;
  const name = text(raw.name);
  const split = splitName(name);
  return defined({
    id,
    status: raw.status === undefined ? 'complete' : lookupStatusOf(raw.status),
    name,
    firstName: text(raw.first_name) ?? split.first,
    lastName: text(raw.last_name) ?? split.last,
    title: text(raw.current_title),
    employer: text(raw.current_employer),
    employerDomain: text(raw.current_employer_domain),
    linkedinUrl: text(raw.linkedin_url),
    city: text(raw.city),
    region: text(raw.region) ?? text(raw.state),
    country: text(raw.country) ?? text(raw.country_code),
    emails: emailsOf(raw.emails),
    phones: phonesOf(raw.phones),
  });
}

const techOf = (value: unknown): string[] =>
  (Array.isArray(value) ? value : []).flatMap((entry) => {
    const name = isObject(entry) ? text(entry.name) : text(entry);
    return name ? [name] : [];
  });

export function companyOf(raw: unknown): CompanyProfile | undefined {
  if (!isObject(raw)) return undefined;
  const id = idText(raw.id);
  if (!id) return undefined;
  const founded = num(raw.year_founded) ?? num(raw.founded);
  return defined({
    id,
    name: text(raw.name),
    domain: text(raw.domain) ?? text(raw.email_domain),
    linkedinUrl: text(raw.linkedin_url),
    // Search hits name the industry `industry_str`; lookups, `industry`.
    industry: text(raw.industry) ?? text(raw.industry_str),
    employees: num(raw.num_employees) ?? num(raw.employees),
    revenue: num(raw.revenue),
    foundedYear: founded === undefined ? undefined : Math.trunc(founded),
    city: text(raw.city),
    region: text(raw.region) ?? text(raw.state),
    country: text(raw.country) ?? text(raw.country_code),
    description: text(raw.description),
    phone: text(raw.phone),
    techStack: techOf(raw.techstack ?? raw.tech_stack),
  });
}

/**
 * The lookup entry of the account's `credit_usage` list (one entry per credit type: lookup,
 * company, ...): person lookups, which is what the ledger and the low-credit alert count.
 */
const lookupCreditsOf = (value: unknown): Json | undefined =>
  (Array.isArray(value) ? value : []).filter(isObject).find((entry) => /lookup/i.test(text(entry.credit_type) ?? ''));

/** The account's plan and credit balance; several spellings are accepted for each. */
export function accountOf(raw: unknown): ProviderAccount {
  if (!isObject(raw)) return {};
  const plan = isObject(raw.plan) ? text(raw.plan.name) : text(raw.plan);
  const credits = isObject(raw.credits) ? raw.credits : (lookupCreditsOf(raw.credit_usage) ?? {});
  return defined({
    plan,
    creditsUsed: num(credits.used) ?? num(raw.lookup_credits_used),
    creditsRemaining: num(credits.remaining) ?? num(raw.lookup_credit_balance),
    resetsAt: text(credits.reset_date) ?? text(raw.renewal_date),
  });
}

/** The human message of an error body: `{ "detail": ... }` or `{ "status": 401, "message": ... }`. */
export function errorMessageOf(raw: unknown, fallback: string): string {
  if (!isObject(raw)) return fallback;
  return text(raw.detail) ?? text(raw.message) ?? text(raw.error) ?? fallback;
}
