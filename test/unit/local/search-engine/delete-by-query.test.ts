import { describe, expect, it } from 'vitest';
import { CONTACTS } from './fixtures.ts';
import { failure, seedContacts, useTestEngine } from './helpers.ts';

const t = useTestEngine();

describe('search engine: _delete_by_query', () => {
  it('It should delete every doc the query matches and report how many', async () => {
    await seedContacts(t.client, 'dbq', CONTACTS);
    const response = await t.client.deleteByQuery({ index: 'dbq', refresh: true, body: { query: { terms: { country: ['fr', 'de'] } } } });
    expect(response.body).toMatchObject({ total: 3, deleted: 3, version_conflicts: 0, failures: [] });
    expect((await t.client.count({ index: 'dbq' })).body.count).toBe(2);
    expect((await failure(t.client.get({ index: 'dbq', id: '1' }))).statusCode).toBe(404);
  });

  it('It should only see what the last refresh made searchable', async () => {
    await seedContacts(t.client, 'dbq-refresh', CONTACTS.slice(0, 2));
    await t.client.index({ index: 'dbq-refresh', id: 'late', body: { country: 'fr' } });
    const response = await t.client.deleteByQuery({ index: 'dbq-refresh', body: { query: { term: { country: 'fr' } } } });
    expect(response.body.deleted).toBe(1);
    expect((await t.client.get({ index: 'dbq-refresh', id: 'late' })).body.found).toBe(true);
  });

  it('It should abort on a doc changed since the refresh, unless conflicts=proceed', async () => {
    await t.client.indices.create({ index: 'dbq-conflict', body: { settings: { refresh_interval: '-1' } } });
    await t.client.bulk({ refresh: 'true', body: [{ index: { _index: 'dbq-conflict', _id: 'a' } }, { tag: 'x' }, { index: { _index: 'dbq-conflict', _id: 'b' } }, { tag: 'x' }] });
    await t.client.index({ index: 'dbq-conflict', id: 'a', body: { tag: 'x', changed: true } });
    const aborted = await failure(t.client.deleteByQuery({ index: 'dbq-conflict', body: { query: { term: { tag: 'x' } } } }));
    expect(aborted.statusCode).toBe(409);
    const proceeded = await t.client.deleteByQuery({ index: 'dbq-conflict', conflicts: 'proceed', refresh: true, body: { query: { term: { tag: 'x' } } } });
    expect(proceeded.body).toMatchObject({ deleted: 1, version_conflicts: 1 });
    expect((await t.client.get({ index: 'dbq-conflict', id: 'a' })).body._source).toEqual({ tag: 'x', changed: true });
  });
});
