import { describe, expect, it } from 'vitest';
import { MAX_FILTER_VALUES, MAX_FILTERS_PER_CLAUSE, MAX_JOINED_COMPANIES, MAX_PAGE_SIZE, MAX_RESULT_WINDOW, MAX_TEXT_CLAUSES, MAX_TOTAL_FILTER_VALUES } from '../../../../functions/domain/vql/limits.ts';
import { compileCount, compileFetchByUuids, compileSearch, withCompanyIds } from '../../../../functions/domain/vql/vql-to-dsl.ts';
import { vqlQuerySchema } from '../../../../functions/domain/vql/vql-schema.ts';
import type { AppError } from '../../../../functions/platform/errors.ts';

const compile = (query: unknown, entity: 'company' | 'contact' = 'company') => compileSearch(entity, 'ws-1', vqlQuerySchema.parse(query));
const failure = (query: unknown, entity: 'company' | 'contact' = 'company'): AppError => {
  try {
    compile(query, entity);
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected the query to be refused');
};

describe('VQL → DSL', () => {
  it('It should always filter by the workspace', () => {
    const { body } = compile({});
    expect(body.query).toEqual({ bool: { filter: [{ term: { workspace_id: 'ws-1' } }] } });
    expect(compileCount('contact', 'ws-2', undefined)).toEqual({ body: { query: { bool: { filter: [{ term: { workspace_id: 'ws-2' } }] } } } });
  });

  it('It should put keyword and range must clauses in filter context and must_not in must_not', () => {
    const { body } = compile({
      where: {
        keyword_match: { must: { country: ['United States'], industries: 'Technology' }, must_not: { city: 'Austin' } },
        range_query: { must: { employees_count: { gte: 100, lte: 5000 } }, must_not: { founded_year: { lt: 1990 } } },
      },
    });
    expect(body.query).toEqual({
      bool: {
        filter: [
          { term: { workspace_id: 'ws-1' } },
          { terms: { country: ['united states'] } },
          { terms: { industries: ['technology'] } },
          { range: { employees_count: { gte: 100, lte: 5000 } } },
        ],
        must_not: [{ terms: { city: ['austin'] } }, { range: { founded_year: { lt: 1990 } } }],
      },
    });
  });

  it('It should compile a list of ranges as any of them, and name the bad one by its index', () => {
    const { body } = compile({ where: { range_query: { must: { employees_count: [{ gte: 51, lte: 200 }, { gte: 1001 }] } } } });
    const error = failure({ where: { range_query: { must: { employees_count: [{ gte: 51 }, { gte: 'many' }] } } } });

    expect(body.query).toEqual({
      bool: {
        filter: [
          { term: { workspace_id: 'ws-1' } },
          { bool: { should: [{ range: { employees_count: { gte: 51, lte: 200 } } }, { range: { employees_count: { gte: 1001 } } }], minimum_should_match: 1 } },
        ],
      },
    });
    expect(error.details.map((d) => d.path)).toEqual(['where.range_query.must.employees_count[1].gte']);
  });

  it('It should compile keyword_any as exact values on any of its fields, on one record only', () => {
    const { body } = compile({ where: { keyword_any: { must: [{ filter_key: ['city', 'state', 'country'], values: ['New York'] }] } } }, 'contact');
    const mixed = failure({ where: { keyword_any: { must: [{ filter_key: ['city', 'company.country'], values: ['x'] }] } } }, 'contact');

    expect(body.query).toEqual({
      bool: {
        filter: [
          { term: { workspace_id: 'ws-1' } },
          { bool: { should: [{ terms: { city: ['new york'] } }, { terms: { state: ['new york'] } }, { terms: { country: ['new york'] } }], minimum_should_match: 1 } },
        ],
      },
    });
    expect(mixed.details.map((d) => d.path)).toEqual(['where.keyword_any.must[0].filter_key']);
  });

  it('It should match text fields exactly through their keyword sub-field', () => {
    const { body } = compile({ where: { keyword_match: { must: { name: 'Acme Corporation' } } } });
    expect(JSON.stringify(body.query)).toContain('"name.keyword":["acme corporation"]');
  });

  it('It should compile text_matches into scored must clauses', () => {
    const { body, sortKeys } = compile({ where: { text_matches: { must: [{ filter_key: 'keywords', text_value: 'artificial intelligence', search_type: 'match_phrase' }] } } });
    expect((body.query as { bool: { must: unknown[] } }).bool.must).toEqual([{ match_phrase: { keywords: { query: 'artificial intelligence' } } }]);
    expect(sortKeys).toEqual(['_score', 'uuid']);
  });

  it('It should sort by the requested fields and break ties on uuid', () => {
    const { body, sortKeys } = compile({ order_by: [{ order_by: 'employees_count', order_direction: 'desc' }, { order_by: 'name' }] });
    expect(body.sort).toEqual([
      { employees_count: { order: 'desc', missing: '_last' } },
      { 'name.keyword': { order: 'asc', missing: '_last' } },
      { uuid: { order: 'asc' } },
    ]);
    expect(sortKeys).toEqual(['employees_count', 'name.keyword', 'uuid']);
  });

  it('It should pass a cursor as search_after when it has one value per sort key', () => {
    const { body } = compile({ order_by: [{ order_by: 'employees_count' }], cursor: [500, 'abc'] });
    expect(body.search_after).toEqual([500, 'abc']);
    expect(failure({ order_by: [{ order_by: 'employees_count' }], cursor: [500] }).details[0]?.path).toBe('cursor');
  });

  it('It should name the path of an unknown field and of an operator on the wrong field type', () => {
    const error = failure({ where: { keyword_match: { must: { colour: 'red' } }, range_query: { must: { city: { gte: 1 } } } }, order_by: [{ order_by: 'nope' }] });
    expect(error.code).toBe('ERR_VALIDATION');
    expect(error.details.map((d) => d.path)).toEqual(['where.keyword_match.must.colour', 'where.range_query.must.city', 'order_by[0].order_by']);
  });

  it('It should refuse a non-number for a numeric filter, a bad date and the internal workspace field', () => {
    const error = failure({ where: { keyword_match: { must: { employees_count: 'many', workspace_id: 'other' } }, range_query: { must: { created_at: { gte: 'yesterday' } } } } });
    expect(error.details.map((d) => d.path)).toEqual([
      'where.keyword_match.must.employees_count',
      'where.keyword_match.must.workspace_id',
      'where.range_query.must.created_at.gte',
    ]);
  });

  it('It should refuse a page size over the maximum with ERR_PAGE_SIZE_EXCEEDED', () => {
    expect(failure({ limit: MAX_PAGE_SIZE + 1 })).toMatchObject({ code: 'ERR_PAGE_SIZE_EXCEEDED', details: [{ path: 'limit' }] });
    expect(failure({ limit: 100, page: 101 })).toMatchObject({ code: 'ERR_PAGE_SIZE_EXCEEDED', details: [{ path: 'page' }] });
  });

  it('It should translate page and limit into from and size', () => {
    const { body } = compile({ page: 3, limit: 20 });
    expect(body).toMatchObject({ from: 40, size: 20 });
  });

  it('It should select columns, always including uuid, and refuse unknown ones', () => {
    expect(compile({ select_columns: ['name'] }).body._source).toEqual({ includes: ['uuid', 'name'] });
    expect(failure({ select_columns: ['name', 'secret'] }).details[0]?.path).toBe('select_columns[1]');
  });

  it('It should refuse unknown top-level keys at schema level', () => {
    expect(vqlQuerySchema.safeParse({ wher: {} }).success).toBe(false);
  });

  it('It should compile match, match_phrase and match_phrase_prefix, must and must_not', () => {
    const { body } = compile({
      where: {
        text_matches: {
          must: [
            { filter_key: 'name', text_value: 'acme corp', search_type: 'match', operator: 'and' },
            { filter_key: 'description', text_value: 'cloud software', search_type: 'match_phrase' },
          ],
          must_not: [{ filter_key: 'keywords', text_value: 'crypt', search_type: 'match_phrase_prefix' }],
        },
      },
    });
    expect(body.query).toEqual({
      bool: {
        filter: [{ term: { workspace_id: 'ws-1' } }],
        must: [{ match: { name: { query: 'acme corp', operator: 'and' } } }, { match_phrase: { description: { query: 'cloud software' } } }],
        must_not: [{ match_phrase_prefix: { keywords: { query: 'crypt' } } }],
      },
    });
  });

  it('It should default a text clause to match with operator or', () => {
    const { body } = compile({ where: { text_matches: { must: [{ filter_key: 'name', text_value: 'acme' }] } } });
    expect((body.query as { bool: { must: unknown[] } }).bool.must).toEqual([{ match: { name: { query: 'acme', operator: 'or' } } }]);
  });

  it('It should turn lists of fields and texts into an any-of bool', () => {
    const { body } = compile({ where: { text_matches: { must: [{ filter_key: ['first_name', 'last_name'], text_value: ['jo', 'ann'], search_type: 'match_phrase_prefix' }] } } }, 'contact');
    expect((body.query as { bool: { must: unknown[] } }).bool.must).toEqual([
      {
        bool: {
          should: [
            { match_phrase_prefix: { first_name: { query: 'jo' } } },
            { match_phrase_prefix: { first_name: { query: 'ann' } } },
            { match_phrase_prefix: { last_name: { query: 'jo' } } },
            { match_phrase_prefix: { last_name: { query: 'ann' } } },
          ],
          minimum_should_match: 1,
        },
      },
    ]);
  });

  it('It should compile exists must and must_not in filter context', () => {
    const { body } = compile({ where: { exists: { must: ['email'], must_not: ['linkedin_url'] } } }, 'contact');
    expect(body.query).toEqual({
      bool: { filter: [{ term: { workspace_id: 'ws-1' } }, { exists: { field: 'email' } }], must_not: [{ exists: { field: 'linkedin_url' } }] },
    });
  });

  it('It should compile every range operator on numbers and on dates', () => {
    const { body } = compile({
      where: { range_query: { must: { annual_revenue: { gt: 10, lt: 20 }, created_at: { gte: '2024-01-01', lte: '2024-12-31T23:59:59Z' } } } },
    });
    expect((body.query as { bool: { filter: unknown[] } }).bool.filter.slice(1)).toEqual([
      { range: { annual_revenue: { gt: 10, lt: 20 } } },
      { range: { created_at: { gte: '2024-01-01', lte: '2024-12-31T23:59:59Z' } } },
    ]);
  });

  it('It should accept numeric strings as numbers, and booleans only for boolean fields', () => {
    const { body } = compile({ where: { keyword_match: { must: { founded_year: ['2015', 2016] } }, range_query: { must: { employees_count: { gte: '51' } } } } });
    expect((body.query as { bool: { filter: unknown[] } }).bool.filter.slice(1)).toEqual([
      { terms: { founded_year: [2015, 2016] } },
      { range: { employees_count: { gte: 51 } } },
    ]);
    expect(failure({ where: { keyword_match: { must: { employees_count: true } } } }).details[0]?.path).toBe('where.keyword_match.must.employees_count');
  });

  it('It should name each bad value of a list by its index', () => {
    const error = failure({ where: { keyword_match: { must: { employees_count: [1, 'x', 3, ''] } } } });
    expect(error.details.map((d) => d.path)).toEqual(['where.keyword_match.must.employees_count[1]', 'where.keyword_match.must.employees_count[3]']);
  });

  it('It should refuse text_matches on a non-text field and range_query on a keyword field', () => {
    const error = failure({ where: { text_matches: { must: [{ filter_key: 'country', text_value: 'us' }] }, range_query: { must_not: { industries: { gte: 1 } } } } });
    expect(error.details.map((d) => d.path)).toEqual(['where.text_matches.must[0].filter_key', 'where.range_query.must_not.industries']);
  });

  it('It should refuse an operator on a phrase search and name the path', () => {
    const error = failure({ where: { text_matches: { must: [{ filter_key: 'name', text_value: 'x', search_type: 'match_phrase', operator: 'and' }] } } });
    expect(error.details.map((d) => d.path)).toEqual(['where.text_matches.must[0].operator']);
  });

  it('It should name an unknown field inside a list of text fields and an unknown exists field', () => {
    const error = failure({ where: { text_matches: { must_not: [{ filter_key: ['name', 'nickname'], text_value: 'x' }] }, exists: { must: ['email'] } } });
    expect(error.details.map((d) => d.path)).toEqual(['where.exists.must[0]', 'where.text_matches.must_not[0].filter_key[1]']);
  });

  it('It should order by several fields, refuse repeats, booleans and company fields', () => {
    const { sortKeys } = compile({ order_by: [{ order_by: 'last_name' }, { order_by: 'created_at', order_direction: 'desc' }] }, 'contact');
    expect(sortKeys).toEqual(['last_name.keyword', 'created_at', 'uuid']);
    expect(compile({ order_by: [{ order_by: 'uuid', order_direction: 'desc' }] }).sortKeys).toEqual(['uuid']);
    const error = failure({ order_by: [{ order_by: 'name' }, { order_by: 'name' }, { order_by: 'company.name' }] }, 'contact');
    expect(error.details.map((d) => d.path)).toEqual(['order_by[0].order_by', 'order_by[1].order_by', 'order_by[2].order_by']);
    const repeat = failure({ order_by: [{ order_by: 'name' }, { order_by: 'name' }] });
    expect(repeat.details.map((d) => d.path)).toEqual(['order_by[1].order_by']);
  });

  it('It should refuse cursor values that do not fit their sort keys', () => {
    const ok = compile({ order_by: [{ order_by: 'employees_count' }, { order_by: 'name' }, { order_by: 'created_at' }], cursor: ['9223372036854775807', null, '2024-01-01T00:00:00Z', 'u'] });
    expect(ok.body.search_after).toEqual(['9223372036854775807', null, '2024-01-01T00:00:00Z', 'u']);
    const error = failure({ order_by: [{ order_by: 'employees_count' }, { order_by: 'created_at' }], cursor: ['many', 'yesterday', 5] });
    expect(error.details.map((d) => d.path)).toEqual(['cursor[0]', 'cursor[1]', 'cursor[2]']);
    expect(failure({ where: { text_matches: { must: [{ filter_key: 'name', text_value: 'x' }] } }, cursor: ['high', 'u'] }).details[0]?.path).toBe('cursor[0]');
  });

  it('It should refuse cursor and page together', () => {
    expect(failure({ page: 2, cursor: ['x'] }).details.map((d) => d.path)).toEqual(['cursor']);
  });

  it('It should let page × limit reach exactly the result window and no further', () => {
    expect(compile({ page: MAX_RESULT_WINDOW / 500, limit: 500 }).body).toMatchObject({ from: MAX_RESULT_WINDOW - 500, size: 500 });
    expect(failure({ page: MAX_RESULT_WINDOW / 500 + 1, limit: 500 }).code).toBe('ERR_PAGE_SIZE_EXCEEDED');
    expect(failure({ page: Number.MAX_SAFE_INTEGER }).code).toBe('ERR_PAGE_SIZE_EXCEEDED');
  });

  it('It should count totals only when asked', () => {
    expect(compile({}).body.track_total_hits).toBe(false);
    expect(compileSearch('company', 'ws-1', vqlQuerySchema.parse({}), { countTotal: true }).body.track_total_hits).toBe(true);
  });

  it('It should gather company.* clauses of a contact query into a company lookup in the same workspace', () => {
    const compiled = compile(
      {
        where: {
          keyword_match: { must: { seniority: 'senior', 'company.industries': ['Fintech'] } },
          range_query: { must: { 'company.employees_count': { gte: 10 } } },
          text_matches: { must_not: [{ filter_key: 'company.name', text_value: 'acme', search_type: 'match_phrase' }] },
          exists: { must: ['company.website'] },
        },
      },
      'contact',
    );
    expect(compiled.body.query).toEqual({ bool: { filter: [{ term: { workspace_id: 'ws-1' } }, { terms: { seniority: ['senior'] } }] } });
    expect(compiled.companyLookup).toEqual({
      query: {
        bool: {
          filter: [
            { term: { workspace_id: 'ws-1' } },
            { terms: { industries: ['fintech'] } },
            { range: { employees_count: { gte: 10 } } },
            { exists: { field: 'website' } },
          ],
          must_not: [{ match_phrase: { name: { query: 'acme' } } }],
        },
      },
      size: MAX_JOINED_COMPANIES,
      sort: [{ uuid: { order: 'asc' } }],
      _source: { includes: ['uuid'] },
      track_total_hits: true,
    });
    expect(withCompanyIds(compiled.body, ['c1', 'c2']).query).toEqual({
      bool: { filter: [{ term: { workspace_id: 'ws-1' } }, { terms: { seniority: ['senior'] } }, { terms: { company_id: ['c1', 'c2'] } }] },
    });
    expect(compileCount('contact', 'ws-1', { keyword_match: { must: { 'company.country': 'x' } } }).companyLookup).toBeDefined();
  });

  it('It should refuse company.* on companies, unknown company fields, and mixed text fields', () => {
    expect(failure({ where: { keyword_match: { must: { 'company.name': 'x' } } } }).details[0]?.path).toBe('where.keyword_match.must.company.name');
    const error = failure(
      { where: { keyword_match: { must: { 'company.colour': 'x' } }, text_matches: { must: [{ filter_key: ['title', 'company.name'], text_value: 'x' }] } } },
      'contact',
    );
    expect(error.details.map((d) => d.path)).toEqual(['where.keyword_match.must.company.colour', 'where.text_matches.must[0].filter_key']);
  });

  it('It should plan company population with its own columns and keep company_id for it', () => {
    const compiled = compile({ select_columns: ['first_name'], company_config: { populate: true, select_columns: ['name', 'website'] } }, 'contact');
    expect(compiled.populate).toEqual({ columns: ['uuid', 'name', 'website'] });
    expect(compiled.body._source).toEqual({ includes: ['uuid', 'first_name', 'company_id'] });
    expect(compiled.hiddenColumns).toEqual(['company_id']);
    expect(compile({ company_config: { populate: false } }, 'contact').populate).toBeUndefined();
    expect(failure({ company_config: { populate: true } }).details[0]?.path).toBe('company_config');
    expect(failure({ company_config: { populate: true, select_columns: ['name', 'first_name'] } }, 'contact').details[0]?.path).toBe('company_config.select_columns[1]');
  });

  it('It should fetch records by uuid within the workspace only', () => {
    expect(compileFetchByUuids('company', 'ws-9', ['u1', 'u2'], ['uuid', 'name'])).toEqual({
      query: { bool: { filter: [{ term: { workspace_id: 'ws-9' } }, { terms: { uuid: ['u1', 'u2'] } }] } },
      size: 2,
      _source: { includes: ['uuid', 'name'] },
      track_total_hits: false,
    });
  });

  it('It should bound clause counts, values per filter, values in total and text length at schema level', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => `v${i}`);
    const paths = (query: unknown) => {
      const result = vqlQuerySchema.safeParse(query);
      return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
    };
    expect(paths({ where: { keyword_match: { must: { city: many(MAX_FILTER_VALUES + 1) } } } })).toEqual(['where.keyword_match.must.city']);
    expect(paths({ where: { text_matches: { must: Array.from({ length: MAX_TEXT_CLAUSES + 1 }, () => ({ filter_key: 'name', text_value: 'x' })) } } })).toEqual(['where.text_matches.must']);
    expect(paths({ where: { keyword_match: { must: Object.fromEntries(many(MAX_FILTERS_PER_CLAUSE + 1).map((k) => [k, 'x'])) } } })).toEqual(['where.keyword_match.must']);
    expect(paths({ where: { text_matches: { must: [{ filter_key: 'name', text_value: 'x'.repeat(1001) }] } } })).toEqual(['where.text_matches.must.0.text_value']);
    const spread = Object.fromEntries(['city', 'state', 'country', 'industries', 'technologies', 'domain'].map((f) => [f, many(MAX_FILTER_VALUES)]));
    expect(MAX_FILTER_VALUES * 6).toBeGreaterThan(MAX_TOTAL_FILTER_VALUES);
    expect(failure({ where: { keyword_match: { must: spread } } }).details.map((d) => d.path)).toEqual(['where.keyword_match']);
  });
});
