import { lookupIdSchema } from '../domain/lookups/lookup-inputs.ts';
import { lookupStatus } from '../domain/lookups/person-lookups.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { lookupResponse } from '../platform/http/lookup-response.ts';
import { lookupDeps } from '../platform/services/lookups.services.ts';
import { parseInput } from '../platform/validation.ts';
import { z } from 'zod';

/** `GET /v1/lookups/{id}/status`: the provider's checkStatus, for a lookup this workspace started. */
export const handler = httpHandler({ authorized: true, json: false }, async ({ event, workspaceId, principal }) => {
  const { id } = parseInput(z.object({ id: lookupIdSchema }), event.pathParameters ?? {}, 'path');
  const answer = await lookupStatus(lookupDeps(), { workspaceId, ...(principal.userId ? { userId: principal.userId } : {}) }, id);
  return lookupResponse(answer, false);
});
