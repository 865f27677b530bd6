import { describe, expect, it } from 'vitest';
import { CONTACTS } from './fixtures.ts';
import { failure, useTestEngine } from './helpers.ts';

const INDEX = 'unsupported';
const t = useTestEngine({ index: INDEX, docs: CONTACTS });

/** Sends a search body and returns the 400's reason, failing if the engine answered anything else. */
async function rejection(body: unknown, params: Record<string, unknown> = {}): Promise<string> {
  const { statusCode, body: error } = await failure(t.client.search({ index: INDEX, body, ...params }));
  expect(statusCode).toBe(400);
  expect(error.status).toBe(400);
  expect(error.error.root_cause.length).toBeGreaterThan(0);
  return error.error.reason;
}

describe('search engine: unsupported features fail loudly', () => {
  it('It should name an unsupported query type', async () => {
    for (const type of ['fuzzy', 'wildcard', 'regexp', 'query_string', 'multi_match', 'nested', 'function_score', 'script', 'more_like_this']) {
      expect(await rejection({ query: { [type]: { title: 'x' } } })).toContain(`query [${type}]`);
    }
  });

  it('It should name an unsupported query parameter instead of ignoring it', async () => {
    expect(await rejection({ query: { match: { title: { query: 'sofware', fuzziness: 'AUTO' } } } })).toContain('[fuzziness]');
    expect(await rejection({ query: { match_phrase: { title: { query: 'software engineer', slop: 2 } } } })).toContain('slop');
    expect(await rejection({ query: { terms: { country: { index: 'other', id: '1', path: 'countries' } } } })).toContain('terms lookup');
  });

  it('It should name unsupported search options', async () => {
    for (const option of ['highlight', 'suggest', 'collapse', 'rescore', 'script_fields', 'docvalue_fields', 'min_score', 'pit']) {
      expect(await rejection({ [option]: {} })).toContain(`[${option}]`);
    }
  });

  it('It should name unsupported aggregations and scripts', async () => {
    expect(await rejection({ aggs: { h: { histogram: { field: 'employees', interval: 10 } } } })).toContain('aggregation [histogram]');
    expect(await rejection({ aggs: { s: { sum: { script: { source: 'doc.x.value' } } } } })).toContain('scripts');
    expect(await rejection({ aggs: { t: { terms: { field: 'country', include: { partition: 0, num_partitions: 2 } } } } })).toContain('partitions');
    expect(await rejection({ aggs: { t: { terms: { field: 'country', order: { 'staff>x': 'desc' } }, aggs: { staff: { sum: { field: 'employees' } } } } } })).toContain('order by path [staff>x]');
  });

  it('It should name unsupported sort options', async () => {
    expect(await rejection({ sort: [{ _script: { type: 'number', script: 'x' } }] })).toContain('sort [_script]');
    expect(await rejection({ sort: [{ employees: { order: 'asc', mode: 'avg' } }] })).toContain('sort mode [avg]');
    expect(await rejection({ sort: [{ employees: { order: 'asc', missing: 0 } }] })).toContain('sort missing value [0]');
  });

  it('It should name unsupported URL parameters: q, scroll and filter_path', async () => {
    expect(await rejection(undefined, { q: 'title:engineer' })).toContain('[q]');
    expect(await rejection(undefined, { scroll: '1m' })).toContain('scroll');
    expect(await rejection(undefined, { filter_path: 'hits.hits._id' })).toContain('[filter_path]');
  });

  it('It should name unsupported mapping types, parameters and analyzers at index creation', async () => {
    const reason = async (body: unknown): Promise<string> => {
      const { statusCode, body: error } = await failure(t.client.indices.create({ index: `bad-${Math.random().toString(36).slice(2)}`, body }));
      expect(statusCode).toBe(400);
      return error.error.reason;
    };
    expect(await reason({ mappings: { properties: { loc: { type: 'geo_point' } } } })).toContain('field type [geo_point]');
    expect(await reason({ mappings: { properties: { items: { type: 'nested' } } } })).toContain('field type [nested]');
    expect(await reason({ mappings: { properties: { a: { type: 'keyword', copy_to: 'b' } } } })).toContain('[copy_to]');
    expect(await reason({ settings: { analysis: { analyzer: { folded: { type: 'custom', tokenizer: 'standard', filter: ['lowercase', 'asciifolding'] } } } } })).toContain('analyzer [folded]');
    expect(await reason({ settings: { analysis: { normalizer: { folded: { type: 'custom', filter: ['asciifolding'] } } } } })).toContain('normalizer [folded]');
  });

  it('It should name scripted updates and ingest pipelines', async () => {
    const update = await failure(t.client.update({ index: INDEX, id: '1', body: { script: { source: 'ctx._source.n++' } } }));
    expect(update.statusCode).toBe(400);
    expect(update.body.error.reason).toContain('scripts');
    const pipeline = await failure(t.client.index({ index: INDEX, id: '9', pipeline: 'enrich', body: { country: 'fr' } }));
    expect(pipeline.statusCode).toBe(400);
    expect(pipeline.body.error.reason).toContain('pipeline');
  });

  it('It should name a search over several indices', async () => {
    const { statusCode, body } = await failure(t.client.search({ index: `${INDEX},other` }));
    expect(statusCode).toBe(400);
    expect(body.error.reason).toContain('several indices');
  });

  it('It should name an unknown endpoint', async () => {
    const response = await fetch(`${t.engine.url}/_cat/indices`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { reason: string } };
    expect(body.error.reason).toContain('/_cat/indices');
  });
});
