import { deleteRecord } from '../domain/records/delete-record.ts';
import { etagOf } from '../domain/records/record-request.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { recordStore } from '../platform/services/dynamodb.services.ts';
import { expectedVersionOfRequest, uuidOfPath } from './record-response.ts';
import { entityOfRoute } from './route-entity.ts';

export const handler = httpHandler({ authorized: true, json: false }, async ({ event, workspaceId }) => {
  const entity = entityOfRoute(event);
  const deleted = await deleteRecord(recordStore(), workspaceId, entity, uuidOfPath(event), expectedVersionOfRequest(event));
  const response = successResponse({ message: `The ${entity} was deleted`, ...deleted });
  return { ...response, headers: { ...response.headers, etag: etagOf(deleted.version) } };
});
