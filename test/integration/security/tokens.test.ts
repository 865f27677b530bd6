import { SignJWT, UnsecuredJWT, decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '../../../functions/domain/auth/access-token.ts';
import { startTestCloud, type TestCloud } from '../helpers/test-cloud.ts';
import { devAdmin, login, outbox, signIn, tokenIn } from '../accounts/helpers.ts';

let t: TestCloud;
let valid: string;
let refresh: string;
let secret: Uint8Array;

beforeAll(async () => {
  t = await startTestCloud();
  const creds = await devAdmin(t);
  ({ access: valid, refresh } = await signIn(t, creds.email, creds.password));
  secret = new TextEncoder().encode(t.cloud.env.AUTH_TOKEN_SECRET);
});
afterAll(async () => {
  await t?.stop();
});

/** A token like the valid one, re-signed with `change` applied. */
async function forge(change: (jwt: SignJWT) => SignJWT, key: Uint8Array = secret, payload: Record<string, unknown> = {}): Promise<string> {
  const claims = { ...decodeJwt(valid), ...payload };
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' });
  return change(jwt).sign(key);
}

const b64 = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

const TOKENS: readonly { name: string; token: () => Promise<string> }[] = [
  {
    name: 'a tampered payload (role and workspace changed, signature kept)',
    token: async () => {
      const [header, payload, signature] = valid.split('.');
      const claims = { ...JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')), ws: 'workspace-b', role: 'admin' };
      return `${header}.${b64(claims)}.${signature}`;
    },
  },
  { name: 'an expired token', token: () => forge((jwt) => jwt.setIssuedAt(Math.floor(Date.now() / 1000) - 7200).setExpirationTime(Math.floor(Date.now() / 1000) - 3600)) },
  { name: "an alg: none token", token: async () => new UnsecuredJWT(decodeJwt(valid)).encode() },
  { name: 'alg: none with a stripped signature on a real header', token: async () => `${b64({ alg: 'none', typ: 'JWT' })}.${valid.split('.')[1]}.` },
  { name: 'a wrong audience', token: () => forge((jwt) => jwt.setAudience('someone-else')) },
  { name: 'a wrong issuer', token: () => forge((jwt) => jwt.setIssuer('evil')) },
  { name: 'a token signed with another key', token: () => forge((jwt) => jwt, new TextEncoder().encode('x'.repeat(64))) },
  { name: 'a token for a user that does not exist', token: () => forge((jwt) => jwt, secret, { sub: '00000000-0000-4000-8000-000000000000' }) },
  { name: 'garbage after Bearer', token: async () => 'eyJhbGciOi.not.valid' },
];

describe('security: access tokens', () => {
  it('It should accept the genuine token (the control case)', async () => {
    const profile = await t.api('/v1/auth/profile', { key: valid });
    expect(profile.status).toBe(200);
    expect(decodeJwt(valid)).toMatchObject({ iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, ws: 'dev', role: 'admin' });
  });

  for (const { name, token } of TOKENS) {
    it(`It should answer 401 to ${name}`, async () => {
      const forged = await token();

      const profile = await t.api('/v1/auth/profile', { key: forged });
      const records = await t.api('/v1/companies/count', { key: forged, body: {} });

      expect(profile.status).toBe(401);
      expect(profile.body.error.code).toBe('ERR_UNAUTHORIZED');
      expect(records.status).toBe(401);
    });
  }

  it('It should revoke the whole family when a rotated refresh token is reused', async () => {
    const rotated = await t.api('/v1/auth/refresh', { key: null, body: { refresh_token: refresh } });
    const reuse = await t.api('/v1/auth/refresh', { key: null, body: { refresh_token: refresh } });
    const latest = await t.api('/v1/auth/refresh', { key: null, body: { refresh_token: rotated.body.refresh_token } });
    const accessOfFamily = await t.api('/v1/auth/profile', { key: rotated.body.access_token });

    expect(rotated.status).toBe(200);
    expect(reuse.status).toBe(401);
    expect(latest.status).toBe(401);
    expect(accessOfFamily.status).toBe(401);
  });

  it('It should let a password-reset token work once and only once', async () => {
    const creds = await devAdmin(t);
    await t.api('/v1/auth/password-reset', { key: null, body: { email: creds.email } });
    const token = tokenIn((await outbox(t, creds.email)).at(-1)?.text ?? '');
    const password = 'Once-only-passw0rd';

    const first = await t.api('/v1/auth/password-reset/confirm', { key: null, body: { token, new_password: password, confirm_password: password } });
    const second = await t.api('/v1/auth/password-reset/confirm', { key: null, body: { token, new_password: `${password}2`, confirm_password: `${password}2` } });
    const signedIn = await login(t, creds.email, password);
    const secondPassword = await login(t, creds.email, `${password}2`);

    expect(first.status).toBe(200);
    expect(second.status).toBe(400);
    expect(signedIn.status).toBe(200);
    expect(secondPassword.status).toBe(401);
  });
});
