import { requestPasswordReset } from '../domain/accounts/password-reset.ts';
import { passwordResetSchema } from '../domain/accounts/schemas.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { mailDeps, rateCounter, users } from '../platform/services/accounts.services.ts';
import { parseInput } from '../platform/validation.ts';

export const handler = httpHandler({ authorized: false, json: 'required' }, async ({ event, body }) => {
  const { email } = parseInput(passwordResetSchema, body);
  const message = await requestPasswordReset(
    { ...mailDeps(), users: users(), counter: rateCounter() },
    { email, sourceIp: event.requestContext.http.sourceIp },
  );
  return successResponse({ message });
});
