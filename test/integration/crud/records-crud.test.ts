import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companyUuid, contactUuid } from '../../../functions/domain/records/ids.ts';
import { eventually, startTestCloud, type TestCloud } from '../helpers/test-cloud.ts';

let t: TestCloud;

const jane = { first_name: 'Jane', last_name: 'Smith', title: 'CTO', email: ' Jane@Example.com ', company_name: 'XYZ Inc', city: 'Boston', country: 'USA', linkedin_url: 'https://linkedin.com/in/janesmith' };
const janeUuid = contactUuid('Jane', 'Smith', 'https://linkedin.com/in/janesmith');

const searchContacts = async (key?: string) => {
  const { body } = await t.api('/v1/contacts/search', { body: { limit: 100 }, key });
  return (body.data ?? []) as { uuid: string; title?: string }[];
};

const storedItem = async (workspace: string, entity: string, uuid: string) =>
  (await t.documents.send(new GetCommand({ TableName: t.cloud.resources.tables.records, Key: { pk: `WS#${workspace}#${entity}#${uuid}`, sk: 'RECORD' } }))).Item;

beforeAll(async () => {
  t = await startTestCloud();
});

afterAll(async () => t?.stop());

describe('records CRUD over HTTP', () => {
  it('It should create a contact with 201, its deterministic uuid, normalised fields, an ETag and a Location', async () => {
    // Act
    const response = await fetch(`${t.cloud.endpoints.http}/v1/contacts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.keys.a}`, 'content-type': 'application/json' },
      body: JSON.stringify(jane),
    });
    const body = (await response.json()) as { success: boolean; data: Record<string, unknown> };
    // Assess
    expect(response.status).toBe(201);
    expect(body.data).toMatchObject({ uuid: janeUuid, version: 1, email: 'jane@example.com', city: 'boston', title: 'CTO' });
    expect(response.headers.get('etag')).toBe('"1"');
    expect(response.headers.get('location')).toBe(`/v1/contacts/${janeUuid}`);
    expect(body.data).not.toHaveProperty('workspace_id');
  });

  it('It should refuse to create the same contact again with 409 ERR_CONFLICT', async () => {
    const { status, body } = await t.api('/v1/contacts', { body: { ...jane, title: 'CEO' } });
    expect(status).toBe(409);
    expect(body.error.code).toBe('ERR_CONFLICT');
  });

  it('It should get the contact by uuid, case-insensitively, and find it through search', async () => {
    const { status, body } = await t.api(`/v1/contacts/${janeUuid.toUpperCase()}`);
    expect(status).toBe(200);
    expect(body.data).toMatchObject({ uuid: janeUuid, first_name: 'Jane', version: 1 });
    await eventually(async () => (await searchContacts()).some((c) => c.uuid === janeUuid), 'the new contact to be searchable');
  });

  it('It should patch without If-Match, re-normalising, removing a null field and keeping the uuid', async () => {
    const { status, body } = await t.api(`/v1/contacts/${janeUuid}`, { method: 'PATCH', body: { title: '  VP   Engineering ', country: 'Canada', city: null } });
    expect(status).toBe(200);
    expect(body.data).toMatchObject({ uuid: janeUuid, title: 'VP Engineering', country: 'canada', version: 2 });
    expect(body.data).not.toHaveProperty('city');
    await eventually(async () => (await searchContacts()).find((c) => c.uuid === janeUuid)?.title === 'VP Engineering', 'the patch to reach search');
  });

  it('It should patch with a current If-Match and refuse a stale one with 409, leaving the record as it was', async () => {
    const fresh = await t.api(`/v1/contacts/${janeUuid}`, { method: 'PATCH', body: { seniority: 'C-Level' }, headers: { 'if-match': '"2"' } });
    expect(fresh.status).toBe(200);
    expect(fresh.body.data).toMatchObject({ seniority: 'c-level', version: 3 });
    const stale = await t.api(`/v1/contacts/${janeUuid}`, { method: 'PATCH', body: { seniority: 'intern' }, headers: { 'if-match': '"2"' } });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'ERR_CONFLICT', details: [{ path: 'if-match' }] });
    const staleDelete = await t.api(`/v1/contacts/${janeUuid}`, { method: 'DELETE', headers: { 'if-match': '1' } });
    expect(staleDelete.status).toBe(409);
    expect((await t.api(`/v1/contacts/${janeUuid}`)).body.data).toMatchObject({ seniority: 'c-level', version: 3 });
  });

  it('It should never show, change or delete a record of another workspace', async () => {
    const get = await t.api(`/v1/contacts/${janeUuid}`, { key: t.keys.b });
    const patch = await t.api(`/v1/contacts/${janeUuid}`, { method: 'PATCH', body: { title: 'hacked' }, key: t.keys.b });
    const del = await t.api(`/v1/contacts/${janeUuid}`, { method: 'DELETE', key: t.keys.b });
    for (const answer of [get, patch, del]) {
      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe('ERR_NOT_FOUND');
      expect(JSON.stringify(answer.body)).not.toContain('Jane');
    }
    expect((await t.api(`/v1/contacts/${janeUuid}`)).body.data).toMatchObject({ title: 'VP Engineering', version: 3 });
  });

  it('It should soft-delete: gone from get and search, kept in DynamoDB with deleted_at, a second delete 404', async () => {
    const { status, body } = await t.api(`/v1/contacts/${janeUuid}`, { method: 'DELETE', headers: { 'if-match': '"3"' } });
    expect(status).toBe(200);
    expect(body).toMatchObject({ success: true, uuid: janeUuid, version: 4 });
    expect((await t.api(`/v1/contacts/${janeUuid}`)).status).toBe(404);
    await eventually(async () => !(await searchContacts()).some((c) => c.uuid === janeUuid), 'the deleted contact to leave search');
    expect(await storedItem('dev', 'CONTACT', janeUuid)).toMatchObject({ first_name: 'Jane', deleted_at: body.deleted_at, version: 4 });
    expect((await t.api(`/v1/contacts/${janeUuid}`, { method: 'DELETE' })).status).toBe(404);
    expect((await t.api(`/v1/contacts/${janeUuid}`, { method: 'PATCH', body: { title: 'x' } })).status).toBe(404);
  });

  it('It should create a deleted contact anew, with a higher version, and index it again', async () => {
    const { status, body } = await t.api('/v1/contacts', { body: { first_name: 'Jane', last_name: 'Smith', linkedin_url: jane.linkedin_url } });
    expect(status).toBe(201);
    expect(body.data).toMatchObject({ uuid: janeUuid, version: 5 });
    expect(body.data).not.toHaveProperty('title');
    await eventually(async () => (await searchContacts()).some((c) => c.uuid === janeUuid), 'the re-created contact to be searchable');
  });

  it('It should get, patch and delete companies on their own routes', async () => {
    await t.api('/v1/companies/batch-upsert', { body: [{ name: 'Acme', linkedin_url: 'https://linkedin.com/company/acme' }] });
    const uuid = companyUuid('Acme', 'https://linkedin.com/company/acme');
    const patched = await t.api(`/v1/companies/${uuid}`, { method: 'PATCH', body: { website: 'https://www.Acme.com/', employees_count: '1,200' }, headers: { 'if-match': '"1"' } });
    expect(patched.status).toBe(200);
    expect(patched.body.data).toMatchObject({ website: 'https://www.acme.com', domain: 'acme.com', employees_count: 1200, version: 2 });
    expect((await t.api(`/v1/contacts/${uuid}`)).status).toBe(404);
    expect((await t.api(`/v1/companies/${uuid}`, { method: 'DELETE' })).status).toBe(200);
    expect((await t.api(`/v1/companies/${uuid}`)).status).toBe(404);
  });

  it('It should bring a deleted record back when a batch upsert names it again', async () => {
    await t.api('/v1/companies/batch-upsert', { body: [{ name: 'Revived', linkedin_url: 'https://linkedin.com/company/revived' }] });
    const uuid = companyUuid('Revived', 'https://linkedin.com/company/revived');
    await t.api(`/v1/companies/${uuid}`, { method: 'DELETE' });
    const upsert = await t.api('/v1/companies/batch-upsert', { body: [{ name: 'Revived', linkedin_url: 'https://linkedin.com/company/revived', city: 'Paris' }] });
    expect(upsert.status).toBe(200);
    expect((await t.api(`/v1/companies/${uuid}`)).body.data).toMatchObject({ name: 'Revived', city: 'paris', version: 3 });
  });
});

