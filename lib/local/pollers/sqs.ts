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
/** While filling a batch inside its window, how often to look again for more messages. */
const WINDOW_POLL_MS = 100;

export interface SqsPollerOptions {
  spec: QueueSpec;
  queueName: string;
  queueUrl: string;
  endpoint: string;
  invoker: Invoker;
  log: CloudLog;
}

class SqsPoller implements Poller {
  readonly #opts: SqsPollerOptions;
  readonly #client: SQSClient;
  readonly #stopping = new AbortController();
  readonly #queueArn: string;
  readonly #label: string;
  #running: Promise<void> = Promise.resolve();

  constructor(opts: SqsPollerOptions) {
    this.#opts = opts;
    this.#client = new SQSClient(localClientConfig(opts.endpoint));
    this.#queueArn = sqsQueueArn(opts.queueName);
    this.#label = `queue ${opts.queueName} → ${opts.spec.consumer}`;
  }

  start(): this {
    this.#running = this.#loop();
    this.#opts.log.info(`polling ${this.#label} (batch ${this.#opts.spec.batchSize}, window ${this.#opts.spec.maxBatchingWindowSeconds} s)`);
    return this;
  }

  async stop(): Promise<void> {
    this.#stopping.abort();
    await this.#running;
    this.#client.destroy();
  }

  async #loop(): Promise<void> {
    while (!this.#stopping.signal.aborted) {
      try {
        const batch = await this.#gather();
        if (batch.length > 0) await this.#deliver(batch);
      } catch (error) {
        if (this.#stopping.signal.aborted) break;
        this.#opts.log.warn(`${this.#label}: polling failed; trying again`, error);
        await pause(ERROR_PAUSE_MS, this.#stopping.signal);
      }
    }
  }

  async #receive(max: number, waitSeconds: number): Promise<Message[]> {
    const { Messages = [] } = await this.#client.send(
      new ReceiveMessageCommand({
        QueueUrl: this.#opts.queueUrl,
        MaxNumberOfMessages: Math.min(max, RECEIVE_MAX),
        WaitTimeSeconds: waitSeconds,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      }),
      { abortSignal: this.#stopping.signal },
    );
    return Messages;
  }

  /** Waits for a first message, then fills the batch until it is full or the window closes. */
  async #gather(): Promise<Message[]> {
    const { batchSize, maxBatchingWindowSeconds } = this.#opts.spec;
    const batch = await this.#receive(batchSize, LONG_POLL_SECONDS);
    if (batch.length === 0) return batch;
    const deadline = Date.now() + maxBatchingWindowSeconds * 1000;
    while (batch.length < batchSize && Date.now() < deadline && !this.#stopping.signal.aborted) {
      const more = await this.#receive(batchSize - batch.length, 0);
      if (more.length === 0) await pause(Math.min(WINDOW_POLL_MS, deadline - Date.now()), this.#stopping.signal);
      batch.push(...more);
    }
    return batch;
  }

  async #deliver(batch: Message[]): Promise<void> {
    const { spec, invoker, log } = this.#opts;
    const outcome = await invoker.invoke(spec.consumer, { Records: batch.map((message) => toLambdaSqsRecord(message, this.#queueArn)) });
    const verdict = readBatchResponse(outcome, new Set(batch.map((message) => message.MessageId ?? '')));
    if (verdict.kind === 'failure') {
      log.warn(`${this.#label}: batch of ${batch.length} failed (${verdict.reason}); it reappears after ${spec.visibilityTimeoutSeconds} s`);
      return;
    }
    const failed = new Set(verdict.kind === 'partial' ? verdict.failedIds : []);
    await this.#delete(batch.filter((message) => !failed.has(message.MessageId ?? '')));
  }

  async #delete(messages: Message[]): Promise<void> {
    for (let start = 0; start < messages.length; start += DELETE_BATCH_MAX) {
      const chunk = messages.slice(start, start + DELETE_BATCH_MAX);
      const result = await this.#client.send(
        new DeleteMessageBatchCommand({
          QueueUrl: this.#opts.queueUrl,
          Entries: chunk.map((message, index) => ({ Id: String(index), ReceiptHandle: message.ReceiptHandle ?? '' })),
        }),
      );
      for (const failed of result.Failed ?? []) this.#opts.log.warn(`${this.#label}: could not delete a handled message: ${failed.Message ?? failed.Code ?? ''}`);
    }
  }
}

export const startSqsPoller = (opts: SqsPollerOptions): Poller => new SqsPoller(opts).start();
