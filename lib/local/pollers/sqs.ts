/**
 * The SQS event-source mapping: long-polls a queue, gathers up to `batchSize` messages within
 * the batching window and invokes the consumer with a Lambda-shaped SQS event.
 *
 * Like Lambda: successes are deleted; messages named in `batchItemFailures` (or the whole
 * batch when the handler throws or times out) are left alone and reappear after the
 * visibility timeout. fauxqs itself moves a message to the dead-letter queue once its
 * receive count passes the redrive policy's maxReceiveCount.
 */
import { DeleteMessageBatchCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Message } from '@aws-sdk/client-sqs';
import type { QueueSpec } from '../../topology.ts';
import { localClientConfig, sqsQueueArn } from '../aws.ts';
import type { Invoker } from '../invoke.ts';
import type { CloudLog } from '../log.ts';
import { pause } from '../timing.ts';
import { readBatchResponse } from './batch-response.ts';
import type { Poller } from './poller.ts';
import { toLambdaSqsRecord } from './sqs-records.ts';

/** SQS API limits: 10 messages per ReceiveMessage or DeleteMessageBatch, 20 s long poll. */
const RECEIVE_MAX = 10;
const DELETE_BATCH_MAX = 10;
const LONG_POLL_SECONDS = 20;
const ERROR_PAUSE_MS = 1_000;

export interface SqsPollerOptions {
  spec: QueueSpec;
  queueName: string;
  queueUrl: string;
  endpoint: string;
  invoker: Invoker;
  log: CloudLog;
}

export const startSqsPoller = (opts: SqsPollerOptions): Poller => {
  const { spec, invoker, log } = opts;
  const client = new SQSClient(localClientConfig(opts.endpoint));
  const stopping = new AbortController();
  const queueArn = sqsQueueArn(opts.queueName);
  const label = `queue ${opts.queueName} → ${spec.consumer}`;

  const receive = async (max: number, waitSeconds: number): Promise<Message[]> => {
    const { Messages = [] } = await client.send(
      new ReceiveMessageCommand({
        QueueUrl: opts.queueUrl,
        MaxNumberOfMessages: Math.min(max, RECEIVE_MAX),
        WaitTimeSeconds: waitSeconds,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      }),
      { abortSignal: stopping.signal },
    );
    return Messages;
  };

  /** Waits for a first message, then fills the batch until it is full or the window closes. */
  const gather = async (): Promise<Message[]> => {
    const batch = await receive(spec.batchSize, LONG_POLL_SECONDS);
    if (batch.length === 0) return batch;
    const deadline = Date.now() + spec.maxBatchingWindowSeconds * 1000;
    while (batch.length < spec.batchSize && Date.now() < deadline && !stopping.signal.aborted) {
      const more = await receive(spec.batchSize - batch.length, 0);
      if (more.length === 0) await pause(Math.min(100, deadline - Date.now()), stopping.signal);
      batch.push(...more);
    }
    return batch;
  };

  const deleteMessages = async (messages: Message[]): Promise<void> => {
    for (let start = 0; start < messages.length; start += DELETE_BATCH_MAX) {
      const chunk = messages.slice(start, start + DELETE_BATCH_MAX);
      const result = await client.send(
        new DeleteMessageBatchCommand({
          QueueUrl: opts.queueUrl,
          Entries: chunk.map((message, index) => ({ Id: String(index), ReceiptHandle: message.ReceiptHandle ?? '' })),
        }),
      );
      for (const failed of result.Failed ?? []) log.warn(`${label}: could not delete a handled message: ${failed.Message ?? failed.Code ?? ''}`);
    }
  };

  const deliver = async (batch: Message[]): Promise<void> => {
    const outcome = await invoker.invoke(spec.consumer, { Records: batch.map((message) => toLambdaSqsRecord(message, queueArn)) });
    const verdict = readBatchResponse(outcome, new Set(batch.map((message) => message.MessageId ?? '')));
    if (verdict.kind === 'failure') {
      log.warn(`${label}: batch of ${batch.length} failed (${verdict.reason}); it reappears after ${spec.visibilityTimeoutSeconds} s`);
      return;
    }
    const failed = new Set(verdict.kind === 'partial' ? verdict.failedIds : []);
    await deleteMessages(batch.filter((message) => !failed.has(message.MessageId ?? '')));
  };

  const loop = async (): Promise<void> => {
    while (!stopping.signal.aborted) {
      try {
        const batch = await gather();
        if (batch.length > 0) await deliver(batch);
      } catch (error) {
        if (stopping.signal.aborted) break;
        log.warn(`${label}: polling failed; trying again`, error);
        await pause(ERROR_PAUSE_MS, stopping.signal);
      }
    }
  };

  const running = loop();
  log.info(`polling ${label} (batch ${spec.batchSize}, window ${spec.maxBatchingWindowSeconds} s)`);
  return {
    stop: async () => {
      stopping.abort();
      await running;
      client.destroy();
    },
  };
};