describe('records CRUD: bad input', () => {
  const someUuid = '6f1c9a52-3b0e-5d4f-9a7e-2c8b1d0e4f31';
  it.each([
    { what: 'a malformed uuid in get', path: '/v1/contacts/not-a-uuid', method: 'GET', status: 400, code: 'ERR_VALIDATION', field: 'uuid' },
    { what: 'a path-traversal uuid in delete', path: '/v1/companies/..%2F..%2Fetc', method: 'DELETE', status: 400, code: 'ERR_VALIDATION', field: 'uuid' },
    { what: 'a malformed uuid in patch', path: '/v1/contacts/123', method: 'PATCH', body: { title: 'x' }, status: 400, code: 'ERR_VALIDATION', field: 'uuid' },
    { what: 'an unknown uuid', path: `/v1/contacts/${someUuid}`, method: 'GET', status: 404, code: 'ERR_NOT_FOUND', field: 'uuid' },
    { what: 'an unknown field on create', path: '/v1/contacts', method: 'POST', body: { first_name: 'A', nickname: 'x' }, status: 400, code: 'ERR_VALIDATION', field: 'nickname' },
    { what: 'a create with no identity', path: '/v1/contacts', method: 'POST', body: { title: 'CEO' }, status: 400, code: 'ERR_VALIDATION', field: 'first_name' },
    { what: 'a bad email on create', path: '/v1/contacts', method: 'POST', body: { first_name: 'A', email: 'nope' }, status: 400, code: 'ERR_VALIDATION', field: 'email' },
    { what: 'a __proto__ key on create', path: '/v1/contacts', method: 'POST', rawBody: '{"first_name":"A","__proto__":{"admin":true}}', status: 400, code: 'ERR_VALIDATION', field: '__proto__' },
    { what: 'an empty body on create', path: '/v1/contacts', method: 'POST', rawBody: '', status: 400, code: 'ERR_EMPTY_PAYLOAD', field: 'body' },
    { what: 'a list as a patch', path: `/v1/contacts/${someUuid}`, method: 'PATCH', body: [{ title: 'x' }], status: 400, code: 'ERR_VALIDATION', field: 'body' },
    { what: 'a system field in a patch', path: `/v1/contacts/${someUuid}`, method: 'PATCH', body: { version: 99 }, status: 400, code: 'ERR_VALIDATION', field: 'version' },
    { what: 'a malformed If-Match', path: `/v1/contacts/${someUuid}`, method: 'DELETE', headers: { 'if-match': 'yesterday' }, status: 400, code: 'ERR_VALIDATION', field: 'if-match' },
    { what: 'a 10,000-character value', path: '/v1/contacts', method: 'POST', body: { first_name: 'x'.repeat(10_000) }, status: 400, code: 'ERR_VALIDATION', field: 'first_name' },
  ])('It should answer $what with $status $code naming $field', async ({ path, method, body, rawBody, headers, status, code, field }) => {
    const answer = await t.api(path, { method, body, rawBody, headers });
    expect(answer.status).toBe(status);
    expect(answer.body.error.code).toBe(code);
    expect(answer.body.error.details.map((d: { path: string }) => d.path)).toContain(field);
  });

  it('It should refuse every CRUD route without a key', async () => {
    for (const [method, path] of [['GET', `/v1/contacts/${someUuid}`], ['POST', '/v1/contacts'], ['PATCH', `/v1/companies/${someUuid}`], ['DELETE', `/v1/companies/${someUuid}`]] as const) {
      const answer = await t.api(path, { method, key: null, ...(method === 'POST' || method === 'PATCH' ? { body: { first_name: 'x' } } : {}) });
      expect(answer.status, `${method} ${path}`).toBe(401);
    }
  });
});
