import { z } from 'zod';
import { AppError, validationError } from '../../platform/errors.ts';
import { parseLenientNumber } from '../records/normalise.ts';
import type { Entity } from '../records/fields.ts';
import { DEFAULT_LIST_PAGE_SIZE, MAX_FILTER_VALUES, MAX_PAGE_SIZE, MAX_RANGE_ALTERNATIVES, MAX_QUERY_STRING_LENGTH, MAX_RESULT_WINDOW, MAX_TEXT_LENGTH } from './limits.ts';
import type { VqlAnyKeywordClause, VqlQuery, VqlTextClause } from './vql-schema.ts';

/**
 * The GET query-string filters of OutersaleBackend (organisations, people) and Appointment360
 * (contacts), parsed into VQL so the one compiler serves them. Blank parameters (`?city=`)
 * are ignored, as those products' forms send them; comma-separated values mean any-of.
 */

type Ctx = z.core.$RefinementCtx;

/**
 * A query parameter: a string on the wire (so the OpenAPI document shows it as such), blank
 * meaning absent, parsed by `parse`, which reports problems through ctx.
 */
const param = <T>(description: string, parse: (value: string, ctx: Ctx) => T) =>
  z
    .string()
    .max(MAX_QUERY_STRING_LENGTH)
    .optional()
    .transform((v, ctx): T | undefined => (v === undefined || v.trim() === '' ? undefined : parse(v.trim(), ctx)))
    .describe(description);

const fail = (ctx: Ctx, message: string): never => {
  ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
};

const list = (description: string) =>
  param(`${description} (comma-separated: any of them)`, (v, ctx) => {
    const values = [...new Set(v.split(',').map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s !== ''))];
    if (values.length === 0) return fail(ctx, 'Give at least one value');
    if (values.length > MAX_FILTER_VALUES) return fail(ctx, `At most ${MAX_FILTER_VALUES} values`);
    if (values.some((s) => s.length > MAX_TEXT_LENGTH)) return fail(ctx, `Each value may be at most ${MAX_TEXT_LENGTH} characters`);
    return values;
  });

const flag = (description: string) =>
  param(`${description}: true or false`, (v, ctx) => (/^(true|false|1|0|yes|no)$/i.test(v) ? /^(true|1|yes)$/i.test(v) : fail(ctx, 'Expected true or false')));

const whole = (description: string, min: number) =>
  param(description, (v, ctx) => (/^\d{1,15}$/.test(v) && Number(v) >= min ? Number(v) : fail(ctx, `Expected a whole number of at least ${min}`)));

/** Employees, revenue: "5000000", "5,000,000", "$5M". */
const amount = (description: string) =>
  param(description, (v, ctx) => {
    const parsed = parseLenientNumber(v);
    return parsed.ok && parsed.value >= 0 ? parsed.value : fail(ctx, 'Expected a non-negative number');
  });

type EmployeeRange = { gte: number; lte?: number };

function parseEmployeeRange(v: string, ctx: Ctx): EmployeeRange {
  const match = /^(\d{1,9})\s*(?:-\s*(\d{1,9})|\+)$/.exec(v);
  if (!match) return fail(ctx, `Expected ranges like 51-200 or 10001+, got ${v}`);
  const gte = Number(match[1]);
  const lte = match[2] === undefined ? undefined : Number(match[2]);
  if (lte !== undefined && lte < gte) return fail(ctx, `The lower bound of ${v} exceeds the upper one`);
  return lte === undefined ? { gte } : { gte, lte };
}

/** `51-200` or `10001+` (Apollo's employee ranges); several, comma-separated, mean any of them. */
const employeeRange = (description: string) =>
  param(`${description} (comma-separated: any of them)`, (v, ctx) => {
    const parts = v.split(',').map((s) => s.trim()).filter((s) => s !== '');
    if (parts.length === 0) return fail(ctx, 'Give at least one range');
    if (parts.length > MAX_RANGE_ALTERNATIVES) return fail(ctx, `At most ${MAX_RANGE_ALTERNATIVES} ranges`);
    return parts.map((part) => parseEmployeeRange(part, ctx));
  });

const paging = {
  page: whole('Page number, from 1', 1),
  page_size: whole(`Rows per page (default ${DEFAULT_LIST_PAGE_SIZE}, at most ${MAX_PAGE_SIZE})`, 1),
};

