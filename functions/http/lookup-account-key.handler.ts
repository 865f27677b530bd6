import { rotateProviderKey } from '../domain/lookups/account-key.ts';
import { rotateKeyBodySchema } from '../domain/lookups/lookup-inputs.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { lookupDeps } from '../platform/services/lookups.services.ts';
import { parseInput } from '../platform/validation.ts';

/** `POST /v1/lookups/account/key` (admin): the workspace's own provider key, checked with the provider, then sealed. */
export const handler = httpHandler({ admin: true, authorized: true, json: 'required' }, async ({ body, workspaceId, principal }) => {
  const { api_key } = parseInput(rotateKeyBodySchema, body, 'body');
  const rotated = await rotateProviderKey(lookupDeps(), { workspaceId, ...(principal.userId ? { userId: principal.userId } : {}) }, api_key);
  return successResponse({ key: rotated });
});
