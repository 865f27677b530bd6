import { describe, expect, it } from 'vitest';
import { MAX_PAGE_SIZE } from '../../../functions/domain/vql/limits.ts';
import { compileCount, compileSearch } from '../../../functions/domain/vql/vql-to-dsl.ts';
import { vqlQuerySchema } from '../../../functions/domain/vql/vql-schema.ts';
import type { AppError } from '../../../functions/platform/errors.ts';

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
    expect(compileCount('contact', 'ws-2', undefined)).toEqual({ query: { bool: { filter: [{ term: { workspace_id: 'ws-2' } }] } } });
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
});
