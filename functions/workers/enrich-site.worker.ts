import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { z } from 'zod';
import { enrichSiteTask, type SiteTaskDeps } from '../domain/enrich-websites/enrich-site-task.ts';
import { SITE_TASK_MAX_RECEIVES } from '../domain/enrich-websites/limits.ts';
import { logger, withInvocationLog } from '../platform/logger.ts';
import { crawlDeps, enrichmentWriterDeps, siteTaskQueue, siteTaskStore } from '../platform/services/enrichment.services.ts';
import { jobStore } from '../platform/services/jobs.services.ts';
import { OutboundRequeueError } from '../ports/outbound-http.port.ts';
import { ownQueueMessage } from './own-queue-message.ts';

/** A transient failure is tried again this soon, not after the queue's long visibility timeout. */
const TRANSIENT_RETRY_SECONDS = 30;

const processor = new BatchProcessor(EventType.SQS);

const siteTaskMessageSchema = z.strictObject({ workspace_id: z.string().min(1), job_id: z.string().min(1), key: z.string().min(1).max(512) });

const deps = (): SiteTaskDeps => ({ jobs: jobStore(), tasks: siteTaskStore(), crawl: crawlDeps, writer: enrichmentWriterDeps() });

/**
 * The `siteTasks` consumer: one site of an `enrich_websites` job per message, a batch side by
 * side (functions/domain/enrich-websites/enrich-site-task.ts has the rules). A transient failure
 * fails the record, so SQS delivers it again; its last delivery settles the site as failed.
 */
async function enrichOne(record: SQSRecord): Promise<void> {
  const message = ownQueueMessage(record, siteTaskMessageSchema, 'site-task');
  if (!message) return;
  const receives = Number(record.attributes.ApproximateReceiveCount ?? '1');
  try {
    const result = await enrichSiteTask(deps(), { message, lastAttempt: receives >= SITE_TASK_MAX_RECEIVES });
    logger.info('Site task settled', { jobId: message.job_id, site: message.key, result });
  } catch (error) {
    // The crawl budget is spent for now (requeue) or something transient failed: back soon.
    const seconds = error instanceof OutboundRequeueError ? error.retryAfterMs / 1000 : TRANSIENT_RETRY_SECONDS;
    logger.warn('Site task will be tried again', { jobId: message.job_id, site: message.key, seconds, error });
    await siteTaskQueue().retryLater(record.receiptHandle, seconds);
    throw error;
  }
}

export const handler = withInvocationLog(async (event: SQSEvent, context: Context) =>
  processPartialResponse(event, enrichOne, processor, { context, throwOnFullBatchFailure: false }),
);
