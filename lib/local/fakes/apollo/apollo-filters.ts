/**
 * Apollo's search parameters, as its API reference documents them, read from the JSON body and
 * the query string alike (`organization_locations[]=texas`, `revenue_range[min]=1000`), then
 * normalised once so the search and the ground truth match with the very same code.
 */
import { z } from 'zod';

/** The parameters the fake understands; others are ignored, as Apollo ignores them. */
const ARRAY_PARAMS = {
  organization_locations: 'organizationLocations',
  organization_not_locations: 'organizationNotLocations',
  organization_num_employees_ranges: 'employeeRanges',
  organization_industry_tag_ids: 'industryTagIds',
  q_organization_keyword_tags: 'keywordTags',
  organization_ids: 'organizationIds',
  q_organization_domains_list: 'domains',
  currently_using_any_of_technology_uids: 'technologyUids',
  person_titles: 'personTitles',
  person_seniorities: 'personSeniorities',
  person_locations: 'personLocations',
  contact_email_status: 'emailStatuses',
} as const;

type ArrayParam = keyof typeof ARRAY_PARAMS;
type ArrayField = (typeof ARRAY_PARAMS)[ArrayParam];

/** The app sends the email status under its newer name. */
const ALIASES: Readonly<Record<string, string>> = { contact_email_status_v2: 'contact_email_status' };

export interface EmployeeRange {
  readonly min: number;
  readonly max: number;
}

export type ApolloFilters = { readonly [K in Exclude<ArrayField, 'employeeRanges'>]: readonly string[] } & {
  readonly employeeRanges: readonly EmployeeRange[];
  readonly organizationName?: string;
  readonly keywords?: string;
  readonly revenueMin?: number;
  readonly revenueMax?: number;
  readonly includeSimilarTitles: boolean;
};

export interface Paging {
  readonly page: number;
  readonly perPage?: number;
}

export type FilterProblem = { readonly kind: 'invalid' | 'too-long'; readonly param: string };

/** Domains may come by the thousand (the reference allows 1,000 in one request). */
export const MAX_DOMAINS_PER_REQUEST = 1_000;
/** A free-text field past this many characters is "too long" like an over-full list. */
export const MAX_KEYWORDS_LENGTH = 256;

const stringList = z.union([z.string(), z.array(z.union([z.string(), z.number()]))]).transform((value) => (Array.isArray(value) ? value : [value]).map(String));
const optionalNumber = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number), z.literal('')]).optional();
const rangeSchema = z.object({ min: optionalNumber, max: optionalNumber }).partial();

const setNested = (target: Record<string, unknown>, key: string, value: unknown): void => {
  const nested = /^([a-z_]+)\[([a-z_]+)\]$/i.exec(key);
  if (nested?.[1] && nested[2]) {
    const holder = (target[nested[1]] ??= {}) as Record<string, unknown>;
    holder[nested[2]] = value;
    return;
  }
  target[key] = value;
};

/** Query string and JSON body as one flat object: `[]` dropped, `a[b]` nested, aliases resolved. */
export const mergeParams = (query: URLSearchParams, body: Record<string, unknown>): Record<string, unknown> => {
  const merged: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const put = (rawKey: string, value: unknown, append: boolean): void => {
    const bare = rawKey.endsWith('[]') ? rawKey.slice(0, -2) : rawKey;
    const key = ALIASES[bare] ?? bare;
    if (append && rawKey.endsWith('[]')) {
      const list = merged[key];
      merged[key] = Array.isArray(list) ? [...(list as unknown[]), value] : [value];
      return;
    }
    setNested(merged, key, value);
  };
  for (const [key, value] of query) put(key, value, true);
  for (const [key, value] of Object.entries(body)) put(key, value, false);
  return merged;
};

const parseRange = (text: string): EmployeeRange | undefined => {
  const match = /^\s*(\d*)\s*[,]\s*(\d*)\s*$/.exec(text);
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  return { min: match[1] ? Number(match[1]) : 0, max: match[2] ? Number(match[2]) : Number.POSITIVE_INFINITY };
};

