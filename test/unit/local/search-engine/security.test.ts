import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, startSearchEngine } from '../../../../lib/local/search-engine/index.ts';
import { failure, hitsOf, useTestEngine } from './helpers.ts';

const t = useTestEngine();

/** A raw request, so headers the client would never send can be tested. */
function raw(path: string, headers: Record<string, string | number>, body = ''): Promise<{ status: number; body: string }> {
  const url = new URL(t.engine.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('search engine: network exposure', () => {
  it('It should listen on 127.0.0.1 only and refuse a non-loopback host', async () => {
    expect(new URL(t.engine.url).hostname).toBe('127.0.0.1');
    await expect(startSearchEngine({ host: '0.0.0.0', port: 0 })).rejects.toThrow(/loopback/);
  });

  it('It should answer 413 to a body over the size limit without reading it', async () => {
    const response = await raw('/big/_doc/1', { 'content-type': 'application/json', 'content-length': MAX_BODY_BYTES + 1 });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body).error.type).toBe('content_too_long_exception');
  });

  it('It should refuse requests naming a foreign Host or Origin (DNS rebinding, cross-site posts)', async () => {
    expect((await raw('/x/_doc/1', { host: 'evil.example:80', 'content-type': 'application/json' }, '{}')).status).toBe(403);
    expect((await raw('/x/_doc/1', { origin: 'https://evil.example', 'content-type': 'application/json' }, '{}')).status).toBe(403);
    expect((await t.client.indices.exists({ index: 'x' })).body).toBe(false);
  });

  it('It should answer 400 to a body that is not JSON', async () => {
    const response = await raw('/x/_search', { 'content-type': 'application/json' }, '{"query":');
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).error.type).toBe('parse_exception');
  });
});

const HOSTILE_DOC = '{"name":"x","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}';

/** Each hostile-document test writes the document to its own index, so any one can run alone. */
const storeHostile = (index: string) => raw(`/${index}/_doc/1?refresh=true`, { 'content-type': 'application/json' }, HOSTILE_DOC);

describe('search engine: hostile documents', () => {
  it('It should store a __proto__ key as data without polluting any prototype', async () => {
    const response = await storeHostile('hostile');
    expect(response.status).toBe(201);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const stored = await raw('/hostile/_search', { 'content-type': 'application/json' }, '{"query":{"term":{"__proto__.polluted":"yes"}}}');
    const hits = JSON.parse(stored.body).hits.hits;
    expect(hits).toHaveLength(1);
    expect(Object.keys(hits[0]._source)).toEqual(['name', '__proto__', 'constructor']);
  });

  it('It should keep __proto__ as data through partial updates and source filtering', async () => {
    expect((await storeHostile('hostile-updated')).status).toBe(201);
    await raw('/hostile-updated/_update/1?refresh=true', { 'content-type': 'application/json' }, '{"doc":{"__proto__":{"injected":1}}}');
    expect(({} as Record<string, unknown>).injected).toBeUndefined();
    const filtered = await raw('/hostile-updated/_search', { 'content-type': 'application/json' }, '{"_source":["__proto__"]}');
    expect(JSON.parse(filtered.body).hits.hits[0]._source).toEqual(JSON.parse('{"__proto__":{"polluted":"yes","injected":1}}'));
  });

  it('It should reject a __proto__ field on a strict mapping like any unknown field', async () => {
    await t.client.indices.create({ index: 'strict-hostile', body: { mappings: { dynamic: 'strict', properties: { name: { type: 'keyword' } } } } });
    const response = await raw('/strict-hostile/_doc/1', { 'content-type': 'application/json' }, '{"name":"x","__proto__":{"a":1}}');
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).error.type).toBe('strict_dynamic_mapping_exception');
  });

  it('It should treat query and aggregation names like toString or __proto__ as ordinary names', async () => {
    expect((await storeHostile('hostile-named')).status).toBe(201);
    expect((await failure(t.client.search({ index: 'hostile-named', body: { query: { toString: {} } } }))).statusCode).toBe(400);
    expect((await failure(t.client.search({ index: 'hostile-named', body: { query: { constructor: {} } } }))).statusCode).toBe(400);
    const aggs = await raw('/hostile-named/_search', { 'content-type': 'application/json' }, '{"size":0,"aggs":{"__proto__":{"value_count":{"field":"name.keyword"}}}}');
    expect(JSON.parse(aggs.body).aggregations).toEqual(JSON.parse('{"__proto__":{"value":1}}'));
  });

  it('It should refuse documents nested deeper than the JSON limit, even in unmapped subtrees', async () => {
    const deepArray = `{"a":${'['.repeat(5_000)}1${']'.repeat(5_000)}}`;
    const deepObject = `{"skip":${'{"x":'.repeat(5_000)}1${'}'.repeat(5_000)}}`;
    await t.client.indices.create({ index: 'deep', body: { mappings: { dynamic: false, properties: { a: { type: 'keyword' } } } } });
    for (const body of [deepArray, deepObject]) {
      const response = await raw('/deep/_doc/1', { 'content-type': 'application/json' }, body);
      expect(response.status).toBe(400);
      expect(JSON.parse(response.body).error.type).toBe('mapper_parsing_exception');
    }
    expect((await raw('/deep/_doc/2?refresh=true', { 'content-type': 'application/json' }, '{"a":[["x"]],"skip":{"y":{"z":1}}}')).status).toBe(201);
    expect((await t.client.count({ index: 'deep', body: { query: { term: { a: 'x' } } } })).body.count).toBe(1);
  });

  it('It should refuse a metadata field inside a document', async () => {
    expect((await storeHostile('hostile-metadata')).status).toBe(201);
    const result = await failure(t.client.index({ index: 'hostile-metadata', id: '2', body: { _id: 'other', name: 'y' } }));
    expect(result.statusCode).toBe(400);
    expect(result.body.error.reason).toContain('Field [_id] is a metadata field');
    expect(hitsOf(await t.client.search({ index: 'hostile-metadata', body: { query: { ids: { values: ['2', 'other'] } } } }))).toEqual([]);
  });
});
