import { getRecord } from '../domain/records/get-record.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { recordStore } from '../platform/services/dynamodb.services.ts';
import { recordResponse, uuidOfPath } from './record-response.ts';
import { entityOfRoute } from './route-entity.ts';

export const handler = httpHandler({ authorized: true, json: false }, async ({ event, workspaceId }) =>
  recordResponse(await getRecord(recordStore(), workspaceId, entityOfRoute(event), uuidOfPath(event))),
);
