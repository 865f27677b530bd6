import { describe, expect, it } from 'vitest';
import { CONTACTS } from './fixtures.ts';
import { failure, useTestEngine } from './helpers.ts';

const INDEX = 'bucket-aggs';
const t = useTestEngine({ index: INDEX, docs: CONTACTS });

type Agg = Record<string, unknown> & { buckets: any };

const aggregate = async (aggs: unknown, query?: unknown): Promise<Record<string, Agg>> => {
  const response = await t.client.search({ index: INDEX, body: { size: 0, aggs, ...(query === undefined ? {} : { query }) } });
  return (response.body as { aggregations: Record<string, Agg> }).aggregations;
};

const keysAndCounts = (agg: Agg | undefined): Array<[unknown, unknown]> => (agg!.buckets as Array<{ key: unknown; doc_count: unknown }>).map((b) => [b.key, b.doc_count]);

describe('search engine: terms aggregation options', () => {
  it('It should keep only terms matching a Lucene regular expression include, anchored to the whole term', async () => {
    const { countries, titles } = await aggregate({
      countries: { terms: { field: 'country', include: 'f.*|d.*' } },
      titles: { terms: { field: 'title.keyword', include: '(.*[ \\-/])?sof.*' } },
    });
    expect(keysAndCounts(countries)).toEqual([['fr', 2], ['de', 1]]);
    expect(keysAndCounts(titles)).toEqual([['senior software engineer', 1], ['software engineer', 1], ['software sales engineer', 1]]);
  });

  it('It should apply include and exclude lists of exact values together', async () => {
    const { countries } = await aggregate({ countries: { terms: { field: 'country', include: ['fr', 'us', 'de'], exclude: ['us'] } } });
    expect(keysAndCounts(countries)).toEqual([['fr', 2], ['de', 1]]);
  });

  it('It should add empty buckets with min_doc_count 0 and drop rare ones with a higher minimum', async () => {
    const { seniority } = await aggregate({ seniority: { terms: { field: 'seniority', min_doc_count: 0 } } }, { term: { country: 'fr' } });
    expect(keysAndCounts(seniority)).toEqual([['c_suite', 1], ['senior', 1], ['director', 0], ['entry', 0]]);
    const { departments } = await aggregate({ departments: { terms: { field: 'departments', min_doc_count: 2 } } });
    expect(keysAndCounts(departments)).toEqual([['engineering', 2]]);
  });

  it('It should order buckets by a metric sub-aggregation', async () => {
    const { desc, asc } = await aggregate({
      desc: { terms: { field: 'country', order: { staff: 'desc' } }, aggs: { staff: { sum: { field: 'employees' } } } },
      asc: { terms: { field: 'country', order: { 'staff.value': 'asc' } }, aggs: { staff: { sum: { field: 'employees' } } } },
    });
    expect((desc!.buckets as Array<{ key: string }>).map((b) => b.key)).toEqual(['fr', 'us', 'de']);
    expect((asc!.buckets as Array<{ key: string; staff: unknown }>).map((b) => [b.key, b.staff])).toEqual([['de', { value: 50 }], ['us', { value: 510 }], ['fr', { value: 5050 }]]);
  });

  it('It should count docs without a value under the missing key', async () => {
    const { seniority } = await aggregate({ seniority: { terms: { field: 'seniority', missing: 'none' } } });
    expect(keysAndCounts(seniority)).toContainEqual(['none', 1]);
  });

  it('It should name regular expression operators it does not implement and refuse an unknown order', async () => {
    const op = await failure(t.client.search({ index: INDEX, body: { size: 0, aggs: { x: { terms: { field: 'country', include: 'f.*&.*r' } } } } }));
    expect(op.statusCode).toBe(400);
    expect(op.body.error.reason).toContain('[&]');
    const order = await failure(t.client.search({ index: INDEX, body: { size: 0, aggs: { x: { terms: { field: 'country', order: { nope: 'asc' } } } } } }));
    expect(order.statusCode).toBe(400);
  });
});

