import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoWorkspaceLimits } from '../../../functions/adapters/dynamodb/rate-limits.dynamodb.ts';
import { DynamoUserStore } from '../../../functions/adapters/dynamodb/users.dynamodb.ts';
import { createUser } from '../../../functions/domain/accounts/users.ts';
import { DEFAULT_MAX_API_KEYS_PER_USER } from '../../../functions/platform/config.ts';
import { startTestCloud, type TestCloud } from '../helpers/test-cloud.ts';
import { devAdmin, login, newUser, outbox, signIn } from '../accounts/helpers.ts';

/** Security regressions of the accounts area: each case failed before its fix. */
let t: TestCloud;
let admin: { access: string; refresh: string };

beforeAll(async () => {
  t = await startTestCloud();
  const creds = await devAdmin(t);
  admin = await signIn(t, creds.email, creds.password);
});
afterAll(async () => {
  await t?.stop();
});

const patchUser = (id: string, body: Record<string, unknown>) => t.api(`/v1/users/${id}`, { key: admin.access, method: 'PATCH', body });
const makeKey = async (token: string, body: Record<string, unknown> = { name: 'k' }) => {
  const made = await t.api('/v1/api-keys', { key: token, body });
  if (made.status !== 201) throw new Error(`create key answered ${made.status}: ${JSON.stringify(made.body)}`);
  return { key: made.body.key as string, id: made.body.api_key.id as string };
};

describe('security: deactivation ends every credential for good', () => {
  it('It should keep access tokens, refresh tokens and API keys from before a deactivation dead after reactivation', async () => {
    const user = await newUser(t, admin.access);
    const key = await makeKey(user.access);
    const credentials = [
      { name: 'access token', call: () => t.api('/v1/auth/profile', { key: user.access }) },
      { name: 'refresh token', call: () => t.api('/v1/auth/refresh', { key: null, body: { refresh_token: user.refresh } }) },
      { name: 'API key', call: () => t.api('/v1/companies/count', { key: key.key, body: {} }) },
    ];

    const off = await patchUser(user.id, { is_active: false });
    const on = await patchUser(user.id, { is_active: true });
    const after = [];
    for (const credential of credentials) after.push({ name: credential.name, status: (await credential.call()).status });
    const keys = await t.api('/v1/api-keys', { key: admin.access });
    const fresh = await signIn(t, user.email, user.password);
    const freshProfile = await t.api('/v1/auth/profile', { key: fresh.access });

    expect(off.status).toBe(200);
    expect(on.status).toBe(200);
    expect(after).toEqual(credentials.map((c) => ({ name: c.name, status: 401 })));
    expect(keys.body.api_keys.find((k: { id: string }) => k.id === key.id)?.revoked_at).toEqual(expect.any(String));
    expect(freshProfile.status).toBe(200);
  });
});

describe('security: concurrent PATCH /v1/users/{id} keeps every change', () => {
  it('It should apply a rename and a download-limit change sent together, in every round', async () => {
    const user = await newUser(t, admin.access);
    const lost: string[] = [];

    for (let round = 0; round < 10; round += 1) {
      const [rename, limit] = await Promise.all([patchUser(user.id, { name: `Round ${round}` }), patchUser(user.id, { download_limit: 100 + round })]);
      const listed = (await t.api('/v1/users', { key: admin.access })).body.users.find((u: { id: string }) => u.id === user.id);
      if (rename.status !== 200 || limit.status !== 200) lost.push(`round ${round}: ${rename.status}/${limit.status}`);
      else if (listed.name !== `Round ${round}` || listed.download_limit !== 100 + round) lost.push(`round ${round}: ${listed.name}, ${listed.download_limit}`);
    }

    expect(lost).toEqual([]);
  });
});

describe("security: a key manages only what its own role may", () => {
  const CASES = [
    { name: 'a user-role key of an admin', role: 'user' as const, seesAdminKey: false },
    { name: 'an admin-role key of an admin', role: 'admin' as const, seesAdminKey: true },
  ];

  for (const c of CASES) {
    it(`It should let ${c.name} ${c.seesAdminKey ? '' : 'neither '}list ${c.seesAdminKey ? 'and' : 'nor'} revoke its creator's admin keys`, async () => {
      const adminKey = await makeKey(admin.access, { name: 'the admin key', role: 'admin' });
      const actor = await makeKey(admin.access, { name: c.name, role: c.role });

      const listed = await t.api('/v1/api-keys', { key: actor.key });
      const revoke = await t.api(`/v1/api-keys/${adminKey.id}`, { key: actor.key, method: 'DELETE' });
      const adminKeyWorks = await t.api('/v1/companies/count', { key: adminKey.key, body: {} });

      expect(listed.status).toBe(200);
      expect(listed.body.api_keys.some((k: { id: string }) => k.id === adminKey.id)).toBe(c.seesAdminKey);
      expect(listed.body.api_keys.filter((k: { role: string }) => k.role === 'admin').length > 0).toBe(c.seesAdminKey);
      expect(revoke.status).toBe(c.seesAdminKey ? 200 : 404);
      expect(adminKeyWorks.status).toBe(c.seesAdminKey ? 401 : 200);
    });
  }
});

