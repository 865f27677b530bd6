/**
 * The shard reader against a scripted Streams client: the one DynamoDB Local behaviour that
 * only shows after minutes of a real session (a trimmed-data error on a live iterator of a
 * database file) is replayed here in milliseconds.
 */
import { GetRecordsCommand, GetShardIteratorCommand, TrimmedDataAccessException } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { describe, expect, it } from 'vitest';
import { createLog } from '../../../lib/local/log.ts';
import { createShardReader } from '../../../lib/local/pollers/stream-shard.ts';

const trimmed = (): TrimmedDataAccessException => new TrimmedDataAccessException({ message: 'trimmed', $metadata: {} });

describe('stream shard reader', () => {
  it('It should take a new iterator after the last record read when a live iterator reports trimmed data', async () => {
    // Prepare
    const iteratorRequests: unknown[] = [];
    const replies: (() => unknown)[] = [
      () => ({ Records: [{ dynamodb: { SequenceNumber: '1' } }], NextShardIterator: 'it-2' }),
      () => {
        throw trimmed();
      },
      () => ({ Records: [{ dynamodb: { SequenceNumber: '2' } }], NextShardIterator: 'it-4' }),
    ];
    const client = {
      send: async (command: unknown) => {
        if (command instanceof GetShardIteratorCommand) {
          iteratorRequests.push(command.input);
          return { ShardIterator: `fresh-${iteratorRequests.length}` };
        }
        if (command instanceof GetRecordsCommand) return replies.shift()?.();
        throw new Error('unexpected command');
      },
    } as unknown as DynamoDBStreamsClient;
    const reader = createShardReader(client, 'arn:stream', 'shard-1', undefined, createLog(true));

    // Act
    const first = await reader.read(10);
    const afterTrim = await reader.read(10);
    const resumed = await reader.read(10);

    // Assess
    expect(first.map((record) => record.dynamodb?.SequenceNumber)).toEqual(['1']);
    expect(afterTrim).toEqual([]);
    expect(resumed.map((record) => record.dynamodb?.SequenceNumber)).toEqual(['2']);
    expect(iteratorRequests).toEqual([
      { StreamArn: 'arn:stream', ShardId: 'shard-1', ShardIteratorType: 'TRIM_HORIZON' },
      { StreamArn: 'arn:stream', ShardId: 'shard-1', ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: '1' },
    ]);
  });
});
