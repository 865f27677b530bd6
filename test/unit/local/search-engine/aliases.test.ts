import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, idsOf, startTestEngine } from './helpers.ts';
import type { TestEngine } from './helpers.ts';

let t: TestEngine;

beforeAll(async () => {
  t = await startTestEngine();
});

afterAll(async () => t.stop());

/** Each test works on its own `<name>-v1`/`<name>-v2` indices, so any one of them can run alone. */
const twoVersions = async (name: string): Promise<{ v1: string; v2: string }> => {
  const v1 = `${name}-v1`;
  const v2 = `${name}-v2`;
  await t.client.indices.create({ index: v1 });
  await t.client.indices.create({ index: v2 });
  return { v1, v2 };
};

describe('search engine: aliases', () => {
  it('It should read and write through an alias pointing to one index', async () => {
    const { v1 } = await twoVersions('rw');
    await t.client.indices.putAlias({ index: v1, name: 'rw' });
    await t.client.index({ index: 'rw', id: '1', body: { name: 'via alias' }, refresh: true });
    expect((await t.client.get({ index: v1, id: '1' })).body._source).toEqual({ name: 'via alias' });
    const response = await t.client.search({ index: 'rw', body: { query: { match_all: {} } } });
    expect(idsOf(response)).toEqual(['1']);
    expect((response.body as { hits: { hits: Array<{ _index: string }> } }).hits.hits[0]!._index).toBe(v1);
    expect((await t.client.count({ index: 'rw' })).body.count).toBe(1);
    await t.client.bulk({ body: [{ index: { _index: 'rw', _id: '2' } }, { name: 'bulk via alias' }], refresh: 'true' });
    expect((await t.client.count({ index: v1 })).body.count).toBe(2);
  });

  it('It should list aliases by name and by index', async () => {
    const { v1 } = await twoVersions('listed');
    await t.client.indices.putAlias({ index: v1, name: 'listed' });
    expect((await t.client.indices.getAlias({ name: 'listed' })).body).toEqual({ [v1]: { aliases: { listed: {} } } });
    expect((await t.client.indices.getAlias({ index: v1 })).body).toEqual({ [v1]: { aliases: { listed: {} } } });
    expect((await t.client.indices.existsAlias({ name: 'listed' })).body).toBe(true);
    expect((await failure(t.client.indices.getAlias({ name: 'nope' }))).statusCode).toBe(404);
  });

  it('It should swap an alias atomically with POST /_aliases', async () => {
    const { v1, v2 } = await twoVersions('swapped');
    await t.client.indices.putAlias({ index: v1, name: 'swapped' });
    await t.client.index({ index: v1, id: '1', body: { name: 'old' }, refresh: true });
    await t.client.indices.updateAliases({ body: { actions: [{ remove: { index: v1, alias: 'swapped' } }, { add: { index: v2, alias: 'swapped' } }] } });
    expect((await t.client.indices.getAlias({ name: 'swapped' })).body).toEqual({ [v2]: { aliases: { swapped: {} } } });
    expect((await t.client.count({ index: 'swapped' })).body.count).toBe(0);
  });

  it('It should apply no action when one action of the batch is invalid', async () => {
    const { v1 } = await twoVersions('atomic');
    const result = await failure(t.client.indices.updateAliases({ body: { actions: [{ add: { index: v1, alias: 'other' } }, { add: { index: 'missing', alias: 'other' } }] } }));
    expect(result.statusCode).toBe(404);
    expect((await t.client.indices.existsAlias({ name: 'other' })).body).toBe(false);
  });

  it('It should refuse writes through an alias spanning two indices and reads with a 400 naming the limit', async () => {
    const { v1, v2 } = await twoVersions('spanning');
    await t.client.indices.updateAliases({ body: { actions: [{ add: { indices: [v1, v2], alias: 'both' } }] } });
    const write = await failure(t.client.index({ index: 'both', id: 'x', body: { a: 1 } }));
    expect(write.statusCode).toBe(400);
    expect(write.body.error.reason).toContain('no write index is defined for alias [both]');
    const read = await failure(t.client.search({ index: 'both' }));
    expect(read.statusCode).toBe(400);
    expect(read.body.error.reason).toContain('alias [both]');
  });

  it('It should refuse an index named like an alias and an alias named like an index', async () => {
    const { v1, v2 } = await twoVersions('clash');
    await t.client.indices.putAlias({ index: v1, name: 'clash' });
    expect((await failure(t.client.indices.create({ index: 'clash' }))).body.error.type).toBe('invalid_index_name_exception');
    expect((await failure(t.client.indices.putAlias({ index: v1, name: v2 }))).statusCode).toBe(400);
  });

  it('It should drop the aliases of a deleted index', async () => {
    await t.client.indices.create({ index: 'temp' });
    await t.client.indices.putAlias({ index: 'temp', name: 'temp-alias' });
    await t.client.indices.delete({ index: 'temp' });
    expect((await t.client.indices.existsAlias({ name: 'temp-alias' })).body).toBe(false);
    expect((await failure(t.client.search({ index: 'temp-alias' }))).statusCode).toBe(404);
  });
});
