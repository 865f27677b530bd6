import { beforeAll, describe, expect, it } from 'vitest';
import { CONTACTS } from './fixtures.ts';
import { hitsOf, useTestEngine } from './helpers.ts';

const INDEX = 'source-totals';
const t = useTestEngine({ index: INDEX, docs: CONTACTS });

const firstSource = async (source: unknown): Promise<Record<string, unknown> | undefined> => {
  const hits = hitsOf(await t.client.search({ index: INDEX, body: { query: { ids: { values: ['1'] } }, _source: source } }));
  return hits[0]!._source;
};

interface Total {
  value: number;
  relation: string;
}
const totalOf = (response: { body: unknown }): Total | number | undefined => (response.body as { hits: { total?: Total | number } }).hits.total;

describe('search engine: _source filtering', () => {
  it('It should return the whole source by default and none with _source false', async () => {
    expect(await firstSource(undefined)).toEqual(CONTACTS[0]);
    expect(await firstSource(true)).toEqual(CONTACTS[0]);
    expect(await firstSource(false)).toBeUndefined();
  });

  it('It should keep only the listed fields, wildcards included', async () => {
    expect(await firstSource(['first_name', 'country'])).toEqual({ first_name: 'John', country: 'FR' });
    expect(await firstSource('email')).toEqual({ email: 'John.Smith@Acme.com' });
    expect(await firstSource(['*_name'])).toEqual({ first_name: 'John', last_name: 'Smith' });
  });

  it('It should apply includes and excludes together', async () => {
    const source = await firstSource({ includes: ['*name', 'email', 'country'], excludes: ['last_*', 'email'] });
    expect(source).toEqual({ first_name: 'John', country: 'FR' });
    const withoutArrays = await firstSource({ excludes: ['departments', 'created_at', 'verified', 'score', 'revenue', 'employees', 'title', 'seniority'] });
    expect(Object.keys(withoutArrays!).sort()).toEqual(['country', 'email', 'first_name', 'last_name']);
  });

  it('It should filter nested objects by dotted path', async () => {
    await t.client.index({ index: 'nested-source', id: 'n', body: { company: { name: 'Acme', address: { city: 'Paris', zip: '75001' } }, tag: 'x' }, refresh: true });
    const hits = hitsOf(await t.client.search({ index: 'nested-source', body: { _source: ['company.address.city', 'tag'] } }));
    expect(hits[0]!._source).toEqual({ company: { address: { city: 'Paris' } }, tag: 'x' });
    const excluded = hitsOf(await t.client.search({ index: 'nested-source', body: { _source: { excludes: ['company.address'] } } }));
    expect(excluded[0]!._source).toEqual({ company: { name: 'Acme' }, tag: 'x' });
  });

  it('It should take search options from URL parameters on a bodiless GET', async () => {
    const response = await fetch(`${t.engine.url}/${INDEX}/_search?size=2&from=1&sort=employees:desc&_source=country&track_total_hits=true`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { hits: { total: unknown; hits: Array<{ _id: string; _source: unknown; sort: unknown[] }> } };
    expect(body.hits.total).toEqual({ value: 5, relation: 'eq' });
    expect(body.hits.hits.map((h) => [h._id, h._source, h.sort])).toEqual([
      ['2', { country: 'us' }, [500]],
      ['1', { country: 'FR' }, [50]],
    ]);
  });

  it('It should honour the _source_includes URL parameter', async () => {
    const response = await t.client.search({ index: INDEX, _source_includes: ['email'], body: { query: { ids: { values: ['2'] } } } });
    expect(hitsOf(response)[0]!._source).toEqual({ email: 'jane@globex.com' });
  });
});

describe('search engine: track_total_hits', () => {
  const MANY = 'many-docs';

  beforeAll(async () => {
    const body = Array.from({ length: 10_050 }, (_, i) => [{ index: { _index: MANY, _id: String(i) } }, { n: i }]).flat();
    await t.client.bulk({ body, refresh: 'true' });
  });

  it('It should count exactly up to 10,000 by default and report gte beyond', async () => {
    expect(totalOf(await t.client.search({ index: MANY, body: { size: 1 } }))).toEqual({ value: 10_000, relation: 'gte' });
    expect(totalOf(await t.client.search({ index: MANY, body: { size: 1, query: { range: { n: { lt: 9_000 } } } } }))).toEqual({ value: 9_000, relation: 'eq' });
  });

  it('It should count exactly with true, omit the total with false, and cap it at an integer', async () => {
    expect(totalOf(await t.client.search({ index: MANY, body: { size: 1, track_total_hits: true } }))).toEqual({ value: 10_050, relation: 'eq' });
    expect(totalOf(await t.client.search({ index: MANY, body: { size: 1, track_total_hits: false } }))).toBeUndefined();
    expect(totalOf(await t.client.search({ index: MANY, body: { size: 1, track_total_hits: 100 } }))).toEqual({ value: 100, relation: 'gte' });
    expect(totalOf(await t.client.search({ index: INDEX, body: { size: 1, track_total_hits: 100 } }))).toEqual({ value: 5, relation: 'eq' });
  });

  it('It should report the total as a number with rest_total_hits_as_int', async () => {
    expect(totalOf(await t.client.search({ index: MANY, rest_total_hits_as_int: true, body: { size: 0 } }))).toBe(10_050);
  });

  it('It should count matches with _count, with or without a query', async () => {
    expect((await t.client.count({ index: MANY })).body.count).toBe(10_050);
    expect((await t.client.count({ index: INDEX, body: { query: { term: { country: 'FR' } } } })).body.count).toBe(2);
  });
});
