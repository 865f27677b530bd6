import { patchRecord } from '../domain/records/patch-record.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { recordStore } from '../platform/services/dynamodb.services.ts';
import { expectedVersionOfRequest, recordResponse, uuidOfPath } from './record-response.ts';
import { entityOfRoute } from './route-entity.ts';

export const handler = httpHandler({ authorized: true, json: 'required' }, async ({ event, workspaceId, body }) => {
  const uuid = uuidOfPath(event);
  const expectedVersion = expectedVersionOfRequest(event);
  return recordResponse(await patchRecord(recordStore(), workspaceId, entityOfRoute(event), uuid, body, expectedVersion));
});
