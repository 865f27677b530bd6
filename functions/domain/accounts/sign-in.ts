import { AppError } from '../../platform/errors.ts';
import type { RateCounter } from '../../ports/accounts.port.ts';
import { verifyPassword } from '../auth/password.ts';
import { LOGIN_PER_EMAIL, LOGIN_PER_IP, RateLimitedError, hit, refund } from '../auth/rate-limit.ts';
import { startSession, type SessionDeps, type TokenPair } from './sessions.ts';
import { normaliseEmail, publicUser } from './user.ts';

export interface SignInDeps extends SessionDeps {
  readonly counter: RateCounter;
}

export interface Credentials {
  readonly email: string;
  readonly password: string;
  /** The client address API Gateway saw (`requestContext.http.sourceIp`). */
  readonly sourceIp: string;
}

/**
 * Signs a user in. Every attempt is counted per IP and per email BEFORE the password is checked
 * (so the sixth attempt of the hour is refused whatever it carries), and a successful one is
 * given back, so only failures use the allowance. Unknown email, wrong password and inactive
 * user all answer the same 401 after the same scrypt work.
 */
export async function signIn(deps: SignInDeps, credentials: Credentials, now = new Date()): Promise<TokenPair & { user: Record<string, unknown> }> {
  const email = normaliseEmail(credentials.email);
  const byIp = await hit(deps.counter, LOGIN_PER_IP, credentials.sourceIp, now);
  const byEmail = await hit(deps.counter, LOGIN_PER_EMAIL, email, now);
  if (!byIp.allowed || !byEmail.allowed) {
    throw new RateLimitedError(Math.max(byIp.allowed ? 0 : byIp.retryAfterSeconds, byEmail.allowed ? 0 : byEmail.retryAfterSeconds));
  }
  const user = await deps.users.findByEmail(email);
  const matches = await verifyPassword(credentials.password, user?.passwordHash);
  if (!user || !matches || !user.isActive) throw new AppError('ERR_UNAUTHORIZED', 'Invalid email or password');
  await Promise.all([refund(deps.counter, byIp, LOGIN_PER_IP), refund(deps.counter, byEmail, LOGIN_PER_EMAIL)]);
  const at = now.toISOString();
  await deps.users.recordLogin(user.workspaceId, user.id, at);
  const tokens = await startSession(deps, user, now);
  return { ...tokens, user: publicUser({ ...user, lastLogin: at }) };
}
