import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { Client } from '@opensearch-project/opensearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companyUuid } from '../../../functions/domain/records/ids.ts';
import { eventually, startTestCloud, type TestCloud } from '../helpers/test-cloud.ts';

const COUNTRIES = ['United States', 'Germany', 'France'];
// 30 companies; employee counts repeat so sorting must break ties to page without gaps.
const companies = Array.from({ length: 30 }, (_, i) => ({
  name: `Company ${String(i).padStart(2, '0')}`,
  linkedin_url: `https://linkedin.com/company/c${i}`,
  employees_count: (i % 6) * 100,
  country: COUNTRIES[i % 3],
  industries: i % 2 === 0 ? 'Software, Technology' : 'Retail',
}));

let t: TestCloud;

const countCompanies = async (where: unknown = undefined, key?: string) => {
  const { body } = await t.api('/v1/companies/count', { body: where === undefined ? {} : { where }, key });
  return body.count as number;
};

beforeAll(async () => {
  t = await startTestCloud();
  const { status, body } = await t.api('/v1/companies/batch-upsert', { body: companies });
  expect(status).toBe(200);
  expect(body.created).toBe(30);
  await eventually(async () => (await countCompanies()) === 30, '30 companies to be searchable', 30_000);
});

afterAll(async () => t?.stop());

