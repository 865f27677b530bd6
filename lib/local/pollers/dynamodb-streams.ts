/**
 * The DynamoDB Streams event-source mapping: reads a table's stream through the real Streams
 * API of DynamoDB Local and invokes the subscribed function with Lambda-shaped batches.
 *
 * Like Lambda it honours the batch size and batching window, processes a parent shard before
 * its children, retries a failing batch (from the lowest failed sequence number when the
 * handler reports `batchItemFailures`), and after `retryAttempts` retries skips the batch and
 * says so (Lambda would send it to the on-failure destination).
 */
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { Shard, _Record as StreamRecord } from '@aws-sdk/client-dynamodb-streams';
import type { StreamSubscription } from '../../topology.ts';
import { localClientConfig } from '../aws.ts';
import type { Invoker } from '../invoke.ts';
import type { CloudLog } from '../log.ts';
import { backoffMs, pause } from '../timing.ts';
import { readBatchResponse } from './batch-response.ts';
import type { CheckpointStore } from './checkpoints.ts';
import type { Poller } from './poller.ts';
import { createShardReader } from './stream-shard.ts';
import type { ShardReader } from './stream-shard.ts';
import { toLambdaRecord } from './stream-records.ts';

const POLL_INTERVAL_MS = 250;
/** New shards (and a re-created table's new stream) are discovered at this pace. */
const DESCRIBE_INTERVAL_MS = 2_000;
const RETRY_BASE_MS = 200;
const RETRY_MAX_MS = 5_000;

interface ShardState {
  reader: ShardReader;
  buffer: StreamRecord[];
  firstBufferedAt?: number;
  attempts: number;
  retryAt: number;
}

export interface StreamPollerOptions {
  subscription: StreamSubscription;
  tableName: string;
  endpoint: string;
  invoker: Invoker;
  checkpoints: CheckpointStore;
  log: CloudLog;
}

const sequenceOf = (record: StreamRecord): string => record.dynamodb?.SequenceNumber ?? '';

/** The batch is in sequence order, so the lowest failed sequence number is the first failed index. */
const lowestIndex = (batch: StreamRecord[], failedIds: string[]): number =>
  Math.min(...failedIds.map((id) => batch.findIndex((record) => sequenceOf(record) === id)));

/** One subscription's poller; `start()` runs its loop until `stop()`. */
class StreamPoller implements Poller {
  readonly #opts: StreamPollerOptions;
  readonly #ddb: DynamoDBClient;
  readonly #streams: DynamoDBStreamsClient;
  readonly #stopping = new AbortController();
  readonly #shards = new Map<string, ShardState>();
  readonly #label: string;
  #streamArn: string | undefined;
  #describedAt = 0;
  #running: Promise<void> = Promise.resolve();

  constructor(opts: StreamPollerOptions) {
    this.#opts = opts;
    this.#ddb = new DynamoDBClient(localClientConfig(opts.endpoint));
    this.#streams = new DynamoDBStreamsClient(localClientConfig(opts.endpoint));
    this.#label = `stream ${opts.tableName} → ${opts.subscription.fn}`;
  }

  start(): this {
    this.#running = this.#loop();
    const { batchSize, maxBatchingWindowSeconds } = this.#opts.subscription;
    this.#opts.log.info(`polling ${this.#label} (batch ${batchSize}, window ${maxBatchingWindowSeconds} s)`);
    return this;
  }

  async stop(): Promise<void> {
    this.#stopping.abort();
    await this.#running;
    this.#ddb.destroy();
    this.#streams.destroy();
  }

  async #loop(): Promise<void> {
    const signal = this.#stopping.signal;
    while (!signal.aborted) {
      try {
        if (Date.now() - this.#describedAt >= DESCRIBE_INTERVAL_MS) {
          await this.#refreshShards();
          this.#describedAt = Date.now();
        }
        for (const state of [...this.#shards.values()]) {
          if (signal.aborted) break;
          await this.#step(state);
        }
      } catch (error) {
        if (!signal.aborted) this.#opts.log.warn(`${this.#label}: polling failed; trying again`, error);
      }
      await pause(POLL_INTERVAL_MS, signal);
    }
  }

  /** The table's current stream (a re-created table gets a new one) and all its shards. */
  async #describeShards(): Promise<Shard[]> {
    const latest = (await this.#ddb.send(new DescribeTableCommand({ TableName: this.#opts.tableName }))).Table?.LatestStreamArn;
    if (latest !== this.#streamArn) {
      this.#shards.clear();
      this.#streamArn = latest;
    }
    if (latest === undefined) return [];
    const found: Shard[] = [];
    let start: string | undefined;
    do {
      const page = await this.#streams.send(new DescribeStreamCommand({ StreamArn: latest, ExclusiveStartShardId: start }));
      found.push(...(page.StreamDescription?.Shards ?? []));
      start = page.StreamDescription?.LastEvaluatedShardId;
    } while (start !== undefined);
    return found;
  }

