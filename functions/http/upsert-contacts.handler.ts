import { upsertBatch } from '../domain/records/upsert-batch.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { publishCounts } from '../platform/metrics.ts';
import { recordStore } from '../platform/services/dynamodb.services.ts';

export const handler = httpHandler({ authorized: true, json: 'required' }, async ({ workspaceId, body }) => {
  const { status, ...report } = await upsertBatch(recordStore(), workspaceId, 'contact', body);
  publishCounts({ RecordsWritten: report.created + report.updated, RowsRejected: report.failed.length });
  return successResponse(report, status);
});
