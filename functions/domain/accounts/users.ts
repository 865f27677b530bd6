import { randomUUID } from 'node:crypto';
import { AppError, validationError } from '../../platform/errors.ts';
import type { UserStore } from '../../ports/accounts.port.ts';
import { hashPassword, passwordProblems } from '../auth/password.ts';
import type { Role } from '../auth/principal.ts';
import { mailOneTimeToken, type MailDeps } from './one-time-tokens.ts';
import { DEFAULT_DOWNLOAD_LIMIT, type User, type UserPatch } from './user.ts';

const WORKSPACE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface NewUser {
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly downloadLimit?: number;
  /** Absent: the user is invited by mail to choose one. */
  readonly password?: string;
}

/**
 * Creates a user in a workspace. With a password (checked against the strength rules) the user
 * can sign in at once; without one, an invitation mail carries a single-use link to set it.
 */
export async function createUser(
  deps: { users: UserStore } & Partial<MailDeps>,
  workspaceId: string,
  input: NewUser,
  now = new Date(),
): Promise<{ user: User; invited: boolean }> {
  if (!WORKSPACE_ID.test(workspaceId)) throw new Error('A workspace id is 1-64 letters, digits, _ or -');
  if (input.password !== undefined) {
    const problems = passwordProblems(input.password, input);
    if (problems.length > 0) throw validationError('The password is too weak', problems.map((message) => ({ path: 'password', message })));
  }
  const user: User = {
    id: randomUUID(),
    workspaceId,
    email: input.email.trim(),
    name: input.name.trim(),
    role: input.role,
    isActive: true,
    downloadLimit: input.downloadLimit ?? DEFAULT_DOWNLOAD_LIMIT,
    dateJoined: now.toISOString(),
    ...(input.password !== undefined ? { passwordHash: await hashPassword(input.password) } : {}),
  };
  await deps.users.create(user);
  if (input.password !== undefined) return { user, invited: false };
  const { oneTimeTokens, mailer, resetPageUrl } = deps;
  if (!oneTimeTokens || !mailer || !resetPageUrl) throw new Error('Inviting a user needs the mail dependencies');
  await mailOneTimeToken({ oneTimeTokens, mailer, resetPageUrl }, user, 'invitation', now);
  return { user, invited: true };
}

export async function updateUser(deps: { users: UserStore }, workspaceId: string, userId: string, patch: UserPatch): Promise<User> {
  const current = await deps.users.get(workspaceId, userId);
  if (!current) throw new AppError('ERR_NOT_FOUND', `No user ${userId} in this workspace`);
  return deps.users.update(current, patch);
}
