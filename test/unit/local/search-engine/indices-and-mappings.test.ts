import { describe, expect, it } from 'vitest';
import { CONTACT_MAPPINGS, LOWERCASE_SETTINGS, failure, useTestEngine } from './helpers.ts';

const t = useTestEngine();

describe('search engine: cluster endpoints', () => {
  it('It should describe itself as OpenSearch 2.x and report a green cluster', async () => {
    const info = await t.client.info();
    expect(info.body.version.distribution).toBe('opensearch');
    expect(info.body.version.number).toMatch(/^2\.\d+\.\d+$/);
    const health = await t.client.cluster.health();
    expect(health.body.status).toBe('green');
  });
});

describe('search engine: index lifecycle', () => {
  it('It should create, detect, describe and delete an index', async () => {
    const created = await t.client.indices.create({ index: 'lifecycle', body: { settings: LOWERCASE_SETTINGS, mappings: CONTACT_MAPPINGS } });
    expect(created.body).toEqual({ acknowledged: true, shards_acknowledged: true, index: 'lifecycle' });
    expect((await t.client.indices.exists({ index: 'lifecycle' })).body).toBe(true);
    const mapping = await t.client.indices.getMapping({ index: 'lifecycle' });
    expect(mapping.body.lifecycle.mappings.dynamic).toBe('strict');
    expect(mapping.body.lifecycle.mappings.properties.first_name).toEqual(CONTACT_MAPPINGS.properties.first_name);
    const settings = await t.client.indices.getSettings({ index: 'lifecycle' });
    expect(settings.body.lifecycle.settings.index.number_of_shards).toBe('1');
    expect((await t.client.indices.delete({ index: 'lifecycle' })).body).toEqual({ acknowledged: true });
    expect((await t.client.indices.exists({ index: 'lifecycle' })).body).toBe(false);
  });

  it('It should answer 400 for an existing index and an invalid name', async () => {
    await t.client.indices.create({ index: 'twice' });
    const again = await failure(t.client.indices.create({ index: 'twice' }));
    expect(again.statusCode).toBe(400);
    expect(again.body.error.type).toBe('resource_already_exists_exception');
    const upper = await failure(t.client.indices.create({ index: 'Contacts' }));
    expect(upper.body.error.type).toBe('invalid_index_name_exception');
    expect((await failure(t.client.indices.create({ index: '../escape' }))).statusCode).toBe(400);
  });

  it('It should answer 404 index_not_found_exception for a missing index on every API', async () => {
    const calls = [
      t.client.search({ index: 'missing' }),
      t.client.count({ index: 'missing' }),
      t.client.get({ index: 'missing', id: '1' }),
      t.client.indices.delete({ index: 'missing' }),
      t.client.indices.getMapping({ index: 'missing' }),
      t.client.indices.refresh({ index: 'missing' }),
      t.client.deleteByQuery({ index: 'missing', body: { query: { match_all: {} } } }),
    ];
    for (const call of calls) {
      const result = await failure(call);
      expect(result.statusCode).toBe(404);
      expect(result.body.error.type).toBe('index_not_found_exception');
      expect(result.body.error.reason).toBe('no such index [missing]');
    }
  });

  it('It should create a missing index on first write, mapping new fields dynamically', async () => {
    await t.client.index({ index: 'dynamic', id: '1', body: { name: 'Ada Lovelace', age: 36, ratio: 0.5, born: '1815-12-10', active: true, address: { city: 'London' } }, refresh: true });
    const { properties } = (await t.client.indices.getMapping({ index: 'dynamic' })).body.dynamic.mappings;
    expect(properties).toEqual({
      name: { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 256 } } },
      age: { type: 'long' },
      ratio: { type: 'float' },
      born: { type: 'date' },
      active: { type: 'boolean' },
      address: { properties: { city: { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 256 } } } } },
    });
    const found = await t.client.search({ index: 'dynamic', body: { query: { bool: { filter: [{ term: { 'name.keyword': 'Ada Lovelace' } }, { match: { 'address.city': 'london' } }] } } } });
    expect((found.body as { hits: { hits: unknown[] } }).hits.hits).toHaveLength(1);
  });

  it('It should reject unknown fields of a strict mapping on single-document writes too', async () => {
    await t.client.indices.create({ index: 'strict', body: { mappings: { dynamic: 'strict', properties: { a: { type: 'keyword' }, obj: { properties: { b: { type: 'keyword' } } } } } } });
    const top = await failure(t.client.index({ index: 'strict', id: '1', body: { a: 'x', extra: 1 } }));
    expect(top.statusCode).toBe(400);
    expect(top.body.error.type).toBe('strict_dynamic_mapping_exception');
    const nested = await failure(t.client.index({ index: 'strict', id: '1', body: { obj: { c: 1 } } }));
    expect(nested.body.error.reason).toBe('mapping set to strict, dynamic introduction of [c] within [obj] is not allowed');
    expect((await failure(t.client.get({ index: 'strict', id: '1' }))).statusCode).toBe(404);
  });

  it('It should keep values longer than ignore_above in _source without indexing them', async () => {
    await t.client.indices.create({ index: 'ignore-above', body: { mappings: { properties: { code: { type: 'keyword', ignore_above: 5 } } } } });
    await t.client.index({ index: 'ignore-above', id: '1', body: { code: 'toolong' }, refresh: true });
    expect((await t.client.count({ index: 'ignore-above', body: { query: { term: { code: 'toolong' } } } })).body.count).toBe(0);
    expect((await t.client.get({ index: 'ignore-above', id: '1' })).body._source).toEqual({ code: 'toolong' });
  });

  it('It should index every value of an array, whatever the field type', async () => {
    await t.client.indices.create({ index: 'arrays', body: { mappings: { properties: { n: { type: 'integer' }, d: { type: 'date' }, b: { type: 'boolean' }, k: { type: 'keyword' } } } } });
    await t.client.index({ index: 'arrays', id: '1', body: { n: [5, 100], d: ['2020-01-01', '2024-06-01'], b: [true, false], k: ['x', 'y'] }, refresh: true });
    const hit = async (query: unknown): Promise<number> => (await t.client.count({ index: 'arrays', body: { query } })).body.count as number;
    expect(await hit({ term: { n: 5 } })).toBe(1);
    expect(await hit({ range: { n: { gte: 50, lte: 200 } } })).toBe(1);
    expect(await hit({ range: { n: { gt: 5, lt: 100 } } })).toBe(0);
    expect(await hit({ range: { d: { gte: '2024-01-01' } } })).toBe(1);
    expect(await hit({ term: { b: false } })).toBe(1);
    expect(await hit({ term: { k: 'y' } })).toBe(1);
  });

  it('It should store float fields at float precision, so ranges and terms given as doubles match like OpenSearch', async () => {
    await t.client.indices.create({ index: 'floats', body: { mappings: { properties: { f: { type: 'float' }, d: { type: 'double' }, l: { type: 'long' } } } } });
    await t.client.index({ index: 'floats', id: '1', body: { f: 0.1, d: 0.1, l: '42' }, refresh: true });
    const hit = async (query: unknown): Promise<number> => (await t.client.count({ index: 'floats', body: { query } })).body.count as number;
    expect(await hit({ term: { f: 0.1 } })).toBe(1);
    expect(await hit({ range: { f: { lte: 0.1 } } })).toBe(1);
    expect(await hit({ range: { f: { gt: 0.1 } } })).toBe(0);
    expect(await hit({ range: { d: { gte: 0.1, lte: 0.1 } } })).toBe(1);
    expect(await hit({ term: { l: 42 } })).toBe(1);
  });

  it('It should reject a value of the wrong type with mapper_parsing_exception', async () => {
    await t.client.indices.create({ index: 'typed', body: { mappings: { properties: { n: { type: 'integer' }, d: { type: 'date' }, b: { type: 'boolean' } } } } });
    for (const body of [{ n: 'abc' }, { n: 3_000_000_000 }, { d: 'yesterday' }, { b: 'yes' }, { n: { nested: 1 } }]) {
      const result = await failure(t.client.index({ index: 'typed', body }));
      expect(result.statusCode).toBe(400);
      expect(result.body.error.type).toBe('mapper_parsing_exception');
    }
  });

  it('It should add fields with PUT _mapping and refuse changing a field type', async () => {
    await t.client.indices.create({ index: 'evolving', body: { mappings: { dynamic: 'strict', properties: { a: { type: 'keyword' } } } } });
    await t.client.indices.putMapping({ index: 'evolving', body: { properties: { b: { type: 'integer' } } } });
    await t.client.index({ index: 'evolving', id: '1', body: { a: 'x', b: 2 }, refresh: true });
    expect((await t.client.count({ index: 'evolving', body: { query: { term: { b: 2 } } } })).body.count).toBe(1);
    const change = await failure(t.client.indices.putMapping({ index: 'evolving', body: { properties: { a: { type: 'text' } } } }));
    expect(change.statusCode).toBe(400);
    expect(change.body.error.reason).toContain('cannot be changed from type [keyword] to [text]');
  });
});