describe('records: HTTP → DynamoDB → stream → search → VQL', () => {
  it('It should answer health without a key', async () => {
    const { status, body } = await t.api('/v1/health', { key: null });
    expect(status).toBe(200);
    expect(body).toMatchObject({ success: true, status: 'ok' });
  });

  it('It should store the record in DynamoDB and index it in OpenSearch under the workspace', async () => {
    const uuid = companyUuid('Company 00', 'https://linkedin.com/company/c0');
    const { Item } = await t.documents.send(new GetCommand({ TableName: t.cloud.resources.tables.records, Key: { pk: `WS#dev#COMPANY#${uuid}`, sk: 'RECORD' } }));
    expect(Item).toMatchObject({ name: 'Company 00', country: 'united states', industries: ['Software', 'Technology'], version: 1 });
    const search = new Client({ node: t.cloud.endpoints.search });
    const doc = await search.get({ index: 'companies', id: `dev:${uuid}` });
    expect(doc.body._source).toMatchObject({ uuid, workspace_id: 'dev', name: 'Company 00' });
    await search.close();
  });

  it('It should filter with keyword_match and range_query, must and must_not', async () => {
    expect(await countCompanies({ keyword_match: { must: { country: ['united states'] } } })).toBe(10);
    expect(await countCompanies({ keyword_match: { must: { country: 'GERMANY', industries: ['software'] } } })).toBe(5);
    expect(await countCompanies({ range_query: { must: { employees_count: { gte: 200, lt: 400 } } } })).toBe(10);
    expect(await countCompanies({ keyword_match: { must_not: { country: ['france', 'germany'] } }, range_query: { must_not: { employees_count: { gt: 0 } } } })).toBe(5);
  });

  it('It should walk every row in order with the cursor, with no gap or repeat across ties', async () => {
    const seen: { uuid: string; employees_count: number }[] = [];
    let cursor: unknown[] | undefined;
    for (let page = 0; page < 10; page++) {
      const { status, body } = await t.api('/v1/companies/search', {
        body: { order_by: [{ order_by: 'employees_count', order_direction: 'desc' }], limit: 7, select_columns: ['employees_count'], ...(cursor ? { cursor } : {}) },
      });
      expect(status).toBe(200);
      seen.push(...body.data);
      if (!body.next_cursor) break;
      cursor = body.next_cursor;
    }
    expect(seen).toHaveLength(30);
    expect(new Set(seen.map((r) => r.uuid)).size).toBe(30);
    const counts = seen.map((r) => r.employees_count);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
    expect(Object.keys(seen[0] as object).sort()).toEqual(['cursor', 'employees_count', 'uuid']);
  });

  it('It should update, not duplicate, a record sent again', async () => {
    const { body } = await t.api('/v1/companies/batch-upsert', { body: [{ ...companies[0], employees_count: 12345 }] });
    expect(body).toMatchObject({ created: 0, updated: 1 });
    await eventually(async () => (await countCompanies({ range_query: { must: { employees_count: { gte: 12345 } } } })) === 1, 'the update to be searchable', 20_000);
    expect(await countCompanies()).toBe(30);
  });

  it('It should turn CSV-like rows into linked companies and contacts', async () => {
    const { status, body } = await t.api('/v1/records/batch-upsert', {
      body: { data: [{ company: 'Linked Co', company_linkedin_url: 'https://linkedin.com/company/linked', first_name: 'Ada', last_name: 'Lovelace', email: 'ADA@linked.co', departments: 'Engineering, Research', title: 'CTO' }] },
    });
    expect(status).toBe(200);
    const [companyId] = body.company_uuids;
    const found = await eventually(async () => {
      const { body: page } = await t.api('/v1/contacts/search', { body: { where: { keyword_match: { must: { company_id: companyId } } } } });
      return page.data.length === 1 ? page.data[0] : undefined;
    }, 'the contact to be searchable', 20_000);
    expect(found).toMatchObject({ email: 'ada@linked.co', company_name: 'Linked Co', departments: ['Engineering', 'Research'] });
  });

  it('It should write the valid rows of a partly invalid batch and report the others by index', async () => {
    const { status, body } = await t.api('/v1/contacts/batch-upsert', {
      body: [{ first_name: 'Grace', last_name: 'Hopper' }, { first_name: 'Bad', email: 'nope' }, { first_name: 'Alan', last_name: 'Turing', employees: 3 }],
    });
    expect(status).toBe(207);
    expect(body.failed.map((f: { index: number }) => f.index)).toEqual([1, 2]);
    expect(body.failed[0].errors[0].path).toBe('email');
    expect(body.failed[1].errors[0]).toMatchObject({ path: 'employees', message: expect.stringMatching(/Unknown field/) });
    expect(body.contact_uuids[0]).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('records: bad input gets a 4xx with a code and a path, never a 5xx', () => {
  it.each([
    ['malformed JSON', { rawBody: '{"where": ' }, 400, 'ERR_INVALID_JSON', 'body'],
    ['a wrong type', { body: { limit: 'ten' } }, 400, 'ERR_VALIDATION', 'limit'],
    ['an unknown VQL field', { body: { where: { keyword_match: { must: { colour: ['red'] } } } } }, 400, 'ERR_VALIDATION', 'where.keyword_match.must.colour'],
    ['a range on a keyword field', { body: { where: { range_query: { must: { city: { gte: 1 } } } } } }, 400, 'ERR_VALIDATION', 'where.range_query.must.city'],
    ['a limit over the maximum', { body: { limit: 100000 } }, 400, 'ERR_PAGE_SIZE_EXCEEDED', 'limit'],
    ['a prototype key', { rawBody: '{"__proto__": {"admin": true}}' }, 400, 'ERR_VALIDATION', '__proto__'],
  ])('It should refuse %s on search', async (_name, init, status, code, path) => {
    const response = await t.api('/v1/companies/search', init);
    expect(response.status).toBe(status);
    expect(response.body.success).toBe(false);
    expect(response.body.error.code).toBe(code);
    expect(response.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('It should refuse an empty and an oversize batch', async () => {
    expect((await t.api('/v1/companies/batch-upsert', { body: [] })).body.error.code).toBe('ERR_EMPTY_PAYLOAD');
    const big = Array.from({ length: 1001 }, (_, i) => ({ name: `n${i}` }));
    const response = await t.api('/v1/companies/batch-upsert', { body: big });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('ERR_BATCH_TOO_LARGE');
  });

  it('It should answer 401 for a missing, an unknown and a revoked key', async () => {
    expect((await t.api('/v1/companies/count', { body: {}, key: null })).status).toBe(401);
    const unknown = await t.api('/v1/companies/count', { body: {}, key: 'lsk_not-a-real-key' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.code).toBe('ERR_UNAUTHORIZED');
    const { issueApiKey } = await import('../../../functions/domain/auth/issue-api-key.ts');
    const { hashApiKey } = await import('../../../functions/domain/auth/api-key.ts');
    const issued = await issueApiKey(t.apiKeys, 'dev', 'to revoke');
    expect((await t.api('/v1/companies/count', { body: {}, key: issued.key })).status).toBe(200);
    await t.apiKeys.revoke(hashApiKey(issued.key), new Date().toISOString());
    const revoked = await t.api('/v1/companies/count', { body: {}, key: issued.key });
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.code).toBe('ERR_UNAUTHORIZED');
  });
});

describe('records: workspace isolation', () => {
  it('It should show workspace B none of workspace A\'s records', async () => {
    expect(await countCompanies(undefined, t.keys.b)).toBe(0);
    const { body } = await t.api('/v1/companies/search', { body: {}, key: t.keys.b });
    expect(body.data).toEqual([]);
  });

  it('It should keep B\'s write of the same identity, or of A\'s explicit uuid, out of A\'s records', async () => {
    const target = companies[1] as (typeof companies)[number];
    const uuid = companyUuid(target.name, target.linkedin_url);
    const same = await t.api('/v1/companies/batch-upsert', { key: t.keys.b, body: [{ ...target, employees_count: 999_999 }] });
    expect(same.body.created).toBe(1);
    const explicit = await t.api('/v1/companies/batch-upsert', { key: t.keys.b, body: [{ uuid, name: 'Hijacked' }] });
    expect(explicit.body.updated).toBe(1);
    await eventually(async () => (await countCompanies({ keyword_match: { must: { name: 'Hijacked' } } }, t.keys.b)) === 1, "B's write to be searchable", 20_000);
    const { Item } = await t.documents.send(new GetCommand({ TableName: t.cloud.resources.tables.records, Key: { pk: `WS#dev#COMPANY#${uuid}`, sk: 'RECORD' } }));
    expect(Item).toMatchObject({ name: target.name, employees_count: target.employees_count, version: 1 });
    expect(await countCompanies({ keyword_match: { must: { name: 'Hijacked' } } })).toBe(0);
    expect(await countCompanies({ range_query: { must: { employees_count: { gte: 999_999 } } } })).toBe(0);
  });
});

describe('records: browsers on the configured origins', () => {
  const origin = 'http://localhost:5173';

  it('It should answer an allowed origin\'s preflight without a key, and stamp the origin on answers', async () => {
    const preflight = await fetch(`${t.cloud.endpoints.http}/v1/companies/search`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    const { headers } = await fetch(`${t.cloud.endpoints.http}/v1/health`, { headers: { origin } });
    expect(headers.get('access-control-allow-origin')).toBe(origin);
    // A script needs the ETag to send If-Match, and Retry-After to back off a 429.
    expect(headers.get('access-control-expose-headers')?.split(',')).toEqual(expect.arrayContaining(['etag', 'retry-after']));
  });

  it('It should give another origin no CORS headers', async () => {
    const preflight = await fetch(`${t.cloud.endpoints.http}/v1/companies/search`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const { headers } = await fetch(`${t.cloud.endpoints.http}/v1/health`, { headers: { origin: 'https://evil.example' } });
    expect(headers.get('access-control-allow-origin')).toBeNull();
  });
});