export const companyListQuerySchema = z.strictObject({
  city: list('Cities'),
  state: list('States'),
  country: list('Countries'),
  industries: list('Industries'),
  keywords: list('Keywords, each matched whole'),
  employee_range: employeeRange('Employees: 51-200 or 10001+'),
  employeeRange: employeeRange('OutersaleBackend\'s spelling of employee_range'),
  founded_year_min: whole('Founded in or after this year', 0),
  founded_year_max: whole('Founded in or before this year', 0),
  has_linkedin: flag('Has a LinkedIn URL'),
  search: list('Company names, each matched as a phrase'),
  ...paging,
});

export const contactListQuerySchema = z.strictObject({
  title: list('Titles, each matched as a phrase'),
  city: list('Cities'),
  state: list('States'),
  country: list('Countries'),
  location: list('Appointment360\'s location: any of city, state or country'),
  has_email: flag('Has an email'),
  has_linkedin: flag('Has a LinkedIn URL'),
  company: list('Company names, each matched as a phrase'),
  company_industries: list('Industries of the contact\'s company'),
  industry: list('Appointment360\'s name for company_industries'),
  departments: list('Departments'),
  seniority: list('Seniority levels'),
  email_status: list('Email statuses'),
  name_search: list('First or last name, matched as a prefix'),
  min_employees: amount('Company employees, at least'),
  max_employees: amount('Company employees, at most'),
  min_revenue: amount('Company annual revenue, at least'),
  max_revenue: amount('Company annual revenue, at most'),
  technologies: list('Technologies of the contact\'s company'),
  ...paging,
});

export type CompanyListQuery = z.output<typeof companyListQuerySchema>;
export type ContactListQuery = z.output<typeof contactListQuerySchema>;

/** Builds a VQL where from filters, leaving out the ones not given. */
class WhereBuilder {
  private readonly keyword: Record<string, string[]> = {};
  private readonly range: Record<string, { gte?: number; lte?: number } | { gte?: number; lte?: number }[]> = {};
  private readonly exists: { must: string[]; must_not: string[] } = { must: [], must_not: [] };
  private readonly text: VqlTextClause[] = [];
  private readonly any: VqlAnyKeywordClause[] = [];

  /** Exact values on any of several fields. */
  anyKeyword(fields: string[], values: string[] | undefined): this {
    if (values) this.any.push({ filter_key: fields, values });
    return this;
  }

  keywords(field: string, values: string[] | undefined): this {
    if (values) this.keyword[field] = values;
    return this;
  }
  /** Any of several ranges (a single one is a plain range). */
  anyRange(field: string, ranges: readonly EmployeeRange[] | undefined): this {
    if (ranges) this.range[field] = ranges.length === 1 ? { ...ranges[0] } : ranges.map((r) => ({ ...r }));
    return this;
  }
  between(field: string, gte: number | undefined, lte: number | undefined): this {
    if (gte !== undefined || lte !== undefined) this.range[field] = { ...(gte !== undefined ? { gte } : {}), ...(lte !== undefined ? { lte } : {}) };
    return this;
  }
  has(field: string, present: boolean | undefined): this {
    if (present !== undefined) this.exists[present ? 'must' : 'must_not'].push(field);
    return this;
  }
  texts(fields: string | string[], values: string[] | undefined, searchType: VqlTextClause['search_type']): this {
    if (values) this.text.push({ filter_key: fields, text_value: values, search_type: searchType });
    return this;
  }
  build(): NonNullable<VqlQuery['where']> {
    const where: NonNullable<VqlQuery['where']> = {};
    if (Object.keys(this.keyword).length > 0) where.keyword_match = { must: this.keyword };
    if (Object.keys(this.range).length > 0) where.range_query = { must: this.range };
    const exists = Object.fromEntries(Object.entries(this.exists).filter(([, fields]) => fields.length > 0));
    if (Object.keys(exists).length > 0) where.exists = exists;
    if (this.text.length > 0) where.text_matches = { must: this.text };
    if (this.any.length > 0) where.keyword_any = { must: this.any };
    return where;
  }
}

export interface ListPaging {
  readonly page: number;
  readonly pageSize: number;
}

function pagingOf(params: { page?: number; page_size?: number }): ListPaging {
  const page = params.page ?? 1;
  const pageSize = params.page_size ?? DEFAULT_LIST_PAGE_SIZE;
  if (pageSize > MAX_PAGE_SIZE) {
    throw new AppError('ERR_PAGE_SIZE_EXCEEDED', `page_size may be at most ${MAX_PAGE_SIZE}`, [{ path: 'page_size', message: `At most ${MAX_PAGE_SIZE}` }]);
  }
  if (page * pageSize > MAX_RESULT_WINDOW) {
    throw new AppError('ERR_PAGE_SIZE_EXCEEDED', `page × page_size may reach at most row ${MAX_RESULT_WINDOW}; narrow the filters or use POST /search with a cursor`, [
      { path: 'page', message: `Beyond row ${MAX_RESULT_WINDOW}` },
    ]);
  }
  return { page, pageSize };
}

