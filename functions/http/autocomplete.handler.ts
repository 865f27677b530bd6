import { autocomplete } from '../domain/filters/autocomplete.ts';
import { autocompleteQuerySchema } from '../domain/filters/filter-schemas.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { recordAnalytics } from '../platform/services/analytics.services.ts';
import { parseInput } from '../platform/validation.ts';
import { entityOfRoute } from './route-entity.ts';

export const handler = httpHandler({ authorized: true, json: false }, async ({ event, workspaceId }) => {
  const query = parseInput(autocompleteQuerySchema, event.queryStringParameters ?? {}, 'query string');
  return successResponse({ data: await autocomplete(recordAnalytics(), entityOfRoute(event), workspaceId, query) });
});
