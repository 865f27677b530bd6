import { describe, expect, it } from 'vitest';
import { CONTACTS } from './fixtures.ts';
import { failure, matchingIds, useTestEngine } from './helpers.ts';

const INDEX = 'documents';
const t = useTestEngine({ index: INDEX, docs: CONTACTS });

describe('search engine: documents by id', () => {
  it('It should get several documents with _mget by ids or docs, reporting the missing ones', async () => {
    const byIds = await t.client.mget({ index: INDEX, body: { ids: ['2', '404'] } });
    expect(byIds.body.docs.map((d: { _id: string; found: boolean }) => [d._id, d.found])).toEqual([['2', true], ['404', false]]);
    expect(byIds.body.docs[0]._source.first_name).toBe('Jane');
    const byDocs = await t.client.mget({ body: { docs: [{ _index: INDEX, _id: '1' }] }, _source_includes: 'email' });
    expect(byDocs.body.docs[0]._source).toEqual({ email: 'John.Smith@Acme.com' });
  });

  it('It should match the listed ids with an ids query, alone or inside a bool', async () => {
    expect(await matchingIds(t.client, INDEX, { ids: { values: ['3', '1', 'nope'] } })).toEqual(['1', '3']);
    expect(await matchingIds(t.client, INDEX, { bool: { filter: [{ ids: { values: ['1', '2', '4'] } }], must_not: [{ term: { country: 'us' } }] } })).toEqual(['1', '4']);
  });

  it('It should count what a query matches with _count', async () => {
    const response = await t.client.count({ index: INDEX, body: { query: { bool: { filter: [{ terms: { country: ['fr', 'de'] } }, { range: { employees: { lt: 1000 } } }] } } } });
    expect(response.body.count).toBe(2);
  });

  it('It should delete a document with an external version, refusing an older one and keeping the tombstone version', async () => {
    await t.client.index({ index: INDEX, id: 'ext', body: { first_name: 'Ext' }, version: 5, version_type: 'external', refresh: 'true' });
    const stale = await failure(t.client.delete({ index: INDEX, id: 'ext', version: 4, version_type: 'external' }));
    expect(stale.statusCode).toBe(409);
    expect(stale.body.error.type).toBe('version_conflict_engine_exception');
    const deleted = await t.client.delete({ index: INDEX, id: 'ext', version: 6, version_type: 'external', refresh: 'true' });
    expect(deleted.body).toMatchObject({ result: 'deleted', _version: 6 });
    expect((await failure(t.client.get({ index: INDEX, id: 'ext' }))).statusCode).toBe(404);
    const late = await failure(t.client.index({ index: INDEX, id: 'ext', body: { first_name: 'Late' }, version: 6, version_type: 'external' }));
    expect(late.statusCode).toBe(409);
  });
});
