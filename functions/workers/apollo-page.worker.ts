import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { z } from 'zod';
import { collectPage } from '../domain/apollo/collect-page.ts';
import { logger, withInvocationLog } from '../platform/logger.ts';
import { collectPageDeps } from '../platform/services/apollo-collection.services.ts';
import { ownQueueMessage } from './own-queue-message.ts';

const processor = new BatchProcessor(EventType.SQS);

const pageTaskMessageSchema = z.strictObject({
  workspace_id: z.string().min(1),
  job_id: z.string().min(1),
  segment: z.string().min(1).max(64),
  page: z.int().min(1).max(10_000),
});

/**
 * The `apolloPages` consumer: one page of one segment of an `apollo_collection` job per message
 * (functions/domain/apollo/collect-page.ts has the rules). A transient failure fails the record,
 * so SQS delivers it again and the page is read again from its checkpoint.
 */
async function collectOne(record: SQSRecord): Promise<void> {
  const message = ownQueueMessage(record, pageTaskMessageSchema, 'apollo-page');
  if (!message) return;
  const result = await collectPage(collectPageDeps(), message);
  logger.info('Apollo page handled', { jobId: message.job_id, segment: message.segment, page: message.page, result });
}

export const handler = withInvocationLog(async (event: SQSEvent, context: Context) =>
  processPartialResponse(event, collectOne, processor, { context, throwOnFullBatchFailure: false }),
);
