import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, idsOf, startTestEngine } from './helpers.ts';
import type { TestEngine } from './helpers.ts';

let t: TestEngine;

beforeAll(async () => {
  t = await startTestEngine();
  await t.client.indices.create({ index: 'contacts-v1' });
  await t.client.indices.create({ index: 'contacts-v2' });
});

afterAll(async () => t.stop());

describe('search engine: aliases', () => {
  it('It should read and write through an alias pointing to one index', async () => {
    await t.client.indices.putAlias({ index: 'contacts-v1', name: 'contacts' });
    await t.client.index({ index: 'contacts', id: '1', body: { name: 'via alias' }, refresh: true });
    expect((await t.client.get({ index: 'contacts-v1', id: '1' })).body._source).toEqual({ name: 'via alias' });
    const response = await t.client.search({ index: 'contacts', body: { query: { match_all: {} } } });
    expect(idsOf(response)).toEqual(['1']);
    expect((response.body as { hits: { hits: Array<{ _index: string }> } }).hits.hits[0]!._index).toBe('contacts-v1');
    expect((await t.client.count({ index: 'contacts' })).body.count).toBe(1);
    await t.client.bulk({ body: [{ index: { _index: 'contacts', _id: '2' } }, { name: 'bulk via alias' }], refresh: 'true' });
    expect((await t.client.count({ index: 'contacts-v1' })).body.count).toBe(2);
  });

  it('It should list aliases by name and by index', async () => {
    expect((await t.client.indices.getAlias({ name: 'contacts' })).body).toEqual({ 'contacts-v1': { aliases: { contacts: {} } } });
    expect((await t.client.indices.getAlias({ index: 'contacts-v1' })).body).toEqual({ 'contacts-v1': { aliases: { contacts: {} } } });
    expect((await t.client.indices.existsAlias({ name: 'contacts' })).body).toBe(true);
    expect((await failure(t.client.indices.getAlias({ name: 'nope' }))).statusCode).toBe(404);
  });

  it('It should swap an alias atomically with POST /_aliases', async () => {
    await t.client.indices.updateAliases({ body: { actions: [{ remove: { index: 'contacts-v1', alias: 'contacts' } }, { add: { index: 'contacts-v2', alias: 'contacts' } }] } });
    expect((await t.client.indices.getAlias({ name: 'contacts' })).body).toEqual({ 'contacts-v2': { aliases: { contacts: {} } } });
    expect((await t.client.count({ index: 'contacts' })).body.count).toBe(0);
  });

  it('It should apply no action when one action of the batch is invalid', async () => {
    const result = await failure(t.client.indices.updateAliases({ body: { actions: [{ add: { index: 'contacts-v1', alias: 'other' } }, { add: { index: 'missing', alias: 'other' } }] } }));
    expect(result.statusCode).toBe(404);
    expect((await t.client.indices.existsAlias({ name: 'other' })).body).toBe(false);
  });

  it('It should refuse writes through an alias spanning two indices and reads with a 400 naming the limit', async () => {
    await t.client.indices.updateAliases({ body: { actions: [{ add: { indices: ['contacts-v1', 'contacts-v2'], alias: 'both' } }] } });
    const write = await failure(t.client.index({ index: 'both', id: 'x', body: { a: 1 } }));
    expect(write.statusCode).toBe(400);
    expect(write.body.error.reason).toContain('no write index is defined for alias [both]');
    const read = await failure(t.client.search({ index: 'both' }));
    expect(read.statusCode).toBe(400);
    expect(read.body.error.reason).toContain('alias [both]');
  });

  it('It should refuse an index named like an alias and an alias named like an index', async () => {
    expect((await failure(t.client.indices.create({ index: 'contacts' }))).body.error.type).toBe('invalid_index_name_exception');
    expect((await failure(t.client.indices.putAlias({ index: 'contacts-v1', name: 'contacts-v2' }))).statusCode).toBe(400);
  });

  it('It should drop the aliases of a deleted index', async () => {
    await t.client.indices.create({ index: 'temp' });
    await t.client.indices.putAlias({ index: 'temp', name: 'temp-alias' });
    await t.client.indices.delete({ index: 'temp' });
    expect((await t.client.indices.existsAlias({ name: 'temp-alias' })).body).toBe(false);
    expect((await failure(t.client.search({ index: 'temp-alias' }))).statusCode).toBe(404);
  });
});
