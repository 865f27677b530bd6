import { publicUser } from '../domain/accounts/user.ts';
import { AppError } from '../platform/errors.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { users } from '../platform/services/accounts.services.ts';

export const handler = httpHandler({ authorized: true, json: false }, async ({ principal }) => {
  const user = principal.userId ? await users().get(principal.workspaceId, principal.userId) : undefined;
  if (!user) throw new AppError('ERR_NOT_FOUND', 'This credential belongs to no user (an operator API key has no profile)');
  return successResponse({ user: publicUser(user) });
});
