import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, S3Event, SQSEvent, SQSRecord } from 'aws-lambda';
import { workspaceOfKey } from '../domain/uploads/upload-key.ts';
import { logger, withInvocationLog } from '../platform/logger.ts';
import { uploadLog } from '../platform/services/dynamodb.services.ts';

const processor = new BatchProcessor(EventType.SQS);

/** S3 ObjectCreated (through SQS) → the upload is recorded against its workspace. */
async function recordArrivals(message: SQSRecord): Promise<void> {
  const event = JSON.parse(message.body) as Partial<S3Event> & { Event?: string };
  // S3 sends one test event when a notification is configured; it names no object.
  if (event.Event === 's3:TestEvent') return;
  for (const record of event.Records ?? []) {
    // S3 event keys are URL-encoded with '+' for spaces.
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    const workspaceId = workspaceOfKey(key);
    if (!workspaceId) {
      logger.warn('Object outside any workspace prefix', { key });
      continue;
    }
    await uploadLog().record({
      workspaceId,
      key,
      size: record.s3.object.size,
      etag: record.s3.object.eTag,
      receivedAt: record.eventTime,
    });
  }
}

export const handler = withInvocationLog(async (event: SQSEvent, context: Context) =>
  processPartialResponse(event, recordArrivals, processor, { context }));
