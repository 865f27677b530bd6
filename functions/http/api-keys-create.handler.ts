import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { createApiKeySchema } from '../domain/accounts/schemas.ts';
import { createKey } from '../domain/auth/manage-api-keys.ts';
import { config } from '../platform/config.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { apiKeyCatalog } from '../platform/services/accounts.services.ts';
import { parseInput } from '../platform/validation.ts';
import { idempotencyMiddleware } from '../platform/services/idempotency.services.ts';

const REPLAYED_KEY_MESSAGE = 'This key was shown once, in the first answer to this Idempotency-Key; if it was lost, revoke it and create another';

/**
 * What an Idempotency-Key replay answers: the first answer without the plaintext key, which is
 * never stored anywhere (only its hash is).
 */
function withoutPlaintextKey(response: APIGatewayProxyResultV2): APIGatewayProxyResultV2 {
  if (typeof response !== 'object' || typeof response.body !== 'string') return response;
  const body = JSON.parse(response.body) as Record<string, unknown>;
  return { ...response, body: JSON.stringify({ ...body, message: REPLAYED_KEY_MESSAGE, key: null }) };
}

export const handler = httpHandler({ authorized: true, json: 'required', idempotency: idempotencyMiddleware(withoutPlaintextKey) }, async ({ principal, body }) => {
  const input = parseInput(createApiKeySchema, body);
  const limits = { maxKeysPerUser: config().MAX_API_KEYS_PER_USER };
  const created = await createKey(apiKeyCatalog(), principal, { name: input.name, ...(input.role ? { role: input.role } : {}) }, limits);
  return successResponse({ message: 'Store this key now: it is shown only once', ...created }, 201);
});
