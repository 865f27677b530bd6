import { randomUUID } from 'node:crypto';
import { AppError, validationError } from '../../platform/errors.ts';
import type { UserStore } from '../../ports/accounts.port.ts';
import type { ApiKeyCatalog } from '../../ports/api-keys.port.ts';
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
 * An email already used in this workspace is ERR_CONFLICT. One used in another workspace gets
 * the same answer as a new user, though nothing is stored (emails are unique across the
 * service): the caller cannot tell, and the address's owner is told by mail. Operator tools,
 * which see every workspace anyway, pass `otherWorkspaces: 'reveal'` to get the 409 instead.
 */
export async function createUser(
  deps: { users: UserStore; otherWorkspaces?: 'conceal' | 'reveal' } & Partial<MailDeps>,
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
  const invited = input.password === undefined;
  try {
    await deps.users.create(user);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'ERR_CONFLICT') throw error;
    const holder = await deps.users.findByEmail(user.email);
    if (!holder || holder.workspaceId === workspaceId || deps.otherWorkspaces === 'reveal') throw error;
    // Taken in another workspace: answer as for a new user, so that no admin learns which
    // emails other workspaces hold, and tell the owner of the address instead.
    await mailTakenElsewhere(deps, holder);
    return { user, invited };
  }
  if (!invited) return { user, invited };
  const { oneTimeTokens, mailer, resetPageUrl } = deps;
  if (!oneTimeTokens || !mailer || !resetPageUrl) throw new Error('Inviting a user needs the mail dependencies');
  await mailOneTimeToken({ oneTimeTokens, mailer, resetPageUrl }, user, 'invitation', now);
  return { user, invited };
}

/** The owner of an address learns that an admin elsewhere tried to add it; nothing else changes. */
async function mailTakenElsewhere(deps: Partial<MailDeps>, holder: User): Promise<void> {
  if (!deps.mailer) return;
  await deps.mailer.send({
    to: holder.email,
    subject: 'leadstack: an invitation to another workspace was not created',
    text:
      `Hello ${holder.name},\n\nAn admin of another leadstack workspace tried to add ${holder.email}. ` +
      'An email address belongs to one workspace, so nothing was created and your account is unchanged.\n\n' +
      'If you expected this invitation, ask that admin to use another address.\n',
  });
}

/**
 * Changes a user. Deactivating ends the user's sessions and keys for good: the store stamps the
 * instant before which their tokens and keys are void (the authorizer checks it on every
 * request, so a reactivation revives none of them), and each of their keys is marked revoked
 * so that listings say so.
 */
export async function updateUser(
  deps: { users: UserStore; keys: ApiKeyCatalog },
  workspaceId: string,
  userId: string,
  patch: UserPatch,
  now = new Date(),
): Promise<User> {
  const current = await deps.users.get(workspaceId, userId);
  if (!current) throw new AppError('ERR_NOT_FOUND', `No user ${userId} in this workspace`);
  const updated = await deps.users.update(current, patch, now.toISOString());
  if (current.isActive && patch.isActive === false) await revokeKeysOf(deps.keys, current, now);
  return updated;
}

async function revokeKeysOf(keys: ApiKeyCatalog, user: User, now: Date): Promise<void> {
  const live = (await keys.list(user.workspaceId)).filter((key) => key.createdBy === user.id && key.revokedAt === undefined);
  await Promise.all(live.map((key) => keys.revoke(key.hash, now.toISOString())));
}
