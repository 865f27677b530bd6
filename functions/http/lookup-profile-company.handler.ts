import { lookupProfileCompany } from '../domain/lookups/person-lookups.ts';
import { personLookupQuerySchema, toPersonLookup } from '../domain/lookups/lookup-inputs.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { lookupResponse } from '../platform/http/lookup-response.ts';
import { lookupDeps } from '../platform/services/lookups.services.ts';
import { parseInput } from '../platform/validation.ts';

/** `GET /v1/lookups/profile-company`: a person and their employer in one provider call, both stored and linked. */
export const handler = httpHandler({ authorized: true, json: false }, async ({ event, workspaceId, principal }) => {
  const query = parseInput(personLookupQuerySchema, event.queryStringParameters ?? {}, 'query');
  const { answer, cached } = await lookupProfileCompany(lookupDeps(), { workspaceId, ...(principal.userId ? { userId: principal.userId } : {}) }, toPersonLookup(query));
  return lookupResponse(answer, cached);
});