describe("security: a user's keys share the user's API limit, and keys are capped", () => {
  it('It should count the JWT and every key of one user against one hourly limit', async () => {
    const workspaceId = 'workspace-shared-limit';
    const password = 'Shared-limit-passw0rd';
    const email = `shared-${Date.now()}@example.com`;
    await new DynamoWorkspaceLimits(t.documents, t.cloud.resources.tables.control).setApiRequestsPerHour(workspaceId, 6);
    await createUser({ users: new DynamoUserStore(t.documents, t.cloud.resources.tables.control) }, workspaceId, { email, name: 'Limited One', role: 'user', password });
    const user = await signIn(t, email, password);

    const first = await makeKey(user.access, { name: 'one' });
    const second = await makeKey(user.access, { name: 'two' });
    const used = [];
    for (const key of [first.key, first.key, second.key, second.key]) used.push((await t.api('/v1/companies/count', { key, body: {} })).status);
    const overByKey = await t.api('/v1/companies/count', { key: first.key, body: {} });
    const overByThirdKey = await t.api('/v1/companies/count', { key: second.key, body: {} });
    const overByJwt = await t.api('/v1/auth/profile', { key: user.access });

    expect(used).toEqual([200, 200, 200, 200]);
    expect(overByKey.status).toBe(429);
    expect(overByThirdKey.status).toBe(429);
    expect(overByJwt.status).toBe(429);
  });

  it(`It should refuse a user's key beyond ${DEFAULT_MAX_API_KEYS_PER_USER} live keys, and take one again after a revocation`, async () => {
    const user = await newUser(t, admin.access);
    const made = [];
    for (let i = 0; i < DEFAULT_MAX_API_KEYS_PER_USER; i += 1) made.push(await makeKey(user.access, { name: `key ${i}` }));

    const over = await t.api('/v1/api-keys', { key: user.access, body: { name: 'one too many' } });
    const overByKey = await t.api('/v1/api-keys', { key: made[0]!.key, body: { name: 'one too many, by key' } });
    await t.api(`/v1/api-keys/${made[1]!.id}`, { key: user.access, method: 'DELETE' });
    const afterRevoke = await t.api('/v1/api-keys', { key: user.access, body: { name: 'replacement' } });

    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe('ERR_TOO_MANY_API_KEYS');
    expect(over.body.error.details[0].path).toBe('api_keys');
    expect(overByKey.status).toBe(409);
    expect(afterRevoke.status).toBe(201);
  });
});

describe('security: POST /v1/users is no oracle of emails in other workspaces', () => {
  const shapeOf = (value: unknown): unknown =>
    value !== null && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shapeOf(v)]).sort()) : typeof value;

  const CASES = [
    { name: 'an invitation (no password)', password: undefined },
    { name: 'a user with a password', password: 'Taken-elsewhere-1' },
  ];

  for (const c of CASES) {
    it(`It should answer ${c.name} for an email of another workspace exactly as for a new one, and create nothing`, async () => {
      const other = await newUser(t, admin.access);
      const body = (email: string) => ({ email, name: 'Probe', ...(c.password ? { password: c.password } : {}) });
      const newEmail = `fresh-${c.password ? 'pw' : 'inv'}-${Date.now()}@example.com`;

      const fresh = await t.api('/v1/users', { key: t.keys.b, body: body(newEmail) });
      const taken = await t.api('/v1/users', { key: t.keys.b, body: body(other.email.toUpperCase()) });
      const sameWorkspace = await t.api('/v1/users', { key: admin.access, body: body(other.email) });
      const listedInB = (await t.api('/v1/users', { key: t.keys.b })).body.users.map((u: { email: string }) => u.email.toLowerCase());
      const stillSignsIn = await login(t, other.email, other.password);
      const mails = await outbox(t, other.email);

      expect(fresh.status).toBe(201);
      expect(taken.status).toBe(fresh.status);
      expect(shapeOf(taken.body)).toEqual(shapeOf(fresh.body));
      expect(taken.body.invitation_sent).toBe(fresh.body.invitation_sent);
      expect(taken.body.user).toMatchObject({ email: other.email.toUpperCase(), name: 'Probe', is_active: true });
      expect(sameWorkspace.status).toBe(409);
      expect(listedInB).toContain(newEmail);
      expect(listedInB).not.toContain(other.email.toLowerCase());
      expect(stillSignsIn.status).toBe(200);
      expect(mails.map((m) => m.subject)).toContainEqual(expect.stringMatching(/another workspace/i));
    });
  }
});
