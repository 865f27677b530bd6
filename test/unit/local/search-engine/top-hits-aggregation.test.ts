import { describe, expect, it } from 'vitest';
import { CONTACTS } from './fixtures.ts';
import { failure, useTestEngine } from './helpers.ts';

const INDEX = 'top-hits';
const t = useTestEngine({ index: INDEX, docs: CONTACTS });

const aggregate = async (aggs: unknown, query?: unknown): Promise<Record<string, any>> => {
  const response = await t.client.search({ index: INDEX, body: { size: 0, aggs, ...(query === undefined ? {} : { query }) } });
  return (response.body as { aggregations: Record<string, any> }).aggregations;
};

describe('search engine: top_hits aggregation', () => {
  it('It should return the first documents of each bucket by sort, with sort values and filtered _source', async () => {
    // Act
    const { countries } = await aggregate({
      countries: {
        terms: { field: 'country', order: { _key: 'asc' } },
        aggs: { latest: { top_hits: { size: 1, sort: [{ created_at: { order: 'desc' } }], _source: { includes: ['country'] } } } },
      },
    });
    // Assess: FR holds contacts 1 (2024-01-15) and 4 (2022); US holds 2 (2024-03-01) and 3 (2023-11-14).
    const latest = (countries.buckets as any[]).map((b) => [b.key, b.latest.hits.hits.map((h: any) => [h._id, h._source, h._score, h.sort])]);
    expect(latest).toEqual([
      ['de', [['5', { country: 'DE' }, null, [Date.parse('2024-01-15T00:00:00Z')]]]],
      ['fr', [['1', { country: 'FR' }, null, [Date.parse('2024-01-15T10:00:00Z')]]]],
      ['us', [['2', { country: 'us' }, null, [Date.parse('2024-03-01')]]]],
    ]);
    expect(countries.buckets[1].latest.hits.total).toEqual({ value: 2, relation: 'eq' });
    expect(countries.buckets[1].latest.hits.max_score).toBeNull();
  });

  it('It should default to three hits ranked by the query score, then index order', async () => {
    // Act
    const { all } = await aggregate({ all: { top_hits: { _source: false } } }, { match: { title: 'software engineer' } });
    // Assess: "Software Engineer" is the shortest title holding both words.
    const hits = all.hits.hits as any[];
    expect(hits.map((h) => h._id)).toEqual(['3', '1', '5']);
    expect(hits[0]._score).toBeGreaterThan(hits[1]._score);
    expect(hits[0]._source).toBeUndefined();
    expect(all.hits.max_score).toBe(hits[0]._score);
  });

  it('It should rank filter-context matches alike, in index order, and honour from', async () => {
    // Act
    const { page } = await aggregate({ page: { top_hits: { from: 1, size: 2, _source: ['first_name'] } } }, { bool: { filter: [{ exists: { field: 'email' } }] } });
    // Assess
    expect((page.hits.hits as any[]).map((h) => [h._id, h._source, h._score])).toEqual([
      ['2', { first_name: 'Jane' }, 0],
      ['3', { first_name: 'Mary-Jane' }, 0],
    ]);
    expect(page.hits.total.value).toBe(4);
  });

  it('It should refuse a window beyond index.max_inner_result_window, sub-aggregations, and unknown options', async () => {
    // Act
    const tooMany = await failure(t.client.search({ index: INDEX, body: { size: 0, aggs: { h: { top_hits: { from: 90, size: 11 } } } } }));
    const nested = await failure(t.client.search({ index: INDEX, body: { size: 0, aggs: { h: { top_hits: {}, aggs: { c: { avg: { field: 'employees' } } } } } } }));
    const unknown = await failure(t.client.search({ index: INDEX, body: { size: 0, aggs: { h: { top_hits: { highlight: {} } } } } }));
    // Assess
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.body.error.root_cause[0]!.reason).toContain('max_inner_result_window');
    expect(nested.statusCode).toBe(400);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body.error.reason).toContain('highlight');
  });
});
