/**
 * People and company search over the fake's data set, with RocketReach's search semantics:
 * `query` maps a facet to a list of values, values within a facet are OR-ed and facets AND-ed;
 * text matches case-insensitively as a substring, or exactly when the value is in double quotes;
 * numeric facets take `100-500`, `1000+`, `<5000` or `>50`. Paging is `start` (from 1) and
 * `page_size` (1-100). A facet the fake does not filter on (RocketReach has dozens) is refused
 * with a 400 naming it, never ignored, so a test cannot pass on a filter that was silently dropped.
 */
import type { FakeCompany } from './rocketreach-companies.ts';
import type { FakePerson } from './rocketreach-people.ts';

export const MAX_PAGE_SIZE = 100;
export const MAX_START = 10_000;
export const DEFAULT_PAGE_SIZE = 10;

type Facet<T> = (item: T, values: readonly string[]) => boolean;

export class SearchInputError extends Error {}

const textMatches = (haystack: string | null | undefined, value: string): boolean => {
  if (!haystack) return false;
  const trimmed = value.trim();
  if (trimmed.length > 1 && trimmed.startsWith('"') && trimmed.endsWith('"')) return haystack.toLowerCase() === trimmed.slice(1, -1).toLowerCase();
  return haystack.toLowerCase().includes(trimmed.toLowerCase());
};

const anyText = (fields: (item: unknown) => readonly (string | null | undefined)[]) => (item: unknown, values: readonly string[]) =>
  values.some((value) => fields(item).some((field) => textMatches(field, value)));

/** `100-500`, `1000+`, `<5000`, `>50`, or a single number. */
export function inRange(amount: number, range: string): boolean {
  const text = range.replace(/[\s,]/g, '');
  const between = /^(\d+)-(\d+)$/.exec(text);
  if (between) return amount >= Number(between[1]) && amount <= Number(between[2]);
  const atLeast = /^(\d+)\+$/.exec(text) ?? /^>=?(\d+)$/.exec(text);
  if (atLeast) return amount >= Number(atLeast[1]);
  const below = /^<=?(\d+)$/.exec(text);
  if (below) return amount < Number(below[1]);
  if (/^\d+$/.test(text)) return amount === Number(text);
  throw new SearchInputError(`"${range}" is not a range (use 100-500, 1000+ or <5000)`);
}

const person = (item: unknown): FakePerson => item as FakePerson;
const company = (item: unknown): FakeCompany => item as FakeCompany;

const PERSON_FACETS: Readonly<Record<string, Facet<FakePerson>>> = {
  id: (p, values) => values.some((value) => Number(value) === p.profile.id),
  name: anyText((p) => [person(p).profile.name]),
  current_employer: anyText((p) => [person(p).profile.current_employer, person(p).profile.current_employer_domain]),
  employer: anyText((p) => person(p).profile.job_history.map((job) => job.company_name)),
  company_name: anyText((p) => [person(p).employer.name]),
  company_domain: anyText((p) => [person(p).employer.domain]),
  company_industry: anyText((p) => [person(p).employer.industry]),
  company_country_code: anyText((p) => [person(p).employer.address.country_code]),
  company_size: (p, values) => values.some((value) => inRange(p.employer.num_employees, value)),
  current_title: anyText((p) => [person(p).profile.current_title]),
  department: anyText((p) => [person(p).profile.job_history[0]?.department]),
  location: anyText((p) => [person(p).profile.location]),
  geo: anyText((p) => [person(p).profile.location, person(p).profile.country_code]),
  skills: anyText((p) => person(p).profile.skills),
  keyword: anyText((p) => {
    const { profile } = person(p);
    return [profile.name, profile.current_title, profile.current_employer, profile.location, ...profile.skills, profile.current_employer_industry];
  }),
};