  /** A child shard waits until its parent is finished, unless the parent has been trimmed away. */
  async #refreshShards(): Promise<void> {
    const listed = await this.#describeShards();
    const streamArn = this.#streamArn;
    if (streamArn === undefined) return;
    const { checkpoints, log } = this.#opts;
    const listedIds = new Set(listed.map((shard) => shard.ShardId));
    for (const shard of listed) {
      const id = shard.ShardId ?? '';
      if (this.#shards.has(id)) continue;
      const checkpoint = checkpoints.get(streamArn, id);
      if (checkpoint.finished === true) continue;
      const parent = shard.ParentShardId;
      if (parent !== undefined && listedIds.has(parent) && checkpoints.get(streamArn, parent).finished !== true) continue;
      const reader = createShardReader(this.#streams, streamArn, id, checkpoint.sequenceNumber, log);
      this.#shards.set(id, { reader, buffer: [], attempts: 0, retryAt: 0 });
    }
  }

  /** Reads what the batch still lacks, then delivers once it is full, the window is over or the shard closed. */
  async #step(state: ShardState): Promise<void> {
    const { batchSize, maxBatchingWindowSeconds } = this.#opts.subscription;
    if (state.buffer.length < batchSize && !state.reader.exhausted) {
      const records = await state.reader.read(batchSize - state.buffer.length);
      if (records.length > 0 && state.buffer.length === 0) state.firstBufferedAt = Date.now();
      state.buffer.push(...records);
    }
    if (state.buffer.length === 0) {
      if (state.reader.exhausted) await this.#finish(state);
      return;
    }
    if (Date.now() < state.retryAt) return;
    const full = state.buffer.length >= batchSize;
    const windowOver = Date.now() - (state.firstBufferedAt ?? 0) >= maxBatchingWindowSeconds * 1000;
    if (full || windowOver || state.reader.exhausted) await this.#deliver(state);
  }

  async #finish(state: ShardState): Promise<void> {
    if (this.#streamArn === undefined) return;
    const { shardId } = state.reader;
    this.#shards.delete(shardId);
    const checkpoint = this.#opts.checkpoints.get(this.#streamArn, shardId);
    await this.#opts.checkpoints.set(this.#streamArn, shardId, { ...checkpoint, finished: true });
    // Its children can start now rather than at the next periodic describe.
    this.#describedAt = 0;
  }

  async #deliver(state: ShardState): Promise<void> {
    const streamArn = this.#streamArn;
    if (streamArn === undefined) return;
    const { subscription, invoker } = this.#opts;
    const batch = state.buffer.slice(0, subscription.batchSize);
    const outcome = await invoker.invoke(subscription.fn, { Records: batch.map((record) => toLambdaRecord(record, streamArn)) });
    const verdict = readBatchResponse(outcome, new Set(batch.map(sequenceOf)));
    if (verdict.kind === 'success') return this.#commit(state, batch.length);
    if (verdict.kind === 'failure') return this.#fail(state, batch, verdict.reason);
    const firstFailed = lowestIndex(batch, verdict.failedIds);
    if (firstFailed > 0) {
      // The records before the first failure are done; the retry starts at the failure.
      const attempts = state.attempts;
      await this.#commit(state, firstFailed);
      state.attempts = attempts;
    }
    return this.#fail(state, batch.slice(firstFailed), `${verdict.failedIds.length} records reported in batchItemFailures`);
  }

  async #commit(state: ShardState, count: number): Promise<void> {
    const done = state.buffer.splice(0, count);
    state.attempts = 0;
    state.firstBufferedAt = state.buffer.length > 0 ? Date.now() : undefined;
    const last = done.at(-1);
    if (last !== undefined && this.#streamArn !== undefined) {
      await this.#opts.checkpoints.set(this.#streamArn, state.reader.shardId, { sequenceNumber: sequenceOf(last) });
    }
  }

  async #fail(state: ShardState, batch: StreamRecord[], reason: string): Promise<void> {
    const { retryAttempts } = this.#opts.subscription;
    state.attempts += 1;
    if (state.attempts > retryAttempts) {
      const range = `sequence ${sequenceOf(batch[0] ?? {})} to ${sequenceOf(batch.at(-1) ?? {})}`;
      this.#opts.log.error(`${this.#label}: giving up on ${batch.length} records (${range}) after ${retryAttempts} retries: ${reason}`);
      await this.#commit(state, batch.length);
      return;
    }
    this.#opts.log.warn(`${this.#label}: batch failed (${reason}); retry ${state.attempts} of ${retryAttempts}`);
    state.retryAt = Date.now() + backoffMs(state.attempts, RETRY_BASE_MS, RETRY_MAX_MS);
  }
}

export const startStreamPoller = (opts: StreamPollerOptions): Poller => new StreamPoller(opts).start();
