import { lookupCompany } from '../domain/lookups/company-and-search-lookups.ts';
import { companyLookupQuerySchema, toCompanyLookup } from '../domain/lookups/lookup-inputs.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { lookupDeps } from '../platform/services/lookups.services.ts';
import { parseInput } from '../platform/validation.ts';

/** `GET /v1/lookups/company` by name, domain or LinkedIn URL; the company is stored. */
export const handler = httpHandler({ authorized: true, json: false }, async ({ event, workspaceId, principal }) => {
  const query = parseInput(companyLookupQuerySchema, event.queryStringParameters ?? {}, 'query');
  const { answer, cached } = await lookupCompany(lookupDeps(), { workspaceId, ...(principal.userId ? { userId: principal.userId } : {}) }, toCompanyLookup(query));
  return successResponse({ ...answer, cached });
});
