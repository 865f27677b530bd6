import { listKeys } from '../domain/auth/manage-api-keys.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { apiKeyCatalog } from '../platform/services/accounts.services.ts';

export const handler = httpHandler({ authorized: true, json: false }, async ({ principal }) =>
  successResponse({ api_keys: await listKeys(apiKeyCatalog(), principal) }),
);
