import { describe, expect, it } from 'vitest';
import { LOWERCASE_SETTINGS, failure, useTestEngine } from './helpers.ts';

const t = useTestEngine();
let n = 0;

interface Item {
  status: number;
  result?: string;
  _version?: number;
  _seq_no?: number;
  error?: { type: string; reason: string };
}

/** A new strict index per test, so versions never leak between tests. */
async function freshIndex(): Promise<string> {
  const index = `versions-${++n}`;
  await t.client.indices.create({ index, body: { settings: LOWERCASE_SETTINGS, mappings: { dynamic: 'strict', properties: { name: { type: 'keyword' }, n: { type: 'integer' } } } } });
  return index;
}

async function bulk(lines: unknown[], refresh?: 'true' | 'false' | 'wait_for'): Promise<{ errors: boolean; items: Item[] }> {
  const response = await t.client.bulk({ body: lines, ...(refresh === undefined ? {} : { refresh }) });
  const body = response.body as { errors: boolean; items: Array<Record<string, Item>> };
  return { errors: body.errors, items: body.items.map((item) => Object.values(item)[0]!) };
}

describe('search engine: _bulk', () => {
  it('It should apply index, create and delete actions with one result per item', async () => {
    const index = await freshIndex();
    const result = await bulk([
      { index: { _index: index, _id: 'a' } }, { name: 'A' },
      { create: { _index: index, _id: 'b' } }, { name: 'B' },
      { index: { _index: index, _id: 'a' } }, { name: 'A2' },
      { delete: { _index: index, _id: 'b' } },
      { delete: { _index: index, _id: 'missing' } },
    ], 'true');
    expect(result.errors).toBe(false);
    expect(result.items.map((i) => [i.status, i.result, i._version])).toEqual([
      [201, 'created', 1], [201, 'created', 1], [200, 'updated', 2], [200, 'deleted', 2], [404, 'not_found', 1],
    ]);
    expect(result.items.map((i) => i._seq_no)).toEqual([0, 1, 2, 3, 4]);
    expect((await t.client.count({ index })).body.count).toBe(1);
  });

  it('It should report a failing item with its error and still apply the others', async () => {
    const index = await freshIndex();
    const result = await bulk([
      { index: { _index: index, _id: '1' } }, { name: 'ok' },
      { index: { _index: index, _id: '2' } }, { name: 'x', unknown_field: 1 },
      { create: { _index: index, _id: '1' } }, { name: 'dup' },
      { index: { _index: index, _id: '3' } }, { n: 'not a number' },
      { index: { _index: index, _id: '4' } }, { name: 'ok too' },
    ], 'true');
    expect(result.errors).toBe(true);
    expect(result.items.map((i) => i.status)).toEqual([201, 400, 409, 400, 201]);
    expect(result.items[1]!.error!.type).toBe('strict_dynamic_mapping_exception');
    expect(result.items[1]!.error!.reason).toBe('mapping set to strict, dynamic introduction of [unknown_field] within [_doc] is not allowed');
    expect(result.items[2]!.error!.type).toBe('version_conflict_engine_exception');
    expect(result.items[3]!.error!.type).toBe('mapper_parsing_exception');
    expect((await t.client.count({ index })).body.count).toBe(2);
  });

  it('It should take the index from the URL when action lines omit it', async () => {
    const index = await freshIndex();
    await t.client.bulk({ index, body: [{ index: { _id: 'x' } }, { name: 'X' }], refresh: 'true' });
    expect((await t.client.get({ index, id: 'x' })).body._source).toEqual({ name: 'X' });
  });

  it('It should answer 400 for a malformed bulk body', async () => {
    const unknownAction = await failure(t.client.bulk({ body: [{ upsert: { _index: 'x', _id: '1' } }, { a: 1 }] }));
    expect(unknownAction.statusCode).toBe(400);
    expect(unknownAction.body.error.reason).toContain('expected one of [create, delete, index, update] but found [upsert]');
    const missingIndex = await bulk([{ index: { _id: '1' } }, { a: 1 }]);
    expect(missingIndex.items[0]!.status).toBe(400);
  });
});

