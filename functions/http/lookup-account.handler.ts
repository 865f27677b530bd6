import { getAccount } from '../domain/lookups/account-key.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { lookupDeps } from '../platform/services/lookups.services.ts';

/** `GET /v1/lookups/account`: plan, credits used and remaining, reset date (cached 5 minutes). */
export const handler = httpHandler({ authorized: true, json: false }, async ({ workspaceId, principal }) => {
  const { account, cached } = await getAccount(lookupDeps(), { workspaceId, ...(principal.userId ? { userId: principal.userId } : {}) });
  return successResponse({ account, cached });
});
