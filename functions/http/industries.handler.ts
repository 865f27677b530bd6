import { getIndustry, industryParamsSchema, listIndustries } from '../domain/filters/industries.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { recordAnalytics } from '../platform/services/analytics.services.ts';
import { parseInput } from '../platform/validation.ts';

/** GET /v1/industries and GET /v1/industries/{id} (Appointment360's industries), from the data. */
export const handler = httpHandler({ authorized: true, json: false }, async ({ event, workspaceId }) => {
  if (event.pathParameters?.id === undefined) return successResponse({ ...(await listIndustries(recordAnalytics(), workspaceId)) });
  const { id } = parseInput(industryParamsSchema, event.pathParameters, 'path');
  return successResponse({ data: await getIndustry(recordAnalytics(), workspaceId, decodeURIComponent(id)) });
});
