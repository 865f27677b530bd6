import { searchPeople } from '../domain/lookups/company-and-search-lookups.ts';
import { personSearchBodySchema, toPersonSearch } from '../domain/lookups/lookup-inputs.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { lookupDeps } from '../platform/services/lookups.services.ts';
import { parseInput } from '../platform/validation.ts';

/** `POST /v1/lookups/person/search`: a page of profiles (1-25), each stored as a contact. */
export const handler = httpHandler({ authorized: true, json: 'required' }, async ({ body, workspaceId, principal }) => {
  const input = parseInput(personSearchBodySchema, body, 'body');
  const { answer, cached } = await searchPeople(lookupDeps(), { workspaceId, ...(principal.userId ? { userId: principal.userId } : {}) }, toPersonSearch(input));
  return successResponse({ ...answer, cached });
});
