import { lookupPerson } from '../domain/lookups/person-lookups.ts';
import { personLookupQuerySchema, toPersonLookup } from '../domain/lookups/lookup-inputs.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { lookupResponse } from '../platform/http/lookup-response.ts';
import { lookupDeps } from '../platform/services/lookups.services.ts';
import { parseInput } from '../platform/validation.ts';

/** `GET /v1/lookups/person`: 200 when the provider finished, 202 with `lookup_id` while it still searches. */
export const handler = httpHandler({ authorized: true, json: false }, async ({ event, workspaceId, principal }) => {
  const query = parseInput(personLookupQuerySchema, event.queryStringParameters ?? {}, 'query');
  const { answer, cached } = await lookupPerson(lookupDeps(), { workspaceId, ...(principal.userId ? { userId: principal.userId } : {}) }, toPersonLookup(query));
  return lookupResponse(answer, cached);
});
