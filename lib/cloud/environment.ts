import type { Bucket } from 'aws-cdk-lib/aws-s3';
import { envNames } from '../topology.ts';
import { entriesOf } from './naming.ts';
import type { Queues } from './queues.ts';
import type { Tables } from './tables.ts';

export interface EnvironmentSources {
  readonly tables: Tables;
  readonly queues: Queues;
  readonly bucket: Bucket;
  readonly searchEndpoint: string;
  readonly wsManagementEndpoint: string;
}

/**
 * The environment contract of `envNames`, identical for every function: a handler learns where
 * things are from here, and what it may do with them from its grants.
 */
export function functionEnvironment(sources: EnvironmentSources): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const [name, table] of entriesOf(sources.tables)) environment[envNames.table(name)] = table.tableName;
  for (const [name, queue] of entriesOf(sources.queues)) environment[envNames.queueUrl(name)] = queue.queueUrl;
  environment[envNames.bucket] = sources.bucket.bucketName;
  environment[envNames.searchEndpoint] = sources.searchEndpoint;
  environment[envNames.wsManagementEndpoint] = sources.wsManagementEndpoint;
  return environment;
}
