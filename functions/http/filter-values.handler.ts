import { listFilterValues } from '../domain/filters/filter-values.ts';
import { filterValuesRequestSchema } from '../domain/filters/filter-schemas.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { recordAnalytics } from '../platform/services/analytics.services.ts';
import { parseInput } from '../platform/validation.ts';
import { entityOfRoute } from './route-entity.ts';

export const handler = httpHandler({ authorized: true, json: 'required' }, async ({ event, workspaceId, body }) => {
  const request = parseInput(filterValuesRequestSchema, body);
  return successResponse({ ...(await listFilterValues(recordAnalytics(), entityOfRoute(event), workspaceId, request)) });
});
