import { ChangeMessageVisibilityCommand, SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { MAX_VISIBILITY_SECONDS } from './job-queue.sqs.ts';
import { TASK_SEND_BATCH } from '../../domain/enrich-websites/limits.ts';
import type { SiteTaskMessage, SiteTaskQueue } from '../../ports/site-tasks.port.ts';

/** Entries SQS failed to take are sent again this many times before the batch is reported failed. */
const MAX_RESEND_ROUNDS = 3;

export class SqsSiteTaskQueue implements SiteTaskQueue {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async send(messages: readonly SiteTaskMessage[]): Promise<void> {
    for (let start = 0; start < messages.length; start += TASK_SEND_BATCH) {
      await this.sendBatch(messages.slice(start, start + TASK_SEND_BATCH));
    }
  }

  async retryLater(receiptHandle: string, seconds: number): Promise<void> {
    const timeout = Math.min(MAX_VISIBILITY_SECONDS, Math.max(0, Math.ceil(seconds)));
    await this.client.send(new ChangeMessageVisibilityCommand({ QueueUrl: this.queueUrl, ReceiptHandle: receiptHandle, VisibilityTimeout: timeout }));
  }

  private async sendBatch(batch: readonly SiteTaskMessage[]): Promise<void> {
    let pending = batch.map((message, i) => ({ Id: String(i), MessageBody: JSON.stringify(message) }));
    for (let round = 0; pending.length > 0; round += 1) {
      if (round >= MAX_RESEND_ROUNDS) throw new Error(`${pending.length} site tasks could not be queued`);
      const answer = await this.client.send(new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: pending }));
      const failed = new Set((answer.Failed ?? []).map((entry) => entry.Id));
      pending = pending.filter((entry) => failed.has(entry.Id));
    }
  }
}