describe('search engine: external versioning', () => {
  it('It should keep the highest external version and reject older or equal ones with 409', async () => {
    const index = await freshIndex();
    const write = (version: number, name: string) => bulk([{ index: { _index: index, _id: 'doc', version, version_type: 'external' } }, { name }], 'true');
    expect((await write(5, 'v5')).items[0]).toMatchObject({ status: 201, _version: 5 });
    const older = (await write(3, 'v3')).items[0]!;
    expect(older.status).toBe(409);
    expect(older.error).toMatchObject({ type: 'version_conflict_engine_exception', reason: '[doc]: version conflict, current version [5] is higher or equal to the one provided [3]' });
    expect((await write(5, 'v5 again')).items[0]!.status).toBe(409);
    expect((await write(7, 'v7')).items[0]).toMatchObject({ status: 200, result: 'updated', _version: 7 });
    expect((await t.client.get({ index, id: 'doc' })).body).toMatchObject({ _version: 7, _source: { name: 'v7' } });
  });

  it('It should remember the version of an external delete so a late older index is still rejected', async () => {
    const index = await freshIndex();
    await bulk([{ index: { _index: index, _id: 'doc', version: 2, version_type: 'external' } }, { name: 'v2' }]);
    const deleted = await bulk([{ delete: { _index: index, _id: 'doc', version: 4, version_type: 'external' } }]);
    expect(deleted.items[0]).toMatchObject({ status: 200, result: 'deleted', _version: 4 });
    const late = await bulk([{ index: { _index: index, _id: 'doc', version: 3, version_type: 'external' } }, { name: 'late v3' }], 'true');
    expect(late.items[0]!.status).toBe(409);
    expect((await t.client.count({ index })).body.count).toBe(0);
    const newer = await bulk([{ index: { _index: index, _id: 'doc', version: 6, version_type: 'external' } }, { name: 'v6' }], 'true');
    expect(newer.items[0]).toMatchObject({ status: 201, result: 'created', _version: 6 });
  });

  it('It should record an external delete of an unknown id as a not_found tombstone', async () => {
    const index = await freshIndex();
    const deleted = await bulk([{ delete: { _index: index, _id: 'ghost', version: 9, version_type: 'external' } }]);
    expect(deleted.errors).toBe(false);
    expect(deleted.items[0]).toMatchObject({ status: 404, result: 'not_found', _version: 9 });
    expect((await bulk([{ index: { _index: index, _id: 'ghost', version: 8, version_type: 'external' } }, { name: 'old' }])).items[0]!.status).toBe(409);
  });

  it('It should reject an older external delete with 409', async () => {
    const index = await freshIndex();
    await bulk([{ index: { _index: index, _id: 'doc', version: 10, version_type: 'external' } }, { name: 'v10' }]);
    const stale = await bulk([{ delete: { _index: index, _id: 'doc', version: 9, version_type: 'external' } }], 'true');
    expect(stale.items[0]!.status).toBe(409);
    expect((await t.client.count({ index })).body.count).toBe(1);
  });

  it('It should accept an equal version with external_gte and refuse a version with internal versioning', async () => {
    const index = await freshIndex();
    await bulk([{ index: { _index: index, _id: 'doc', version: 3, version_type: 'external' } }, { name: 'v3' }]);
    expect((await bulk([{ index: { _index: index, _id: 'doc', version: 3, version_type: 'external_gte' } }, { name: 'v3b' }])).items[0]!.status).toBe(200);
    const internal = await bulk([{ index: { _index: index, _id: 'doc', version: 4 } }, { name: 'x' }]);
    expect(internal.items[0]!.status).toBe(400);
    expect(internal.items[0]!.error!.reason).toContain('internal versioning can not be used for optimistic concurrency control');
  });
});

describe('search engine: single-document API', () => {
  it('It should index, get, update and delete a document by id with internal versions', async () => {
    const index = await freshIndex();
    expect((await t.client.index({ index, id: '1', body: { name: 'one', n: 1 } })).body).toMatchObject({ result: 'created', _version: 1 });
    expect((await t.client.get({ index, id: '1' })).body).toMatchObject({ found: true, _version: 1, _source: { name: 'one', n: 1 } });
    expect((await t.client.update({ index, id: '1', body: { doc: { n: 2 } } })).body).toMatchObject({ result: 'updated', _version: 2 });
    expect((await t.client.update({ index, id: '1', body: { doc: { n: 2 } } })).body).toMatchObject({ result: 'noop', _version: 2 });
    expect((await t.client.get({ index, id: '1' })).body._source).toEqual({ name: 'one', n: 2 });
    expect((await t.client.delete({ index, id: '1' })).body).toMatchObject({ result: 'deleted', _version: 3 });
    expect((await failure(t.client.get({ index, id: '1' }))).statusCode).toBe(404);
    expect((await t.client.index({ index, id: '1', body: { name: 'again' } })).body._version).toBe(4);
  });

  it('It should generate an id for POST /_doc and refuse _create on an existing id', async () => {
    const index = await freshIndex();
    const created = await t.client.index({ index, body: { name: 'auto' } });
    expect(created.body._id).toMatch(/^[\w-]{20}$/);
    await t.client.create({ index, id: 'fixed', body: { name: 'first' } });
    const conflict = await failure(t.client.create({ index, id: 'fixed', body: { name: 'second' } }));
    expect(conflict.statusCode).toBe(409);
    expect(conflict.body.error.reason).toContain('document already exists');
  });

  it('It should enforce if_seq_no and if_primary_term', async () => {
    const index = await freshIndex();
    const first = await t.client.index({ index, id: 'x', body: { name: 'a' } });
    const seqNo = first.body._seq_no as number;
    await t.client.index({ index, id: 'x', body: { name: 'b' }, if_seq_no: seqNo, if_primary_term: 1 });
    const stale = await failure(t.client.index({ index, id: 'x', body: { name: 'c' }, if_seq_no: seqNo, if_primary_term: 1 }));
    expect(stale.statusCode).toBe(409);
  });

  it('It should upsert with doc_as_upsert and answer 404 when updating a missing doc without it', async () => {
    const index = await freshIndex();
    expect((await failure(t.client.update({ index, id: 'nope', body: { doc: { name: 'x' } } }))).statusCode).toBe(404);
    expect((await t.client.update({ index, id: 'nope', body: { doc: { name: 'x' }, doc_as_upsert: true } })).body.result).toBe('created');
  });
});
