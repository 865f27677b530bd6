import { countRecords } from '../domain/records/search-records.ts';
import { vqlCountSchema } from '../domain/vql/vql-schema.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { recordSearch } from '../platform/services/search.services.ts';
import { parseInput } from '../platform/validation.ts';
import { entityOfRoute } from './route-entity.ts';

export const handler = httpHandler({ authorized: true, json: 'optional' }, async ({ event, workspaceId, body }) => {
  const { where } = parseInput(vqlCountSchema, body, 'query');
  return successResponse({ count: await countRecords(recordSearch(), entityOfRoute(event), workspaceId, where) });
});
