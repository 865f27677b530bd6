import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { ACCESS_TOKEN_TTL_SECONDS, AccessTokens, looksLikeJwt } from '../../../../functions/domain/auth/access-token.ts';

const SECRET = 's'.repeat(48);
const tokens = new AccessTokens(SECRET);
const claims = { userId: 'u1', workspaceId: 'ws-a', role: 'admin' as const, sessionId: 'f1' };
const now = new Date('2025-06-01T12:00:00Z');

describe('access tokens (HS256 JWT)', () => {
  it('It should round-trip its claims until the token expires', async () => {
    const { token, expiresIn } = await tokens.issue(claims, now);

    expect(looksLikeJwt(token)).toBe(true);
    expect(expiresIn).toBe(ACCESS_TOKEN_TTL_SECONDS);
    expect(await tokens.verify(token, now)).toEqual(claims);
    expect(await tokens.verify(token, new Date(now.getTime() + (ACCESS_TOKEN_TTL_SECONDS + 10) * 1000))).toBeUndefined();
  });

  it('It should refuse alg none, another key, another audience and a missing role', async () => {
    const key = new TextEncoder().encode(SECRET);
    const base = () => new SignJWT({ ws: 'ws-a', role: 'admin', sid: 'f1' }).setSubject('u1').setIssuer('leadstack').setIssuedAt().setExpirationTime('5m');
    const none = new UnsecuredJWT({ ws: 'ws-a', role: 'admin', sid: 'f1', sub: 'u1', iss: 'leadstack', aud: 'leadstack-api' }).setIssuedAt().setExpirationTime('5m').encode();

    expect(await tokens.verify(none)).toBeUndefined();
    expect(await tokens.verify(await base().setAudience('leadstack-api').setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('o'.repeat(48))))).toBeUndefined();
    expect(await tokens.verify(await base().setAudience('elsewhere').setProtectedHeader({ alg: 'HS256' }).sign(key))).toBeUndefined();
    expect(await tokens.verify(await new SignJWT({ ws: 'ws-a', sid: 'f1' }).setSubject('u1').setIssuer('leadstack').setAudience('leadstack-api').setIssuedAt().setExpirationTime('5m').setProtectedHeader({ alg: 'HS256' }).sign(key))).toBeUndefined();
    expect(await tokens.verify(await base().setAudience('leadstack-api').setProtectedHeader({ alg: 'HS256' }).sign(key))).toMatchObject({ userId: 'u1' });
  });

  it('It should refuse a signing secret too short for HS256', () => {
    expect(() => new AccessTokens('short')).toThrow(/at least 32/);
  });
});
