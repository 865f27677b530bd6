import { validationError, type AppError } from '../../platform/errors.ts';
import type { RateCounter, UserStore } from '../../ports/accounts.port.ts';
import { hashOpaqueToken } from '../auth/opaque-token.ts';
import { hashPassword, passwordProblems } from '../auth/password.ts';
import { RESET_PER_EMAIL, RESET_PER_IP, enforce } from '../auth/rate-limit.ts';
import { mailOneTimeToken, type MailDeps } from './one-time-tokens.ts';
import { normaliseEmail } from './user.ts';

export const RESET_REQUESTED_MESSAGE = 'If the email exists, a password reset link will be sent';

export interface PasswordResetDeps extends MailDeps {
  readonly users: UserStore;
  readonly counter: RateCounter;
}

/**
 * Mails a reset link when the email belongs to an active user, and answers the same message
 * either way, so the endpoint does not tell which emails have accounts.
 */
export async function requestPasswordReset(deps: PasswordResetDeps, input: { email: string; sourceIp: string }, now = new Date()): Promise<string> {
  const email = normaliseEmail(input.email);
  await enforce(deps.counter, RESET_PER_IP, input.sourceIp, now);
  await enforce(deps.counter, RESET_PER_EMAIL, email, now);
  const user = await deps.users.findByEmail(email);
  if (user?.isActive) await mailOneTimeToken(deps, user, 'password_reset', now);
  return RESET_REQUESTED_MESSAGE;
}

const invalidToken = (): AppError =>
  validationError('The reset token is invalid, expired or already used', [{ path: 'token', message: 'Invalid, expired or already used' }]);

/**
 * Sets a new password with a reset or invitation token. The token is checked, then the password
 * rules (which know the user's email and name), then the token is consumed atomically: of two
 * concurrent confirmations only one wins. Every existing session of the user ends.
 */
export async function confirmPasswordReset(
  deps: Pick<PasswordResetDeps, 'users' | 'oneTimeTokens'>,
  input: { token: string; newPassword: string },
  now = new Date(),
): Promise<void> {
  const hash = hashOpaqueToken(input.token);
  const record = await deps.oneTimeTokens.find(hash);
  if (!record || record.expiresAt <= now.toISOString()) throw invalidToken();
  const user = await deps.users.get(record.workspaceId, record.userId);
  if (!user || !user.isActive) throw invalidToken();
  const problems = passwordProblems(input.newPassword, user);
  if (problems.length > 0) {
    throw validationError('The new password is too weak', problems.map((message) => ({ path: 'new_password', message })));
  }
  const passwordHash = await hashPassword(input.newPassword);
  if (!(await deps.oneTimeTokens.consume(hash))) throw invalidToken();
  await deps.users.setPassword(user.workspaceId, user.id, passwordHash, now.toISOString());
}
