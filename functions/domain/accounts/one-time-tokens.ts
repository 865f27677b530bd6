import type { Mailer } from '../../ports/email.port.ts';
import type { OneTimeTokenPurpose, OneTimeTokenStore } from '../../ports/accounts.port.ts';
import { RESET_TOKEN_PREFIX, generateOpaqueToken } from '../auth/opaque-token.ts';
import type { User } from './user.ts';

/** A reset link works for one hour; an invitation for a week. */
export const TOKEN_TTL_SECONDS: Readonly<Record<OneTimeTokenPurpose, number>> = {
  password_reset: 3600,
  invitation: 7 * 24 * 3600,
};

export interface MailDeps {
  readonly oneTimeTokens: OneTimeTokenStore;
  readonly mailer: Mailer;
  /** The frontend page that takes `?token=` and calls POST /v1/auth/password-reset/confirm. */
  readonly resetPageUrl: string;
}

const SUBJECTS: Readonly<Record<OneTimeTokenPurpose, string>> = {
  password_reset: 'Reset your leadstack password',
  invitation: 'You are invited to leadstack',
};

function body(purpose: OneTimeTokenPurpose, user: User, link: string, token: string): string {
  const intro =
    purpose === 'invitation'
      ? `Hello ${user.name},\n\nAn admin created a leadstack account for ${user.email}. Choose your password here (valid for 7 days):`
      : `Hello ${user.name},\n\nSomeone asked to reset the password of ${user.email}. If it was you, choose a new one here (valid for 1 hour):`;
  return `${intro}\n\n${link}\n\nOr send this token to POST /v1/auth/password-reset/confirm:\n${token}\n\nIf you did not expect this mail, ignore it.\n`;
}

/** Stores a hashed single-use token for the user and mails them the link that carries it. */
export async function mailOneTimeToken(deps: MailDeps, user: User, purpose: OneTimeTokenPurpose, now = new Date()): Promise<void> {
  const { token, hash } = generateOpaqueToken(RESET_TOKEN_PREFIX);
  const expiresAt = new Date(now.getTime() + TOKEN_TTL_SECONDS[purpose] * 1000).toISOString();
  await deps.oneTimeTokens.put({ hash, purpose, workspaceId: user.workspaceId, userId: user.id, expiresAt });
  const link = new URL(deps.resetPageUrl);
  link.searchParams.set('token', token);
  await deps.mailer.send({ to: user.email, subject: SUBJECTS[purpose], text: body(purpose, user, link.toString(), token) });
}
