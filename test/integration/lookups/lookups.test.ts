import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordKey } from '../../../functions/adapters/dynamodb/records.dynamodb.ts';
import { DEV_ADMIN_EMAIL, DEV_WORKSPACE_ID } from '../../../lib/local/dev-workspace.ts';
import { outbox } from '../accounts/helpers.ts';
import { startTestCloud, type TestCloud } from '../helpers/test-cloud.ts';
import { STUB_KEYS, startRocketReachStub, type RocketReachStub } from './rocketreach-stub.ts';

let t: TestCloud;
let stub: RocketReachStub;

beforeAll(async () => {
  stub = await startRocketReachStub();
  t = await startTestCloud({ providerUrls: { rocketreach: stub.url }, allowHosts: [stub.hostPort] });
}, 240_000);

afterAll(async () => {
  await t?.stop();
  await stub?.close();
});

const person = (name: string, key?: string) => t.api(`/v1/lookups/person?name=${encodeURIComponent(name)}`, key ? { key } : {});

describe('RocketReach lookups through the local cloud', () => {
  it('It should refuse a lookup before a key is set, and a wrong key at rotation, with ERR_PROVIDER_AUTH and nothing stored', async () => {
    const before = await person('Jane Doe');
    const wrong = await t.api('/v1/lookups/account/key', { body: { api_key: 'rr-wrong-key-9999' } });

    expect([before.status, before.body.error.code]).toEqual([422, 'ERR_PROVIDER_AUTH']);
    expect([wrong.status, wrong.body.error.code]).toEqual([422, 'ERR_PROVIDER_AUTH']);
    expect(stub.hits.get('/api/v2/person/lookup') ?? 0).toBe(0);
  });

  it('It should accept a good key, answer the account, and never echo the key', async () => {
    const rotated = await t.api('/v1/lookups/account/key', { body: { api_key: STUB_KEYS.good } });
    const account = await t.api('/v1/lookups/account');

    expect(rotated.status).toBe(200);
    expect(rotated.body.key).toMatchObject({ provider: 'rocketreach', hint: STUB_KEYS.good.slice(-4) });
    expect(JSON.stringify(rotated.body)).not.toContain(STUB_KEYS.good);
    expect(account.status).toBe(200);
    expect(account.body.account).toMatchObject({ plan: 'Pro', credits_remaining: 100 });
  });

  it('It should look a person up, store a contact with provenance, and answer the repeat from the cache without a second credit', async () => {
    const first = await person('Jane Doe');
    const again = await person('  jane   DOE ');

    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'complete', cached: false, credits: 1, person: { first_name: 'Jane', emails: [{ email: 'jane@acme.com', type: 'professional', grade: 'A', confidence: 0.95 }] } });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ cached: true, credits: 0, lookup_id: first.body.lookup_id });
    expect(stub.hits.get('/api/v2/person/lookup')).toBe(1);
    expect(stub.credits).toBe(99);

    const uuid = first.body.stored.contact_uuid as string;
    const { Item } = await t.documents.send(new GetCommand({ TableName: t.cloud.resources.tables.records, Key: recordKey(DEV_WORKSPACE_ID, 'contact', uuid) }));
    expect(Item).toMatchObject({ first_name: 'Jane', last_name: 'Doe', email: 'jane@acme.com', mobile_phone: '+1 512 555 0100' });
    expect(Item!.provenance.email).toMatchObject({ source: 'rocketreach', url: 'rocketreach:person/1001' });
    expect(Date.parse(Item!.provenance.email.fetched_at)).not.toBeNaN();
    expect(JSON.parse(Item!.extra.emails)).toEqual([{ email: 'jane@acme.com', type: 'professional', grade: 'A' }]);

    const usage = await t.api('/v1/lookups/usage');
    expect(usage.body.usage.credits).toMatchObject({ total: 1, by_operation: { person_lookup: 1 } });
    expect(usage.body.usage.top_employers).toEqual([{ value: 'Acme Rockets', count: 1 }]);
  });

  it('It should poll a searching lookup with back-off until the provider completes it', async () => {
    const answer = await person('Slow Sam');

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'complete', lookup_id: '1002' });
    expect(stub.hits.get('/api/v2/person/checkStatus')).toBe(2);
  });

  it('It should answer the status of its own lookup, and 404 to another workspace', async () => {
    const own = await t.api('/v1/lookups/1002/status');
    const other = await t.api('/v1/lookups/1002/status', { key: t.keys.b });

    expect([own.status, own.body.status]).toEqual([200, 'complete']);
    expect([other.status, other.body.error.code]).toEqual([404, 'ERR_NOT_FOUND']);
  });

  it('It should wait out 429 + Retry-After and then answer, with no 429 surfacing', async () => {
    stub.rateLimitNext = 2;
    const before = stub.hits.get('/api/v2/person/lookup') ?? 0;

    const answer = await person('Busy Bee');

    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe('complete');
    expect((stub.hits.get('/api/v2/person/lookup') ?? 0) - before).toBe(3);
  });

  it('It should have mailed the admin once, when the balance first fell below the threshold (100), not on each later lookup', async () => {
    const mails = (await outbox(t, DEV_ADMIN_EMAIL)).filter((mail) => mail.subject.includes('rocketreach credits are low'));

    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain('(99 left)');
  });

  it('It should answer ERR_PROVIDER_CREDITS when the provider account is out of credits', async () => {
    stub.credits = 0;

    const answer = await t.api('/v1/lookups/person?first_name=Jane&last_name=Doe&current_employer=Acme');

    expect(answer.status).toBe(402);
    expect(answer.body.error.code).toBe('ERR_PROVIDER_CREDITS');
  });

  it('It should name the field of bad input: no identifier, a bad LinkedIn URL or email, an oversize search page', async () => {
    const none = await t.api('/v1/lookups/person?location=Austin');
    const linkedin = await t.api('/v1/lookups/person?linkedin_url=https%3A%2F%2Fexample.com%2Fjane');
    const email = await t.api('/v1/lookups/person?email=not-an-email');
    const size = await t.api('/v1/lookups/person/search', { body: { name: 'Jane', size: 26 } });

    for (const [answer, path] of [[none, 'name'], [linkedin, 'linkedin_url'], [email, 'email'], [size, 'size']] as const) {
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('ERR_VALIDATION');
      expect(answer.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
  });
});
