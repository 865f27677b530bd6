import { searchCompanies } from '../domain/lookups/company-and-search-lookups.ts';
import { companySearchBodySchema, toCompanySearch } from '../domain/lookups/lookup-inputs.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { lookupDeps } from '../platform/services/lookups.services.ts';
import { parseInput } from '../platform/validation.ts';

/** `POST /v1/lookups/company/search`: a page of companies (1-25), each stored. */
export const handler = httpHandler({ authorized: true, json: 'required' }, async ({ body, workspaceId, principal }) => {
  const input = parseInput(companySearchBodySchema, body, 'body');
  const { answer, cached } = await searchCompanies(lookupDeps(), { workspaceId, ...(principal.userId ? { userId: principal.userId } : {}) }, toCompanySearch(input));
  return successResponse({ ...answer, cached });
});
