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
  shard: Shard;
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

export const startStreamPoller = (opts: StreamPollerOptions): Poller => {
  const { subscription, invoker, checkpoints, log } = opts;
  const ddb = new DynamoDBClient(localClientConfig(opts.endpoint));
  const streams = new DynamoDBStreamsClient(localClientConfig(opts.endpoint));
  const stopping = new AbortController();
  const windowMs = subscription.maxBatchingWindowSeconds * 1000;
  const label = `stream ${opts.tableName} → ${subscription.fn}`;
  let streamArn: string | undefined;
  const shards = new Map<string, ShardState>();
  let describedAt = 0;

  const describeShards = async (): Promise<Shard[]> => {
    const latest = (await ddb.send(new DescribeTableCommand({ TableName: opts.tableName }))).Table?.LatestStreamArn;
    if (latest !== streamArn) {
      shards.clear();
      streamArn = latest;
    }
    if (streamArn === undefined) return [];
    const found: Shard[] = [];
    let start: string | undefined;
    do {
      const page = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: start }));
      found.push(...(page.StreamDescription?.Shards ?? []));
      start = page.StreamDescription?.LastEvaluatedShardId;
    } while (start !== undefined);
    return found;
  };

  /** A child shard waits until its parent is finished, unless the parent has been trimmed away. */
  const refreshShards = async (): Promise<void> => {
    const listed = await describeShards();
    const listedIds = new Set(listed.map((shard) => shard.ShardId));
    for (const shard of listed) {
      const id = shard.ShardId ?? '';
      if (shards.has(id) || streamArn === undefined) continue;
      const checkpoint = checkpoints.get(streamArn, id);
      if (checkpoint.finished === true) continue;
      const parent = shard.ParentShardId;
      if (parent !== undefined && listedIds.has(parent) && checkpoints.get(streamArn, parent).finished !== true) continue;
      const reader = createShardReader(streams, streamArn, id, checkpoint.sequenceNumber, log);
      shards.set(id, { shard, reader, buffer: [], attempts: 0, retryAt: 0 });
    }
  };

  const commit = async (state: ShardState, count: number): Promise<void> => {
    const done = state.buffer.splice(0, count);
    state.attempts = 0;
    state.firstBufferedAt = state.buffer.length > 0 ? Date.now() : undefined;
    const last = done.at(-1);
    if (last !== undefined && streamArn !== undefined) {
      await checkpoints.set(streamArn, state.reader.shardId, { sequenceNumber: sequenceOf(last) });
    }
  };

  const fail = async (state: ShardState, batch: StreamRecord[], reason: string): Promise<void> => {
    state.attempts += 1;
    if (state.attempts > subscription.retryAttempts) {
      log.error(
        `${label}: giving up on ${batch.length} records (sequence ${sequenceOf(batch[0] ?? {})} to ${sequenceOf(batch.at(-1) ?? {})}) ` +
          `after ${subscription.retryAttempts} retries: ${reason}`,
      );
      await commit(state, batch.length);
      return;
    }
    log.warn(`${label}: batch failed (${reason}); retry ${state.attempts} of ${subscription.retryAttempts}`);
    state.retryAt = Date.now() + backoffMs(state.attempts, RETRY_BASE_MS, RETRY_MAX_MS);
  };

  const deliver = async (state: ShardState): Promise<void> => {
    if (streamArn === undefined) return;
    const batch = state.buffer.slice(0, subscription.batchSize);
    const arn = streamArn;
    const outcome = await invoker.invoke(subscription.fn, { Records: batch.map((record) => toLambdaRecord(record, arn)) });
    const verdict = readBatchResponse(outcome, new Set(batch.map(sequenceOf)));
    if (verdict.kind === 'success') return commit(state, batch.length);
    if (verdict.kind === 'failure') return fail(state, batch, verdict.reason);
    const firstFailed = lowestIndex(batch, verdict.failedIds);
    if (firstFailed > 0) {
      const attempts = state.attempts;
      await commit(state, firstFailed);
      state.attempts = attempts;
    }
    return fail(state, batch.slice(firstFailed), `${verdict.failedIds.length} records reported in batchItemFailures`);
  };

  const step = async (state: ShardState): Promise<void> => {
    if (state.buffer.length < subscription.batchSize && !state.reader.exhausted) {
      const records = await state.reader.read(subscription.batchSize - state.buffer.length);
      if (records.length > 0 && state.buffer.length === 0) state.firstBufferedAt = Date.now();
      state.buffer.push(...records);
    }
    if (state.buffer.length === 0) {
      if (state.reader.exhausted && streamArn !== undefined) {
        shards.delete(state.reader.shardId);
        const checkpoint = checkpoints.get(streamArn, state.reader.shardId);
        await checkpoints.set(streamArn, state.reader.shardId, { ...checkpoint, finished: true });
        describedAt = 0;
      }
      return;
    }
    if (Date.now() < state.retryAt) return;
    const full = state.buffer.length >= subscription.batchSize;
    const windowOver = Date.now() - (state.firstBufferedAt ?? 0) >= windowMs;
    if (full || windowOver || state.reader.exhausted) await deliver(state);
  };

  const loop = async (): Promise<void> => {
    while (!stopping.signal.aborted) {
      try {
        if (Date.now() - describedAt >= DESCRIBE_INTERVAL_MS) {
          await refreshShards();
          describedAt = Date.now();
        }
        for (const state of [...shards.values()]) {
          if (stopping.signal.aborted) break;
          await step(state);
        }
      } catch (error) {
        if (!stopping.signal.aborted) log.warn(`${label}: polling failed; trying again`, error);
      }
      await pause(POLL_INTERVAL_MS, stopping.signal);
    }
  };

  const running = loop();
  log.info(`polling ${label} (batch ${subscription.batchSize}, window ${subscription.maxBatchingWindowSeconds} s)`);
  return {
    stop: async () => {
      stopping.abort();
      await running;
      ddb.destroy();
      streams.destroy();
    },
  };
};