describe('search engine: filter, filters and missing aggregations', () => {
  it('It should bucket the matched docs that also match a filter, with sub-aggregations', async () => {
    const { us } = await aggregate({ us: { filter: { term: { country: 'US' } }, aggs: { staff: { avg: { field: 'employees' } } } } });
    expect(us).toEqual({ doc_count: 2, staff: { value: 255 } });
  });

  it('It should bucket named filters and the docs matching none of them', async () => {
    const { groups, listed } = await aggregate({
      groups: { filters: { filters: { fr: { term: { country: 'fr' } }, big: { range: { employees: { gte: 500 } } } }, other_bucket_key: 'rest' } },
      listed: { filters: { filters: [{ term: { verified: true } }, { term: { verified: false } }] } },
    });
    expect(groups!.buckets).toEqual({ big: { doc_count: 2 }, fr: { doc_count: 2 }, rest: { doc_count: 2 } });
    expect(listed!.buckets).toEqual([{ doc_count: 2 }, { doc_count: 1 }]);
  });

  it('It should count the docs holding no value', async () => {
    const { noScore } = await aggregate({ noScore: { missing: { field: 'score' } } });
    expect(noScore).toEqual({ doc_count: 2 });
  });
});

describe('search engine: range, date_range and date_histogram aggregations', () => {
  it('It should bucket numbers into [from, to) ranges keyed as OpenSearch formats doubles', async () => {
    const { sizes, revenue } = await aggregate({
      sizes: { range: { field: 'employees', ranges: [{ from: 500 }, { to: 50 }, { from: 50, to: 500 }] } },
      revenue: { range: { field: 'revenue', ranges: [{ key: 'large', from: 10_000_000 }] } },
    });
    expect(sizes!.buckets).toEqual([
      { key: '*-50.0', to: 50, doc_count: 1 },
      { key: '50.0-500.0', from: 50, to: 500, doc_count: 2 },
      { key: '500.0-*', from: 500, doc_count: 2 },
    ]);
    expect(revenue!.buckets).toEqual([{ key: 'large', from: 10_000_000, doc_count: 0 }]);
  });

  it('It should bucket dates into ranges given as dates or date math, keyed when asked', async () => {
    const { periods } = await aggregate({ periods: { date_range: { field: 'created_at', keyed: true, ranges: [{ to: '2024-01-01' }, { from: '2024-01-01' }, { key: 'future', from: 'now+1d/d' }] } } });
    expect(periods!.buckets['*-2024-01-01T00:00:00.000Z']).toEqual({ to: Date.UTC(2024, 0, 1), to_as_string: '2024-01-01T00:00:00.000Z', doc_count: 2 });
    expect(periods!.buckets['2024-01-01T00:00:00.000Z-*']).toMatchObject({ from: Date.UTC(2024, 0, 1), doc_count: 3 });
    expect(periods!.buckets.future.doc_count).toBe(0);
  });

  it('It should bucket dates by calendar interval, filling the empty buckets between the first and last', async () => {
    const { years } = await aggregate({ years: { date_histogram: { field: 'created_at', calendar_interval: 'year' } } });
    expect(years!.buckets).toEqual([
      { key_as_string: '2022-01-01T00:00:00.000Z', key: Date.UTC(2022, 0, 1), doc_count: 1 },
      { key_as_string: '2023-01-01T00:00:00.000Z', key: Date.UTC(2023, 0, 1), doc_count: 1 },
      { key_as_string: '2024-01-01T00:00:00.000Z', key: Date.UTC(2024, 0, 1), doc_count: 3 },
    ]);
    const { months } = await aggregate({ months: { date_histogram: { field: 'created_at', calendar_interval: 'month' } } }, { range: { created_at: { gte: '2023-01-01' } } });
    expect(keysAndCounts(months)).toEqual([[Date.UTC(2023, 10, 1), 1], [Date.UTC(2023, 11, 1), 0], [Date.UTC(2024, 0, 1), 2], [Date.UTC(2024, 1, 1), 0], [Date.UTC(2024, 2, 1), 1]]);
  });

  it('It should refuse a range aggregation on a keyword field and a histogram without an interval', async () => {
    expect((await failure(t.client.search({ index: INDEX, body: { size: 0, aggs: { x: { range: { field: 'country', ranges: [{ to: 1 }] } } } } }))).statusCode).toBe(400);
    expect((await failure(t.client.search({ index: INDEX, body: { size: 0, aggs: { x: { date_histogram: { field: 'created_at' } } } } }))).statusCode).toBe(400);
  });
});
