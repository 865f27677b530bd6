import { describe, expect, it } from 'vitest';
import { endSession, refreshSession, startSession } from '../../../../functions/domain/accounts/sessions.ts';
import { AccessTokens } from '../../../../functions/domain/auth/access-token.ts';
import { MemorySessions, MemoryUsers, aUser } from './fakes.ts';

function deps() {
  const users = new MemoryUsers();
  const sessions = new MemorySessions();
  const tokens = new AccessTokens('k'.repeat(48));
  return { users, sessions, tokens: () => tokens };
}

describe('sessions: rotating refresh tokens', () => {
  it('It should rotate a refresh token once and revoke the family when an old one returns', async () => {
    const d = deps();
    const user = aUser();
    await d.users.create(user);
    const login = await startSession(d, user);

    const next = await refreshSession(d, login.refresh_token);
    const reuse = await refreshSession(d, login.refresh_token).catch((error: unknown) => error);
    const afterReuse = await refreshSession(d, next.refresh_token).catch((error: unknown) => error);

    expect(next.refresh_token).not.toBe(login.refresh_token);
    expect(reuse).toMatchObject({ code: 'ERR_UNAUTHORIZED' });
    expect(afterReuse).toMatchObject({ code: 'ERR_UNAUTHORIZED' });
    expect([...d.sessions.families.values()][0]?.revokedAt).toEqual(expect.any(String));
    expect([...d.sessions.tokens.keys()].some((hash) => hash.includes('lsr_'))).toBe(false);
  });

  it('It should refuse a refresh after logout, a password change or deactivation', async () => {
    const d = deps();
    const user = aUser();
    await d.users.create(user);
    const a = await startSession(d, user, new Date(Date.now() - 1000));
    const b = await startSession(d, user, new Date(Date.now() - 1000));
    const c = await startSession(d, user, new Date(Date.now() - 1000));

    await endSession(d, a.refresh_token);
    const afterLogout = await refreshSession(d, a.refresh_token).catch((error: unknown) => error);
    await d.users.setPassword(user.workspaceId, user.id, 'scrypt$x', new Date().toISOString());
    const afterPasswordChange = await refreshSession(d, b.refresh_token).catch((error: unknown) => error);
    await d.users.update(aUser({ sessionsValidAfter: undefined }), { isActive: false });
    const afterDeactivation = await refreshSession(d, c.refresh_token).catch((error: unknown) => error);

    expect(afterLogout).toMatchObject({ code: 'ERR_UNAUTHORIZED' });
    expect(afterPasswordChange).toMatchObject({ code: 'ERR_UNAUTHORIZED' });
    expect(afterDeactivation).toMatchObject({ code: 'ERR_UNAUTHORIZED' });
  });
});
