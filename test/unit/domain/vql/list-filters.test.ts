import { describe, expect, it } from 'vitest';
import { DEFAULT_LIST_PAGE_SIZE, MAX_PAGE_SIZE } from '../../../../functions/domain/vql/limits.ts';
import {
  companyListQuerySchema,
  companyListToVql,
  contactListQuerySchema,
  contactListToVql,
  pageLinks,
  parseQueryString,
} from '../../../../functions/domain/vql/list-filters.ts';
import { compileSearch } from '../../../../functions/domain/vql/vql-to-dsl.ts';
import { vqlQuerySchema } from '../../../../functions/domain/vql/vql-schema.ts';
import type { AppError } from '../../../../functions/platform/errors.ts';
import { parseInput } from '../../../../functions/platform/validation.ts';

const companies = (qs: string) => companyListToVql(parseInput(companyListQuerySchema, parseQueryString(qs)));
const contacts = (qs: string) => contactListToVql(parseInput(contactListQuerySchema, parseQueryString(qs)));
const refusal = (run: () => unknown): AppError => {
  try {
    run();
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected a refusal');
};

describe('GET filters → VQL', () => {
  it('It should parse the organisation filters into keyword, range, exists and text clauses', () => {
    const { query, paging } = companies(
      'city=San%20Francisco&state=&country=United+States&industries=technology&keywords=SaaS,cloud&employee_range=51-200&founded_year_min=2015&founded_year_max=2020&has_linkedin=true&search=Microsoft,Google',
    );
    expect(query.where).toEqual({
      keyword_match: { must: { city: ['San Francisco'], country: ['United States'], industries: ['technology'], keywords: ['SaaS', 'cloud'] } },
      range_query: { must: { employees_count: { gte: 51, lte: 200 }, founded_year: { gte: 2015, lte: 2020 } } },
      exists: { must: ['linkedin_url'] },
      text_matches: { must: [{ filter_key: 'name', text_value: ['Microsoft', 'Google'], search_type: 'match_phrase' }] },
    });
    expect(query).toMatchObject({ page: 1, limit: DEFAULT_LIST_PAGE_SIZE, order_by: [{ order_by: 'name', order_direction: 'asc' }] });
    expect(paging).toEqual({ page: 1, pageSize: DEFAULT_LIST_PAGE_SIZE });
  });

  it('It should accept OutersaleBackend\'s employeeRange spelling and open-ended ranges', () => {
    expect(companies('employeeRange=10001%2B').query.where?.range_query).toEqual({ must: { employees_count: { gte: 10001 } } });
  });

  it('It should read several comma-separated employee ranges as any of them', () => {
    expect(companies('employeeRange=51-200,201-500').query.where?.range_query).toEqual({
      must: { employees_count: [{ gte: 51, lte: 200 }, { gte: 201, lte: 500 }] },
    });
    expect(() => companies('employeeRange=51-200,lots')).toThrow(/employeeRange/);
  });

  it("It should read Appointment360's location as any of city, state or country", () => {
    expect(contacts('location=California,Boston').query.where).toEqual({
      keyword_any: { must: [{ filter_key: ['city', 'state', 'country'], values: ['California', 'Boston'] }] },
    });
  });

  it('It should parse the people and contact filters, company attributes as company.* clauses', () => {
    const { query } = contacts(
      'title=CEO&city=New+York&country=usa&has_email=true&has_linkedin=false&company=Microsoft&company_industries=fintech&industry=Technology&departments=engineering&seniority=senior&email_status=verified&name_search=john&min_employees=10&max_employees=1%2C000&min_revenue=%245M&max_revenue=10000000&technologies=python&page=2&page_size=10',
    );
    expect(query.where).toEqual({
      keyword_match: {
        must: {
          city: ['New York'],
          country: ['usa'],
          departments: ['engineering'],
          seniority: ['senior'],
          email_status: ['verified'],
          'company.industries': ['fintech', 'Technology'],
          'company.technologies': ['python'],
        },
      },
      range_query: { must: { 'company.employees_count': { gte: 10, lte: 1000 }, 'company.annual_revenue': { gte: 5_000_000, lte: 10_000_000 } } },
      exists: { must: ['email'], must_not: ['linkedin_url'] },
      text_matches: {
        must: [
          { filter_key: 'title', text_value: ['CEO'], search_type: 'match_phrase' },
          { filter_key: 'company_name', text_value: ['Microsoft'], search_type: 'match_phrase' },
          { filter_key: ['first_name', 'last_name'], text_value: ['john'], search_type: 'match_phrase_prefix' },
        ],
      },
    });
    expect(query).toMatchObject({ page: 2, limit: 10 });
  });

  it('It should produce VQL the one compiler accepts', () => {
    const { query } = contacts('title=CEO&company_industries=fintech&has_email=true&name_search=jo');
    const compiled = compileSearch('contact', 'ws', vqlQuerySchema.parse(query), { countTotal: true });
    expect(compiled.companyLookup).toBeDefined();
    expect(compiled.sortKeys).toEqual(['last_name.keyword', 'first_name.keyword', 'uuid']);
  });

  it('It should join repeated parameters as any-of, ignore blanks, and drop repeats', () => {
    expect(companies('country=France&country=Germany,France&city=').query.where).toEqual({ keyword_match: { must: { country: ['France', 'Germany'] } } });
  });

  it('It should refuse unknown parameters by name, prototype keys included', () => {
    expect(refusal(() => companies('city=x&colour=red')).details).toEqual([{ path: 'colour', message: 'Unknown field: colour' }]);
    expect(refusal(() => contacts('__proto__=x')).details[0]?.path).toBe('__proto__');
    expect(refusal(() => contacts('constructor=x')).code).toBe('ERR_VALIDATION');
  });

  it('It should refuse malformed values naming the parameter', () => {
    const cases: [string, string][] = [
      ['employee_range=200-51', 'employee_range'],
      ['employee_range=lots', 'employee_range'],
      ['has_linkedin=maybe', 'has_linkedin'],
      ['founded_year_min=-5', 'founded_year_min'],
      ['page=-1', 'page'],
      ['page=0', 'page'],
      ['page_size=abc', 'page_size'],
      ['search=,,,', 'search'],
    ];
    for (const [qs, path] of cases) expect(refusal(() => companies(qs)).details[0]?.path, qs).toBe(path);
    expect(refusal(() => contacts('min_revenue=lots')).details[0]?.path).toBe('min_revenue');
  });

  it('It should refuse a page size or a depth beyond the limits with ERR_PAGE_SIZE_EXCEEDED', () => {
    expect(refusal(() => companies(`page_size=${MAX_PAGE_SIZE + 1}`))).toMatchObject({ code: 'ERR_PAGE_SIZE_EXCEEDED', details: [{ path: 'page_size' }] });
    expect(refusal(() => contacts('page=1000000&page_size=50'))).toMatchObject({ code: 'ERR_PAGE_SIZE_EXCEEDED', details: [{ path: 'page' }] });
  });

  it('It should refuse an oversize query string', () => {
    expect(refusal(() => parseQueryString(`city=${'a'.repeat(10_000)}`)).code).toBe('ERR_VALIDATION');
  });

  it('It should link the next and previous pages, keeping the filters', () => {
    const url = new URL('http://127.0.0.1:3000/v1/contacts?title=CEO&page=2&page_size=10');
    expect(pageLinks(url, { page: 2, pageSize: 10 }, 35)).toEqual({
      next: 'http://127.0.0.1:3000/v1/contacts?title=CEO&page=3&page_size=10',
      previous: 'http://127.0.0.1:3000/v1/contacts?title=CEO&page=1&page_size=10',
    });
    expect(pageLinks(url, { page: 4, pageSize: 10 }, 35).next).toBeNull();
    expect(pageLinks(new URL('http://h/v1/companies'), { page: 1, pageSize: 50 }, 0)).toEqual({ next: null, previous: null });
  });
});
