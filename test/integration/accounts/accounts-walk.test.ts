import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoWorkspaceLimits } from '../../../functions/adapters/dynamodb/rate-limits.dynamodb.ts';
import { issueApiKey } from '../../../functions/domain/auth/issue-api-key.ts';
import { startTestCloud, type TestCloud } from '../helpers/test-cloud.ts';
import { callFrom, devAdmin, freshIp, login, newUser, outbox, signIn, tokenIn } from './helpers.ts';

let cloud: TestCloud;
let admin: { access: string; refresh: string };

beforeAll(async () => {
  cloud = await startTestCloud();
  const creds = await devAdmin(cloud);
  admin = await signIn(cloud, creds.email, creds.password);
});
afterAll(async () => {
  await cloud?.stop();
});

describe('accounts: the done-when walk, with fetch only', () => {
  it('It should let an admin create a user who signs in and calls the records API with the JWT', async () => {
    const user = await newUser(cloud, admin.access);

    const profile = await cloud.api('/v1/auth/profile', { key: user.access });
    const upsert = await cloud.api('/v1/companies/batch-upsert', { key: user.access, body: [{ name: 'Jwt Co', linkedin_url: 'https://linkedin.com/company/jwt-co' }] });

    expect(profile.status).toBe(200);
    expect(profile.body.user).toMatchObject({ email: user.email, role: 'user', is_active: true, download_limit: 10_000 });
    expect(profile.body.user.last_login).toEqual(expect.any(String));
    expect(profile.body.user).not.toHaveProperty('password_hash');
    expect(upsert.status).toBe(200);
    expect(upsert.body.created).toBe(1);
  });

  it('It should rotate the refresh token, and revoke the whole session when a used one comes back', async () => {
    const user = await newUser(cloud, admin.access);

    const first = await cloud.api('/v1/auth/refresh', { key: null, body: { refresh_token: user.refresh } });
    const second = await cloud.api('/v1/auth/refresh', { key: null, body: { refresh_token: first.body.refresh_token } });
    const reuse = await cloud.api('/v1/auth/refresh', { key: null, body: { refresh_token: user.refresh } });
    const afterReuse = await cloud.api('/v1/auth/refresh', { key: null, body: { refresh_token: second.body.refresh_token } });
    const accessAfterReuse = await cloud.api('/v1/auth/profile', { key: second.body.access_token });

    expect(first.status).toBe(200);
    expect(first.body.refresh_token).not.toBe(user.refresh);
    expect(second.status).toBe(200);
    expect(reuse.status).toBe(401);
    expect(afterReuse.status).toBe(401);
    expect(accessAfterReuse.status).toBe(401);
  });

  it('It should end the session on logout: its refresh and access tokens stop working', async () => {
    const user = await newUser(cloud, admin.access);

    const out = await cloud.api('/v1/auth/logout', { key: null, body: { refresh_token: user.refresh } });
    const refresh = await cloud.api('/v1/auth/refresh', { key: null, body: { refresh_token: user.refresh } });
    const profile = await cloud.api('/v1/auth/profile', { key: user.access });

    expect(out.status).toBe(200);
    expect(refresh.status).toBe(401);
    expect(profile.status).toBe(401);
  });

  it('It should answer 429 with Retry-After on the sixth failed sign-in of the hour for one email', async () => {
    const user = await newUser(cloud, admin.access);
    const attempts = [];

    for (let i = 0; i < 5; i += 1) attempts.push(await login(cloud, user.email, 'wrong-password-1'));
    const sixth = await login(cloud, user.email, user.password);

    expect(attempts.map((a) => a.status)).toEqual([401, 401, 401, 401, 401]);
    expect(sixth.status).toBe(429);
    expect(sixth.body.error.code).toBe('ERR_RATE_LIMITED');
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(sixth.headers['retry-after'])).toBeLessThanOrEqual(3600);
  });

  it('It should limit failed sign-ins per IP across different emails, and not count successful ones', async () => {
    const ip = freshIp();
    const user = await newUser(cloud, admin.access);

    const successes = [];
    for (let i = 0; i < 6; i += 1) successes.push((await login(cloud, user.email, user.password, ip)).status);
    const failures = [];
    for (let i = 0; i < 5; i += 1) failures.push((await login(cloud, `nobody${i}@example.com`, 'whatever-1234', ip)).status);
    const blocked = await login(cloud, user.email, user.password, ip);
    const elsewhere = await login(cloud, user.email, user.password, freshIp());

    expect(successes).toEqual([200, 200, 200, 200, 200, 200]);
    expect(failures).toEqual([401, 401, 401, 401, 401]);
    expect(blocked.status).toBe(429);
    expect(elsewhere.status).toBe(200);
  });

  it('It should reset a password through the mail outbox, once and only once', async () => {
    const user = await newUser(cloud, admin.access);

    const requested = await callFrom(cloud, freshIp(), '/v1/auth/password-reset', { body: { email: user.email.toUpperCase() } });
    const unknown = await callFrom(cloud, freshIp(), '/v1/auth/password-reset', { body: { email: 'nobody-here@example.com' } });
    const mails = await outbox(cloud, user.email);
    const token = tokenIn(mails.at(-1)?.text ?? '');
    const newPassword = 'Brand-new-passw0rd';
    const confirm = await cloud.api('/v1/auth/password-reset/confirm', { key: null, body: { token, new_password: newPassword, confirm_password: newPassword } });
    const again = await cloud.api('/v1/auth/password-reset/confirm', { key: null, body: { token, new_password: 'Another-passw0rd', confirm_password: 'Another-passw0rd' } });
    const oldLogin = await login(cloud, user.email, user.password);
    const newLogin = await login(cloud, user.email, newPassword);
    const oldSession = await cloud.api('/v1/auth/refresh', { key: null, body: { refresh_token: user.refresh } });

    expect(requested.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(unknown.body).toEqual(requested.body);
    expect(await outbox(cloud, 'nobody-here@example.com')).toEqual([]);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toMatch(/reset/i);
    expect(confirm.status).toBe(200);
    expect(again.status).toBe(400);
    expect(again.body.error.details[0].path).toBe('token');
    expect(oldLogin.status).toBe(401);
    expect(newLogin.status).toBe(200);
    expect(oldSession.status).toBe(401);
  });

  it('It should name the field when a reset confirmation mismatches or is weak', async () => {
    const mismatch = await cloud.api('/v1/auth/password-reset/confirm', { key: null, body: { token: 'lsp_abcdefghijkl', new_password: 'Abcdefgh12', confirm_password: 'Abcdefgh13' } });
    const user = await newUser(cloud, admin.access);
    await callFrom(cloud, freshIp(), '/v1/auth/password-reset', { body: { email: user.email } });
    const token = tokenIn((await outbox(cloud, user.email)).at(-1)?.text ?? '');
    const weak = await cloud.api('/v1/auth/password-reset/confirm', { key: null, body: { token, new_password: 'short', confirm_password: 'short' } });
    const stillUsable = await cloud.api('/v1/auth/password-reset/confirm', { key: null, body: { token, new_password: 'Long-enough-1', confirm_password: 'Long-enough-1' } });

    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error.details).toContainEqual(expect.objectContaining({ path: 'confirm_password' }));
    expect(weak.status).toBe(400);
    expect(weak.body.error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['new_password']));
    expect(stillUsable.status).toBe(200);
  });

  it('It should make an API key that is shown once, works, records its use and dies when revoked', async () => {
    const user = await newUser(cloud, admin.access);

    const made = await cloud.api('/v1/api-keys', { key: user.access, body: { name: 'ci' } });
    const used = await cloud.api('/v1/companies/count', { key: made.body.key, body: {} });
    const listed = await cloud.api('/v1/api-keys', { key: user.access });
    const adminList = await cloud.api('/v1/api-keys', { key: admin.access });
    const revoked = await cloud.api(`/v1/api-keys/${made.body.api_key.id}`, { key: user.access, method: 'DELETE' });
    const after = await cloud.api('/v1/companies/count', { key: made.body.key, body: {} });

    expect(made.status).toBe(201);
    expect(made.body.key).toMatch(/^lsk_/);
    expect(made.body.api_key).toMatchObject({ name: 'ci', role: 'user', created_by: user.id });
    expect(made.body.key.startsWith(made.body.api_key.prefix)).toBe(true);
    expect(used.status).toBe(200);
    expect(listed.body.api_keys).toHaveLength(1);
    expect(listed.body.api_keys[0].last_used_at).toEqual(expect.any(String));
    expect(JSON.stringify(listed.body)).not.toContain(made.body.key);
    expect(adminList.body.api_keys.map((k: { id: string }) => k.id)).toContain(made.body.api_key.id);
    expect(revoked.status).toBe(200);
    expect(after.status).toBe(401);
  });

  it('It should refuse admin routes to users (403) and an admin key to a user', async () => {
    const user = await newUser(cloud, admin.access);

    const list = await cloud.api('/v1/users', { key: user.access });
    const create = await cloud.api('/v1/users', { key: user.access, body: { email: 'x@example.com', name: 'X' } });
    const adminKey = await cloud.api('/v1/api-keys', { key: user.access, body: { name: 'sneaky', role: 'admin' } });

    expect(list.status).toBe(403);
    expect(list.body.error.code).toBe('ERR_FORBIDDEN');
    expect(create.status).toBe(403);
    expect(adminKey.status).toBe(403);
  });

  it('It should let an admin change role, limit and status, but never leave the workspace without an active admin', async () => {
    const user = await newUser(cloud, admin.access);
    const me = await cloud.api('/v1/auth/profile', { key: admin.access });

    const promoted = await cloud.api(`/v1/users/${user.id}`, { key: admin.access, method: 'PATCH', body: { role: 'admin', download_limit: 5 } });
    const usersNow = await cloud.api('/v1/users', { key: user.access });
    const demoteFirst = await cloud.api(`/v1/users/${me.body.user.id}`, { key: user.access, method: 'PATCH', body: { role: 'user' } });
    const deactivateLast = await cloud.api(`/v1/users/${user.id}`, { key: user.access, method: 'PATCH', body: { is_active: false } });
    const restore = await cloud.api(`/v1/users/${me.body.user.id}`, { key: user.access, method: 'PATCH', body: { role: 'admin' } });
    const deactivated = await cloud.api(`/v1/users/${user.id}`, { key: admin.access, method: 'PATCH', body: { is_active: false } });
    const inactiveCall = await cloud.api('/v1/auth/profile', { key: user.access });
    const inactiveLogin = await login(cloud, user.email, user.password);

    expect(promoted.status).toBe(200);
    expect(promoted.body.user).toMatchObject({ role: 'admin', download_limit: 5 });
    expect(usersNow.status).toBe(200);
    expect(demoteFirst.status).toBe(200);
    expect(deactivateLast.status).toBe(409);
    expect(restore.status).toBe(200);
    expect(deactivated.status).toBe(200);
    expect(inactiveCall.status).toBe(401);
    expect(inactiveLogin.status).toBe(401);
  });

  it('It should invite a user by mail, who chooses a password and signs in', async () => {
    const email = `invitee-${Date.now()}@example.com`;

    const invited = await cloud.api('/v1/users', { key: admin.access, body: { email, name: 'Invitee' } });
    const before = await login(cloud, email, 'Anything-123');
    const token = tokenIn((await outbox(cloud, email))[0]?.text ?? '');
    const chosen = await cloud.api('/v1/auth/password-reset/confirm', { key: null, body: { token, new_password: 'Chosen-passw0rd', confirm_password: 'Chosen-passw0rd' } });
    const after = await login(cloud, email, 'Chosen-passw0rd');
    const duplicate = await cloud.api('/v1/users', { key: admin.access, body: { email: email.toUpperCase(), name: 'Again', password: 'Whatever-pass1' } });

    expect(invited.status).toBe(201);
    expect(invited.body.invitation_sent).toBe(true);
    expect(before.status).toBe(401);
    expect(chosen.status).toBe(200);
    expect(after.status).toBe(200);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.details[0].path).toBe('email');
  });

  it("It should answer 429 with Retry-After past a workspace's own hourly API limit, per key", async () => {
    const limits = new DynamoWorkspaceLimits(cloud.documents, cloud.cloud.resources.tables.control);
    await limits.setApiRequestsPerHour('workspace-limited', 3);
    const first = (await issueApiKey(cloud.apiKeys, 'workspace-limited', 'limited one')).key;
    const second = (await issueApiKey(cloud.apiKeys, 'workspace-limited', 'limited two')).key;

    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push(await cloud.api('/v1/companies/count', { key: first, body: {} }));
    const otherKey = await cloud.api('/v1/companies/count', { key: second, body: {} });

    expect(statuses.map((s) => s.status)).toEqual([200, 200, 200, 429]);
    expect(statuses[3]?.body.error.code).toBe('ERR_RATE_LIMITED');
    expect(otherKey.status).toBe(200);
  });
});
