/**
 * Reads one DynamoDB Streams shard through the real Streams API: an iterator that resumes
 * after the last record read, is renewed when it expires, and reports when the shard closes.
 */
import {
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  ResourceNotFoundException,
  TrimmedDataAccessException,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBStreamsClient, _Record as StreamRecord } from '@aws-sdk/client-dynamodb-streams';
import type { CloudLog } from '../log.ts';

/** GetRecords returns at most 1000 records per call. */
export const GET_RECORDS_MAX = 1000;

export interface ShardReader {
  readonly shardId: string;
  /** The shard is closed and every record has been read. */
  readonly exhausted: boolean;
  read(limit: number): Promise<StreamRecord[]>;
}

export const createShardReader = (
  client: DynamoDBStreamsClient,
  streamArn: string,
  shardId: string,
  startAfter: string | undefined,
  log: CloudLog,
): ShardReader => {
  let iterator: string | undefined;
  let lastRead = startAfter;
  let exhausted = false;

  const newIterator = async (): Promise<string | undefined> => {
    const position =
      lastRead === undefined
        ? { ShardIteratorType: 'TRIM_HORIZON' as const }
        : { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER' as const, SequenceNumber: lastRead };
    try {
      return (await client.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ...position }))).ShardIterator;
    } catch (error) {
      if (error instanceof TrimmedDataAccessException && lastRead !== undefined) {
        log.warn(`stream shard ${shardId}: records after ${lastRead} were trimmed (older than 24 h); resuming at the oldest`);
        lastRead = undefined;
        return newIterator();
      }
      throw error;
    }
  };

  const read = async (limit: number): Promise<StreamRecord[]> => {
    if (exhausted) return [];
    try {
      iterator ??= await newIterator();
      if (iterator === undefined) {
        exhausted = true;
        return [];
      }
      const page = await client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: Math.min(limit, GET_RECORDS_MAX) }));
      const records = page.Records ?? [];
      lastRead = records.at(-1)?.dynamodb?.SequenceNumber ?? lastRead;
      iterator = page.NextShardIterator;
      if (iterator === undefined) exhausted = true;
      return records;
    } catch (error) {
      // Iterators expire after 15 minutes; a new one resumes after the last record read.
      // DynamoDB Local with a database file also answers TrimmedDataAccess to an iterator
      // taken while the shard was empty, once records arrive; a new iterator reads them.
      if (error instanceof ExpiredIteratorException || error instanceof TrimmedDataAccessException) {
        iterator = undefined;
        return [];
      }
      if (error instanceof ResourceNotFoundException) {
        exhausted = true;
        return [];
      }
      throw error;
    }
  };

  return {
    shardId,
    get exhausted() {
      return exhausted;
    },
    read,
  };
};
