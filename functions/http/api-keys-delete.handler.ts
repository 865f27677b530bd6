import { apiKeyParamsSchema } from '../domain/accounts/schemas.ts';
import { revokeKey } from '../domain/auth/manage-api-keys.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { apiKeyCatalog } from '../platform/services/accounts.services.ts';
import { parseInput } from '../platform/validation.ts';

export const handler = httpHandler({ authorized: true, json: false }, async ({ event, principal }) => {
  const { id } = parseInput(apiKeyParamsSchema, event.pathParameters ?? {}, 'path');
  await revokeKey(apiKeyCatalog(), principal, id);
  return successResponse({ message: 'API key revoked' });
});
