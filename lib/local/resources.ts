/**
 * Physical names of the topology's resources and their creation in the emulators.
 * Every step is idempotent: a persisted data directory is brought up to date on each start.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DEFAULT_CORS_ORIGINS } from '../topology.ts';
import type { QueueName, TableName, Topology } from '../topology.ts';
import { localClientConfig } from './aws.ts';
import type { CloudLog } from './log.ts';
import { ensureBucket } from './resources/bucket.ts';
import { ensureQueueWithDlq } from './resources/queues.ts';
import type { QueueNames } from './resources/queues.ts';
import { ensureTable } from './resources/tables.ts';
import type { LocalCloudResources, QueueResource } from './types.ts';

export const tableNameFor = (topology: Topology, table: TableName): string => `${topology.service}-${table}`;

export const queueNamesFor = (topology: Topology, queue: QueueName): QueueNames => ({
  name: `${topology.service}-${queue}`,
  dlqName: `${topology.service}-${queue}-dlq`,
});

export const bucketNameFor = (topology: Topology): string => `${topology.service}-uploads`;

/** `Object.keys` loses the key type; the topology's records are keyed by these unions. */
const keysOf = <K extends string>(record: Readonly<Record<K, unknown>>): K[] => Object.keys(record) as K[];

export interface ResourceEndpoints {
  dynamodb: string;
  sqs: string;
  s3: string;
}

const createTables = async (topology: Topology, endpoint: string, log: CloudLog): Promise<Record<TableName, string>> => {
  const client = new DynamoDBClient(localClientConfig(endpoint));
  try {
    const entries = await Promise.all(
      keysOf(topology.tables).map(async (table) => {
        const name = tableNameFor(topology, table);
        await ensureTable(client, name, topology.tables[table], log);
        return [table, name] as const;
      }),
    );
    return Object.fromEntries(entries) as Record<TableName, string>;
  } finally {
    client.destroy();
  }
};

const createQueues = async (topology: Topology, endpoint: string): Promise<Record<QueueName, QueueResource>> => {
  const client = new SQSClient(localClientConfig(endpoint));
  try {
    const entries = await Promise.all(
      keysOf(topology.queues).map(async (queue) => {
        const urls = await ensureQueueWithDlq(client, endpoint, queueNamesFor(topology, queue), topology.queues[queue]);
        return [queue, urls] as const;
      }),
    );
    return Object.fromEntries(entries) as Record<QueueName, QueueResource>;
  } finally {
    client.destroy();
  }
};

const createBucket = async (topology: Topology, endpoint: string): Promise<string> => {
  const client = new S3Client({ ...localClientConfig(endpoint), forcePathStyle: true });
  try {
    const bucket = bucketNameFor(topology);
    await ensureBucket(client, bucket, topology.bucket, DEFAULT_CORS_ORIGINS);
    return bucket;
  } finally {
    client.destroy();
  }
};

export const createResources = async (topology: Topology, endpoints: ResourceEndpoints, log: CloudLog): Promise<LocalCloudResources> => {
  const [tables, queues, bucket] = await Promise.all([
    createTables(topology, endpoints.dynamodb, log),
    createQueues(topology, endpoints.sqs),
    createBucket(topology, endpoints.s3),
  ]);
  return { tables, queues, bucket };
};
