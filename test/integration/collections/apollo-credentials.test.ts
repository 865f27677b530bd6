import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devAdmin, newUser, signIn } from '../accounts/helpers.ts';
import { startTestCloud, type TestCloud } from '../helpers/test-cloud.ts';

const SESSION_PATH = '/v1/collections/apollo/session';
const KEY_PATH = '/v1/collections/apollo/api-key';
const COOKIE_VALUE = 'pasted-5ecret-cookie-c0ffee';
const API_KEY = 'apollo-5ecret-key-d00d';
const EXPIRES = Math.floor(Date.now() / 1000) + 7 * 24 * 3600;

/** A cookie-editor export for whichever host the app is configured on (the real app's, or the local fake's 127.0.0.1). */
const exportFor = (value: string) =>
  ['.apollo.io', '127.0.0.1'].map((domain) => ({ domain, name: 'remember_token', value, path: '/', httpOnly: true, secure: true, expirationDate: EXPIRES, hostOnly: false, sameSite: 'lax', storeId: '0' }));

let t: TestCloud;
let userToken: string;

beforeAll(async () => {
  t = await startTestCloud();
  const admin = await devAdmin(t);
  const { access } = await signIn(t, admin.email, admin.password);
  userToken = (await newUser(t, access, { role: 'user' })).access;
});

afterAll(async () => {
  await t?.stop();
});

const workspaceAItems = async () =>
  (await t.documents.send(new QueryCommand({ TableName: t.cloud.resources.tables.control, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)', ExpressionAttributeValues: { ':pk': 'WS#dev', ':sk': 'APOLLO_CREDENTIALS#' } }))).Items ?? [];

describe('Apollo credential routes', () => {
  it('It should say nothing is set before anything was pasted', async () => {
    const answer = await t.api(SESSION_PATH);

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ success: true, session: { set: false }, api_key: { set: false }, source: null });
  });

  it('It should store a pasted session sealed, and answer when and until when, never the cookie', async () => {
    const put = await t.api(SESSION_PATH, { method: 'PUT', body: exportFor(COOKIE_VALUE), key: userToken });
    const get = await t.api(SESSION_PATH);

    expect(put.status).toBe(200);
    expect(get.body).toMatchObject({ success: true, session: { set: true, cookie_count: 1, earliest_expiry: new Date(EXPIRES * 1000).toISOString() }, source: 'browser_session' });
    expect(Date.parse(get.body.session.stored_at)).toBeGreaterThan(Date.now() - 60_000);
    expect(JSON.stringify([put.body, get.body])).not.toContain(COOKIE_VALUE);
    const items = await workspaceAItems();
    expect(items.map((item) => item.sk)).toEqual(['APOLLO_CREDENTIALS#session']);
    expect(JSON.stringify(items)).not.toContain(COOKIE_VALUE);
  });

  it('It should refuse what is not a session, naming the field and echoing no value', async () => {
    const badDomain = exportFor(COOKIE_VALUE).map((cookie, i) => (i === 1 ? { ...cookie, domain: 'not a host' } : cookie));
    const cases = [
      { body: { hello: 'world' }, path: 'session.cookies' },
      { body: badDomain, path: 'session.cookies[1].domain' },
      { body: [{ domain: '.example.com', name: 'x', value: COOKIE_VALUE, path: '/' }], path: 'session.cookies' },
    ];
    for (const { body, path } of cases) {
      const answer = await t.api(SESSION_PATH, { method: 'PUT', body });

      expect(answer.status, JSON.stringify(answer.body)).toBe(400);
      expect(answer.body.error.code).toBe('ERR_VALIDATION');
      expect(answer.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
      expect(JSON.stringify(answer.body)).not.toContain(COOKIE_VALUE);
    }
  });

  it('It should take the API key from an admin only, write-only, and prefer it', async () => {
    const asUser = await t.api(KEY_PATH, { method: 'PUT', body: { api_key: API_KEY }, key: userToken });
    const bad = await t.api(KEY_PATH, { method: 'PUT', body: { api_key: 'has spaces in it' } });
    const asAdmin = await t.api(KEY_PATH, { method: 'PUT', body: { api_key: API_KEY } });

    expect([asUser.status, asUser.body.error.code]).toEqual([403, 'ERR_FORBIDDEN']);
    expect([bad.status, bad.body.error.details[0].path]).toEqual([400, 'api_key']);
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.body).toMatchObject({ api_key: { set: true }, session: { set: true }, source: 'api' });
    expect(JSON.stringify(asAdmin.body)).not.toContain(API_KEY);
    expect(JSON.stringify(await workspaceAItems())).not.toContain(API_KEY);
  });

  it("It should keep another workspace's view its own", async () => {
    const fromB = await t.api(SESSION_PATH, { key: t.keys.b });

    expect(fromB.body).toEqual({ success: true, session: { set: false }, api_key: { set: false }, source: null });
  });

  it('It should forget the session, idempotently, and keep the key', async () => {
    const first = await t.api(SESSION_PATH, { method: 'DELETE' });
    const second = await t.api(SESSION_PATH, { method: 'DELETE' });

    expect(first.body).toMatchObject({ deleted: true, session: { set: false }, api_key: { set: true }, source: 'api' });
    expect(second.body).toMatchObject({ deleted: false });
  });
});
