import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { TASK_SEND_BATCH } from '../../domain/enrich-websites/limits.ts';
import { MAX_REQUEUE_DELAY_SECONDS } from '../../domain/apollo/limits.ts';
import type { PageTaskMessage, PageTaskQueue } from '../../ports/apollo-collection.port.ts';

/** Entries SQS failed to take are sent again this many times before the batch is reported failed. */
const MAX_RESEND_ROUNDS = 3;

/** The Apollo page queue: one message per segment page, delayed when the source asked to wait. */
export class SqsPageTaskQueue implements PageTaskQueue {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async send(messages: readonly PageTaskMessage[], delaySeconds?: number): Promise<void> {
    const delay = delaySeconds === undefined ? undefined : Math.min(MAX_REQUEUE_DELAY_SECONDS, Math.max(0, Math.ceil(delaySeconds)));
    for (let start = 0; start < messages.length; start += TASK_SEND_BATCH) {
      let pending = messages.slice(start, start + TASK_SEND_BATCH).map((message, i) => ({ Id: String(i), MessageBody: JSON.stringify(message), ...(delay === undefined ? {} : { DelaySeconds: delay }) }));
      for (let round = 0; pending.length > 0; round += 1) {
        if (round >= MAX_RESEND_ROUNDS) throw new Error(`${pending.length} Apollo page tasks could not be queued`);
        const answer = await this.client.send(new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: pending }));
        const failed = new Set((answer.Failed ?? []).map((entry) => entry.Id));
        pending = pending.filter((entry) => failed.has(entry.Id));
      }
    }
  }
}
