import { confirmPasswordReset } from '../domain/accounts/password-reset.ts';
import { passwordResetConfirmSchema } from '../domain/accounts/schemas.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { oneTimeTokens, users } from '../platform/services/accounts.services.ts';
import { parseInput } from '../platform/validation.ts';

export const handler = httpHandler({ authorized: false, json: 'required' }, async ({ body }) => {
  const input = parseInput(passwordResetConfirmSchema, body);
  await confirmPasswordReset({ users: users(), oneTimeTokens: oneTimeTokens() }, { token: input.token, newPassword: input.new_password });
  return successResponse({ message: 'Password updated; sign in with the new password' });
});