export function companyListToVql(params: CompanyListQuery): { query: VqlQuery; paging: ListPaging } {
  const paging = pagingOf(params);
  const range = params.employee_range ?? params.employeeRange;
  const where = new WhereBuilder()
    .keywords('city', params.city)
    .keywords('state', params.state)
    .keywords('country', params.country)
    .keywords('industries', params.industries)
    .keywords('keywords', params.keywords)
    .anyRange('employees_count', range)
    .between('founded_year', params.founded_year_min, params.founded_year_max)
    .has('linkedin_url', params.has_linkedin)
    .texts('name', params.search, 'match_phrase')
    .build();
  const query: VqlQuery = { where, order_by: [{ order_by: 'name', order_direction: 'asc' }], page: paging.page, limit: paging.pageSize };
  return { query, paging };
}

export function contactListToVql(params: ContactListQuery): { query: VqlQuery; paging: ListPaging } {
  const paging = pagingOf(params);
  const industries = [...new Set([...(params.company_industries ?? []), ...(params.industry ?? [])])];
  const where = new WhereBuilder()
    .texts('title', params.title, 'match_phrase')
    .keywords('city', params.city)
    .keywords('state', params.state)
    .keywords('country', params.country)
    .anyKeyword(['city', 'state', 'country'], params.location)
    .has('email', params.has_email)
    .has('linkedin_url', params.has_linkedin)
    .texts('company_name', params.company, 'match_phrase')
    .keywords('departments', params.departments)
    .keywords('seniority', params.seniority)
    .keywords('email_status', params.email_status)
    .texts(['first_name', 'last_name'], params.name_search, 'match_phrase_prefix')
    .keywords('company.industries', industries.length > 0 ? industries : undefined)
    .between('company.employees_count', params.min_employees, params.max_employees)
    .between('company.annual_revenue', params.min_revenue, params.max_revenue)
    .keywords('company.technologies', params.technologies)
    .build();
  const order_by = [
    { order_by: 'last_name', order_direction: 'asc' as const },
    { order_by: 'first_name', order_direction: 'asc' as const },
  ];
  return { query: { where, order_by, page: paging.page, limit: paging.pageSize }, paging };
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The raw query string as a plain record. Repeated names are joined with commas (API Gateway
 * does the same in queryStringParameters), so `?country=a&country=b` means any of a, b.
 */
export function parseQueryString(raw: string | undefined): Record<string, string> {
  const text = raw ?? '';
  if (text.length > MAX_QUERY_STRING_LENGTH) {
    throw validationError(`The query string exceeds ${MAX_QUERY_STRING_LENGTH} characters`, [{ path: 'query', message: 'Too long' }]);
  }
  const params: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, value] of new URLSearchParams(text)) {
    if (FORBIDDEN_KEYS.has(name)) throw validationError(`Unknown parameter: ${name}`, [{ path: name, message: 'Unknown parameter' }]);
    params[name] = params[name] === undefined ? value : `${params[name]},${value}`;
  }
  return { ...params };
}

export interface PageLinks {
  readonly next: string | null;
  readonly previous: string | null;
}

/** `next` and `previous` as absolute URLs: the request's own URL with `page` changed. */
export function pageLinks(requestUrl: URL, paging: ListPaging, count: number): PageLinks {
  const at = (page: number): string => {
    const url = new URL(requestUrl);
    url.searchParams.set('page', String(page));
    return url.toString();
  };
  const lastPage = Math.max(1, Math.ceil(count / paging.pageSize));
  const reachable = (page: number) => page * paging.pageSize <= MAX_RESULT_WINDOW;
  return {
    next: paging.page < lastPage && reachable(paging.page + 1) ? at(paging.page + 1) : null,
    previous: paging.page > 1 ? at(Math.min(paging.page - 1, lastPage)) : null,
  };
}

/** Signals have their own query (functions/domain/signals/signals-query.ts), compiled by the same VQL compiler. */
export const LIST_SCHEMAS: Record<Exclude<Entity, 'signal'>, z.ZodObject> = { company: companyListQuerySchema, contact: contactListQuerySchema };
