import { logoutSchema } from '../domain/accounts/schemas.ts';
import { endSession } from '../domain/accounts/sessions.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { sessions } from '../platform/services/accounts.services.ts';
import { parseInput } from '../platform/validation.ts';

/** Holding the refresh token is proof enough to end its session; the answer is the same for an unknown one. */
export const handler = httpHandler({ authorized: false, json: 'required' }, async ({ body }) => {
  const { refresh_token } = parseInput(logoutSchema, body);
  await endSession({ sessions: sessions() }, refresh_token);
  return successResponse({ message: 'Logout successful' });
});