const readRange = (value: unknown): { min?: number; max?: number } | undefined => {
  if (value === undefined) return {};
  const parsed = rangeSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const numeric = (raw: number | '' | undefined): number | undefined => (raw === '' || raw === undefined ? undefined : raw);
  const min = numeric(parsed.data.min);
  const max = numeric(parsed.data.max);
  return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
};

const readLists = (params: Record<string, unknown>, maxValues: number): Record<string, string[]> | FilterProblem => {
  const lists: Record<string, string[]> = {};
  for (const [param, field] of Object.entries(ARRAY_PARAMS)) {
    const raw = params[param];
    if (raw === undefined || raw === null) {
      lists[field] = [];
      continue;
    }
    const parsed = stringList.safeParse(raw);
    if (!parsed.success) return { kind: 'invalid', param };
    const values = parsed.data.map((value) => value.trim()).filter((value) => value !== '');
    const limit = param === 'q_organization_domains_list' || param === 'organization_ids' ? Math.max(maxValues, MAX_DOMAINS_PER_REQUEST) : maxValues;
    if (values.length > limit) return { kind: 'too-long', param };
    lists[field] = values;
  }
  return lists;
};

const optionalText = (value: unknown): string | undefined | false => {
  if (value === undefined || value === null || value === '') return undefined;
  return typeof value === 'string' ? value.trim() : false;
};

/** Normalises one request's parameters, or says which one is wrong (422 on Apollo). */
export const parseFilters = (params: Record<string, unknown>, maxValues: number): ApolloFilters | FilterProblem => {
  const lists = readLists(params, maxValues);
  if ('kind' in lists) return lists as FilterProblem;
  const employeeRanges: EmployeeRange[] = [];
  for (const text of lists.employeeRanges ?? []) {
    const range = parseRange(text);
    if (!range) return { kind: 'invalid', param: 'organization_num_employees_ranges' };
    employeeRanges.push(range);
  }
  const revenue = readRange(params.revenue_range);
  if (!revenue) return { kind: 'invalid', param: 'revenue_range' };
  const organizationName = optionalText(params.q_organization_name);
  const keywords = optionalText(params.q_keywords);
  if (organizationName === false) return { kind: 'invalid', param: 'q_organization_name' };
  if (keywords === false) return { kind: 'invalid', param: 'q_keywords' };
  if (keywords !== undefined && keywords.length > MAX_KEYWORDS_LENGTH) return { kind: 'too-long', param: 'q_keywords' };
  const similar = params.include_similar_titles;
  return {
    ...(lists as Record<Exclude<ArrayField, 'employeeRanges'>, string[]>),
    employeeRanges,
    ...(organizationName ? { organizationName } : {}),
    ...(keywords ? { keywords } : {}),
    ...(revenue.min === undefined ? {} : { revenueMin: revenue.min }),
    ...(revenue.max === undefined ? {} : { revenueMax: revenue.max }),
    includeSimilarTitles: !(similar === false || similar === 'false'),
  };
};

export const isFilterProblem = (value: ApolloFilters | FilterProblem): value is FilterProblem => 'kind' in value && 'param' in value;

/** page and per_page as sent (strings in a query string, numbers in JSON); absent page is 1. */
export const parsePaging = (params: Record<string, unknown>): Paging | FilterProblem => {
  const number = (value: unknown): number | undefined | false => {
    if (value === undefined || value === null || value === '') return undefined;
    const parsed = typeof value === 'number' ? value : Number(value);
    return Number.isInteger(parsed) && parsed >= 1 ? parsed : false;
  };
  const page = number(params.page);
  const perPage = number(params.per_page);
  if (page === false) return { kind: 'invalid', param: 'page' };
  if (perPage === false) return { kind: 'invalid', param: 'per_page' };
  return { page: page ?? 1, ...(perPage === undefined ? {} : { perPage }) };
};

/** A stable key for caching a search's matches (page and per_page excluded). */
export const filtersKey = (kind: string, filters: ApolloFilters): string => `${kind}:${JSON.stringify(filters, (_, value: unknown) => (value === Number.POSITIVE_INFINITY ? 'inf' : value))}`;
