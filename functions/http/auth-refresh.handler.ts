import { refreshSchema } from '../domain/accounts/schemas.ts';
import { refreshSession } from '../domain/accounts/sessions.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { sessionDeps } from '../platform/services/accounts.services.ts';
import { parseInput } from '../platform/validation.ts';

export const handler = httpHandler({ authorized: false, json: 'required' }, async ({ body }) => {
  const { refresh_token } = parseInput(refreshSchema, body);
  return successResponse({ ...(await refreshSession(sessionDeps(), refresh_token)) });
});
