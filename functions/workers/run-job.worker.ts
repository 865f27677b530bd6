import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { releaseFailedCharge } from '../domain/exports/export-charge.ts';
import { jobMessageSchema } from '../domain/jobs/job-message.ts';
import { processJobMessage, RedeliveryRequested, type JobWorkerDeps } from '../domain/jobs/process-job-message.ts';
import { logger, withInvocationLog } from '../platform/logger.ts';
import { downloadLedger } from '../platform/services/accounts.services.ts';
import { jobQueue, jobStore } from '../platform/services/jobs.services.ts';
import { jobEvents } from '../platform/services/realtime.services.ts';
import { jobRunners } from './job-runners.ts';
import { ownQueueMessage } from './own-queue-message.ts';

const processor = new BatchProcessor(EventType.SQS);

const deps = (): JobWorkerDeps => ({
  jobs: jobStore(),
  events: jobEvents(),
  queue: jobQueue(),
  runners: jobRunners,
  log: logger,
  releaseCharge: (job) => releaseFailedCharge(jobStore(), downloadLedger(), job.workspaceId, job.id),
});

/**
 * The `jobs` queue consumer: every job type runs here (functions/domain/jobs/process-job-message.ts
 * has the claim, lease, retry and dead-letter rules). A failed record is reported in
 * `batchItemFailures` and comes back when the visibility the worker gave it runs out.
 */
async function runOne(record: SQSRecord, context?: Context): Promise<void> {
  const message = ownQueueMessage(record, jobMessageSchema, 'jobs');
  if (!message) return;
  logger.appendKeys({ jobId: message.job_id });
  try {
    await processJobMessage(deps(), {
      message,
      messageId: record.messageId,
      receiptHandle: record.receiptHandle,
      remainingMs: () => context?.getRemainingTimeInMillis() ?? 0,
    });
  } catch (error) {
    if (error instanceof RedeliveryRequested) logger.info('Job message left for redelivery', { reason: error.message });
    throw error;
  } finally {
    logger.removeKeys(['jobId']);
  }
}

// A redelivery the worker asks for is expected, not a function error: report every failed
// record in batchItemFailures instead of throwing when the (one-message) batch fails whole.
export const handler = withInvocationLog(async (event: SQSEvent, context: Context) =>
  processPartialResponse(event, runOne, processor, { context, throwOnFullBatchFailure: false }));
