import { createApiKeySchema } from '../domain/accounts/schemas.ts';
import { createKey } from '../domain/auth/manage-api-keys.ts';
import { config } from '../platform/config.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { apiKeyCatalog } from '../platform/services/accounts.services.ts';
import { parseInput } from '../platform/validation.ts';

export const handler = httpHandler({ authorized: true, json: 'required' }, async ({ principal, body }) => {
  const input = parseInput(createApiKeySchema, body);
  const limits = { maxKeysPerUser: config().MAX_API_KEYS_PER_USER };
  const created = await createKey(apiKeyCatalog(), principal, { name: input.name, ...(input.role ? { role: input.role } : {}) }, limits);
  return successResponse({ message: 'Store this key now: it is shown only once', ...created }, 201);
});
