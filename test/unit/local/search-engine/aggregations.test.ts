import { describe, expect, it } from 'vitest';
import { CONTACTS } from './fixtures.ts';
import { failure, useTestEngine } from './helpers.ts';

const INDEX = 'aggs';
const t = useTestEngine({ index: INDEX, docs: CONTACTS });

const aggregate = async (aggs: unknown, query?: unknown): Promise<Record<string, Record<string, unknown>>> => {
  const response = await t.client.search({ index: INDEX, body: { size: 0, aggs, ...(query === undefined ? {} : { query }) } });
  return (response.body as { aggregations: Record<string, Record<string, unknown>> }).aggregations;
};

describe('search engine: aggregations', () => {
  it('It should bucket keyword terms by count, then key, on normalised values', async () => {
    const { countries } = await aggregate({ countries: { terms: { field: 'country' } } });
    expect(countries).toEqual({
      doc_count_error_upper_bound: 0,
      sum_other_doc_count: 0,
      buckets: [
        { key: 'fr', doc_count: 2 },
        { key: 'us', doc_count: 2 },
        { key: 'de', doc_count: 1 },
      ],
    });
  });

  it('It should limit buckets with size, reporting the rest in sum_other_doc_count', async () => {
    const { top } = await aggregate({ top: { terms: { field: 'departments', size: 1 } } });
    expect(top!.buckets).toEqual([{ key: 'engineering', doc_count: 2 }]);
    expect(top!.sum_other_doc_count).toBe(2);
  });

  it('It should order buckets by _key or ascending _count when asked', async () => {
    const { byKey, rare } = await aggregate({ byKey: { terms: { field: 'country', order: { _key: 'desc' } } }, rare: { terms: { field: 'country', order: { _count: 'asc' } } } });
    expect((byKey!.buckets as Array<{ key: string }>).map((b) => b.key)).toEqual(['us', 'fr', 'de']);
    expect((rare!.buckets as Array<{ key: string }>).map((b) => b.key)).toEqual(['de', 'fr', 'us']);
  });

  it('It should bucket numbers, dates and booleans with numeric keys', async () => {
    const { sizes, verified } = await aggregate({ sizes: { terms: { field: 'employees', size: 2 } }, verified: { terms: { field: 'verified' } } });
    expect(sizes!.buckets).toEqual([{ key: 50, doc_count: 2 }, { key: 10, doc_count: 1 }]);
    expect(verified!.buckets).toEqual([{ key: 1, key_as_string: 'true', doc_count: 2 }, { key: 0, key_as_string: 'false', doc_count: 1 }]);
  });

  it('It should aggregate only the docs the query matched', async () => {
    const { countries } = await aggregate({ countries: { terms: { field: 'country' } } }, { range: { employees: { gte: 100 } } });
    expect(countries!.buckets).toEqual([{ key: 'fr', doc_count: 1 }, { key: 'us', doc_count: 1 }]);
  });

  it('It should run metric sub-aggregations per bucket', async () => {
    const { countries } = await aggregate({ countries: { terms: { field: 'country' }, aggs: { staff: { sum: { field: 'employees' } } } } });
    expect(countries!.buckets).toEqual([
      { key: 'fr', doc_count: 2, staff: { value: 5050 } },
      { key: 'us', doc_count: 2, staff: { value: 510 } },
      { key: 'de', doc_count: 1, staff: { value: 50 } },
    ]);
  });

  it('It should compute avg, sum, min and max, with dates as strings too', async () => {
    const result = await aggregate({
      avg: { avg: { field: 'employees' } },
      sum: { sum: { field: 'employees' } },
      min: { min: { field: 'score' } },
      max: { max: { field: 'score' } },
      first: { min: { field: 'created_at' } },
    });
    expect(result.avg).toEqual({ value: 1122 });
    expect(result.sum).toEqual({ value: 5610 });
    expect(result.min).toEqual({ value: 3.2 });
    expect(result.max).toEqual({ value: 4.9 });
    expect(result.first).toEqual({ value: Date.parse('2022-06-30T23:59:59.999Z'), value_as_string: '2022-06-30T23:59:59.999Z' });
  });

  it('It should count values and distinct values', async () => {
    const result = await aggregate({ depts: { value_count: { field: 'departments' } }, distinct: { cardinality: { field: 'departments' } }, countries: { cardinality: { field: 'country' } }, sizes: { cardinality: { field: 'employees' } } });
    expect(result.depts).toEqual({ value: 4 });
    expect(result.distinct).toEqual({ value: 3 });
    expect(result.countries).toEqual({ value: 3 });
    expect(result.sizes).toEqual({ value: 4 });
  });

  it('It should answer null (or 0 for sum and counts) when no doc has a value', async () => {
    const result = await aggregate({ avg: { avg: { field: 'score' } }, sum: { sum: { field: 'score' } }, n: { value_count: { field: 'score' } }, terms: { terms: { field: 'country' } } }, { term: { country: 'de' } });
    expect(result.avg).toEqual({ value: null });
    expect(result.sum).toEqual({ value: 0 });
    expect(result.n).toEqual({ value: 0 });
    expect((result.terms!.buckets as unknown[]).length).toBe(1);
  });

  it('It should refuse aggregating a text field and a metric on a keyword field', async () => {
    const text = await failure(t.client.search({ index: INDEX, body: { aggs: { x: { terms: { field: 'first_name' } } } } }));
    expect(text.statusCode).toBe(400);
    expect(text.body.error.root_cause[0]!.reason).toContain('Text fields are not optimised');
    const avg = await failure(t.client.search({ index: INDEX, body: { aggs: { x: { avg: { field: 'country' } } } } }));
    expect(avg.statusCode).toBe(400);
    expect(avg.body.error.reason).toContain('is not supported for aggregation [avg]');
  });
});
