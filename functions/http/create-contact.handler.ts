import { createContact } from '../domain/records/create-contact.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { publishCounts } from '../platform/metrics.ts';
import { recordStore } from '../platform/services/dynamodb.services.ts';
import { recordResponse } from './record-response.ts';
import { idempotencyMiddleware } from '../platform/services/idempotency.services.ts';

export const handler = httpHandler({ authorized: true, json: 'required', idempotency: idempotencyMiddleware() }, async ({ workspaceId, body }) => {
  const contact = await createContact(recordStore(), workspaceId, body);
  publishCounts({ RecordsWritten: 1 });
  return recordResponse(contact, 201, { location: `/v1/contacts/${contact.uuid}` });
});
