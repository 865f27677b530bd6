import { replaceContact } from '../domain/records/replace-contact.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { publishCounts } from '../platform/metrics.ts';
import { recordStore } from '../platform/services/dynamodb.services.ts';
import { expectedVersionOfRequest, recordResponse, uuidOfPath } from './record-response.ts';

/** PUT /v1/contacts/{uuid}: the contact's fields become the body's (Appointment360's full update). */
export const handler = httpHandler({ authorized: true, json: 'required' }, async ({ event, workspaceId, body }) => {
  const view = await replaceContact(recordStore(), workspaceId, uuidOfPath(event), body, expectedVersionOfRequest(event));
  publishCounts({ RecordsWritten: 1 });
  return recordResponse(view);
});