const COMPANY_FACETS: Readonly<Record<string, Facet<FakeCompany>>> = {
  id: (c, values) => values.some((value) => Number(value) === c.id),
  name: anyText((c) => [company(c).name]),
  domain: anyText((c) => [company(c).domain]),
  email_domain: anyText((c) => [company(c).email_domain]),
  website_url: anyText((c) => [company(c).website_domain]),
  industry: anyText((c) => company(c).industries),
  primary_industry: anyText((c) => [company(c).industry]),
  industry_keywords: anyText((c) => company(c).industry_keywords),
  location: anyText((c) => [company(c).address.description]),
  geo: anyText((c) => [company(c).address.city, company(c).address.region, company(c).address.country, company(c).address.country_code]),
  employees: (c, values) => values.some((value) => inRange(c.num_employees, value)),
  revenue: (c, values) => values.some((value) => inRange(c.revenue, value)),
  // A founding-year range (`1990-2005`, `2010+`), the way the size and revenue facets take theirs.
  year_founded: (c, values) => values.some((value) => inRange(c.year_founded, value)),
  techstack: anyText((c) => company(c).techstack),
  publicly_traded: (c, values) => values.some((value) => (value.toLowerCase() === 'true') === (c.ticker_symbol !== null)),
  keyword: anyText((c) => [company(c).name, company(c).description, company(c).industry, ...company(c).industry_keywords]),
};

export interface SearchPage<T> {
  readonly hits: readonly T[];
  readonly pagination: { readonly start: number; readonly next: number | null; readonly total: number };
}

export interface SearchInput {
  readonly start: number;
  readonly pageSize: number;
  readonly query: Readonly<Record<string, readonly string[]>>;
  readonly orderBy: 'relevance' | 'popularity' | 'score';
}

function parseQuery(raw: unknown, known: Readonly<Record<string, unknown>>): Record<string, readonly string[]> {
  if (raw === undefined) return {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new SearchInputError('query must be an object of facet: [values]');
  const query: Record<string, readonly string[]> = {};
  for (const [facet, values] of Object.entries(raw)) {
    if (!Object.hasOwn(known, facet)) throw new SearchInputError(`query.${facet} is not a facet the fake filters on`);
    const list = Array.isArray(values) ? values : [values];
    if (list.some((value) => typeof value !== 'string' && typeof value !== 'number')) throw new SearchInputError(`query.${facet} must be a list of strings`);
    query[facet] = list.map(String);
  }
  return query;
}

const intIn = (raw: unknown, name: string, fallback: number, min: number, max: number): number => {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new SearchInputError(`${name} must be an integer from ${min} to ${max}`);
  return value;
};

/** Reads a search body (`start`, `page_size`, `query`, `order_by`); throws {@link SearchInputError} naming the field. */
export function parseSearchInput(body: Record<string, unknown>, kind: 'person' | 'company'): SearchInput {
  const orderBy = body.order_by ?? 'relevance';
  if (orderBy !== 'relevance' && orderBy !== 'popularity' && orderBy !== 'score') throw new SearchInputError('order_by must be relevance, popularity or score');
  return {
    start: intIn(body.start, 'start', 1, 1, MAX_START),
    pageSize: intIn(body.page_size, 'page_size', DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE),
    query: parseQuery(body.query, kind === 'person' ? PERSON_FACETS : COMPANY_FACETS),
    orderBy,
  };
}

function page<T>(items: readonly T[], input: SearchInput): SearchPage<T> {
  const from = input.start - 1;
  const hits = items.slice(from, from + input.pageSize);
  const next = from + hits.length < items.length ? input.start + hits.length : null;
  return { hits, pagination: { start: input.start, next, total: items.length } };
}

const matchesAll = <T>(item: T, query: SearchInput['query'], facets: Readonly<Record<string, Facet<T>>>): boolean =>
  Object.entries(query).every(([facet, values]) => facets[facet]!(item, values));

export function searchPeople(people: readonly FakePerson[], input: SearchInput): SearchPage<FakePerson> {
  const found = people.filter((item) => matchesAll(item, input.query, PERSON_FACETS));
  if (input.orderBy === 'popularity') found.sort((a, b) => b.profile.connections - a.profile.connections || a.profile.id - b.profile.id);
  return page(found, input);
}

export function searchCompanies(companies: readonly FakeCompany[], input: SearchInput): SearchPage<FakeCompany> {
  const found = companies.filter((item) => matchesAll(item, input.query, COMPANY_FACETS));
  if (input.orderBy === 'popularity') found.sort((a, b) => b.num_employees - a.num_employees || a.id - b.id);
  return page(found, input);
}

/** A company search hit: RocketReach's public company details. */
export const renderCompanyHit = (c: FakeCompany): Record<string, unknown> => ({
  id: c.id,
  name: c.name,
  email_domain: c.email_domain,
  ticker_symbol: c.ticker_symbol,
  industry_str: c.industry,
  city: c.address.city,
  region: c.address.region,
  country_code: c.address.country_code,
});
