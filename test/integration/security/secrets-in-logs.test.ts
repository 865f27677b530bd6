import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Before any import builds the Powertools logger: log everything the handlers can log.
vi.hoisted(() => {
  process.env.LOG_LEVEL = 'DEBUG';
});

import { startTestCloud, type TestCloud } from '../helpers/test-cloud.ts';
import { devAdmin, login, outbox, signIn, tokenIn } from '../accounts/helpers.ts';

let t: TestCloud;
const lines: string[] = [];
const restore: (() => void)[] = [];

/** Captures everything written to stdout, stderr and the console while the flows run. */
function capture(): void {
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream);
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      lines.push(String(chunk));
      return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
    restore.push(() => {
      stream.write = original;
    });
  }
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const spy = vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      lines.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
    });
    restore.push(() => spy.mockRestore());
  }
}

beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(async () => {
  for (const undo of restore) undo();
  await t?.stop();
});

describe('security: secrets never reach a log line', () => {
  it('It should log no password, token or key during sign-in, refresh, reset, key and failure flows', async () => {
    const creds = await devAdmin(t);
    capture();
    const secrets: string[] = [creds.password];

    const admin = await signIn(t, creds.email, creds.password);
    secrets.push(admin.access, admin.refresh);
    const wrong = 'Wrong-but-secret-passw0rd';
    secrets.push(wrong);
    await login(t, creds.email, wrong);
    const rotated = await t.api('/v1/auth/refresh', { key: null, body: { refresh_token: admin.refresh } });
    secrets.push(rotated.body.access_token, rotated.body.refresh_token);
    await t.api('/v1/auth/refresh', { key: null, body: { refresh_token: admin.refresh } }); // reuse: logs a warning
    const userPassword = 'User-initial-passw0rd';
    secrets.push(userPassword);
    const created = await t.api('/v1/users', { key: t.keys.a, body: { email: 'logs@example.com', name: 'Logs', password: userPassword } });
    const user = await signIn(t, 'logs@example.com', userPassword);
    secrets.push(user.access, user.refresh);
    await t.api('/v1/auth/password-reset', { key: null, body: { email: 'logs@example.com' } });
    const resetToken = tokenIn((await outbox(t, 'logs@example.com')).at(-1)?.text ?? '');
    const newPassword = 'User-new-passw0rd';
    secrets.push(resetToken, newPassword);
    await t.api('/v1/auth/password-reset/confirm', { key: null, body: { token: resetToken, new_password: newPassword, confirm_password: newPassword } });
    await t.api('/v1/auth/password-reset/confirm', { key: null, body: { token: resetToken, new_password: newPassword, confirm_password: newPassword } });
    // The reset ended every session of the user: sign in again.
    const again = await signIn(t, 'logs@example.com', newPassword);
    secrets.push(again.access, again.refresh);
    const key = await t.api('/v1/api-keys', { key: again.access, body: { name: 'logged?' } });
    secrets.push(key.body.key);
    await t.api('/v1/companies/count', { key: key.body.key, body: {} });
    await t.api(`/v1/api-keys/${key.body.api_key.id}`, { key: again.access, method: 'DELETE' });
    await t.api('/v1/companies/count', { key: key.body.key, body: {} }); // revoked: logs the refusal
    secrets.push(t.keys.a, t.keys.b, t.cloud.env.AUTH_TOKEN_SECRET ?? '');

    const text = lines.join('\n');
    expect(created.status).toBe(201);
    expect(lines.length, 'the flows should have produced log lines to inspect').toBeGreaterThan(0);
    expect(text).toContain('Unauthenticated request');
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThan(8);
      expect(text.includes(secret), `a secret (${secret.slice(0, 6)}...) appeared in the logs`).toBe(false);
    }
  });
});
