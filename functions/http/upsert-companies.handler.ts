import { upsertBatch } from '../domain/records/upsert-batch.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { countMetric } from '../platform/metrics.ts';
import { recordStore } from '../platform/services/dynamodb.services.ts';

export const handler = httpHandler({ authorized: true, json: 'required' }, async ({ workspaceId, body }) => {
  const { status, ...report } = await upsertBatch(recordStore(), workspaceId, 'company', body);
  countMetric('RecordsWritten', report.created + report.updated);
  countMetric('RowsRejected', report.failed.length);
  return successResponse(report, status);
});
