import { searchRecords } from '../domain/records/search-records.ts';
import { vqlQuerySchema } from '../domain/vql/vql-schema.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { recordSearch } from '../platform/services/search.services.ts';
import { parseInput } from '../platform/validation.ts';
import { entityOfRoute } from './route-entity.ts';

export const handler = httpHandler({ authorized: true, json: 'optional' }, async ({ event, workspaceId, body }) => {
  const query = parseInput(vqlQuerySchema, body, 'query');
  return successResponse({ ...(await searchRecords(recordSearch(), entityOfRoute(event), workspaceId, query)) });
});
