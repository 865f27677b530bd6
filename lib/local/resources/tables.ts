/** DynamoDB tables from the topology, created or brought up to date on every start. */
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import type { AttributeDefinition, DynamoDBClient, GlobalSecondaryIndex, KeySchemaElement, TableDescription } from '@aws-sdk/client-dynamodb';
import type { TableSpec } from '../../topology.ts';
import type { CloudLog } from '../log.ts';

const TABLE_WAIT_SECONDS = 30;

/** The topology names key attributes but not their types; every key in this project is a string. */
const stringAttribute = (name: string): AttributeDefinition => ({ AttributeName: name, AttributeType: 'S' });

const keySchema = (partitionKey: string, sortKey?: string): KeySchemaElement[] => [
  { AttributeName: partitionKey, KeyType: 'HASH' },
  ...(sortKey === undefined ? [] : [{ AttributeName: sortKey, KeyType: 'RANGE' as const }]),
];

const globalIndexes = (spec: TableSpec): GlobalSecondaryIndex[] =>
  Object.entries(spec.globalIndexes ?? {}).map(([IndexName, keys]) => ({
    IndexName,
    KeySchema: keySchema(keys.partitionKey, keys.sortKey),
    Projection: { ProjectionType: 'ALL' },
  }));

const attributeDefinitions = (spec: TableSpec): AttributeDefinition[] => {
  const names = new Set([spec.partitionKey, spec.sortKey]);
  for (const keys of Object.values(spec.globalIndexes ?? {})) {
    names.add(keys.partitionKey);
    if (keys.sortKey !== undefined) names.add(keys.sortKey);
  }
  return [...names].map(stringAttribute);
};

const describe = async (client: DynamoDBClient, TableName: string): Promise<TableDescription | undefined> => {
  try {
    return (await client.send(new DescribeTableCommand({ TableName }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
};

const create = async (client: DynamoDBClient, TableName: string, spec: TableSpec): Promise<void> => {
  const indexes = globalIndexes(spec);
  await client.send(
    new CreateTableCommand({
      TableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: attributeDefinitions(spec),
      KeySchema: keySchema(spec.partitionKey, spec.sortKey),
      ...(indexes.length > 0 ? { GlobalSecondaryIndexes: indexes } : {}),
      ...(spec.stream === undefined ? {} : { StreamSpecification: { StreamEnabled: true, StreamViewType: spec.stream } }),
    }),
  );
  await waitUntilTableExists({ client, maxWaitTime: TABLE_WAIT_SECONDS }, { TableName });
};

/** A persisted table from an older topology gains the indexes and stream added since. */
const reconcile = async (client: DynamoDBClient, TableName: string, spec: TableSpec, table: TableDescription, log: CloudLog): Promise<void> => {
  const existing = new Set((table.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  for (const index of globalIndexes(spec).filter((candidate) => !existing.has(candidate.IndexName))) {
    log.info(`adding index ${String(index.IndexName)} to ${TableName}`);
    await client.send(
      new UpdateTableCommand({
        TableName,
        AttributeDefinitions: attributeDefinitions(spec),
        GlobalSecondaryIndexUpdates: [{ Create: index }],
      }),
    );
  }
  const current = table.StreamSpecification;
  if (spec.stream !== undefined && (current?.StreamEnabled !== true || current.StreamViewType !== spec.stream)) {
    if (current?.StreamEnabled === true) {
      // DynamoDB refuses to change the view type of an enabled stream in one step.
      await client.send(new UpdateTableCommand({ TableName, StreamSpecification: { StreamEnabled: false } }));
    }
    log.info(`enabling the ${spec.stream} stream of ${TableName}`);
    await client.send(new UpdateTableCommand({ TableName, StreamSpecification: { StreamEnabled: true, StreamViewType: spec.stream } }));
  }
};

const ensureTimeToLive = async (client: DynamoDBClient, TableName: string, attribute: string | undefined): Promise<void> => {
  if (attribute === undefined) return;
  const { TimeToLiveDescription } = await client.send(new DescribeTimeToLiveCommand({ TableName }));
  if (TimeToLiveDescription?.TimeToLiveStatus === 'ENABLED' && TimeToLiveDescription.AttributeName === attribute) return;
  await client.send(new UpdateTimeToLiveCommand({ TableName, TimeToLiveSpecification: { Enabled: true, AttributeName: attribute } }));
};

export const ensureTable = async (client: DynamoDBClient, TableName: string, spec: TableSpec, log: CloudLog): Promise<void> => {
  const table = await describe(client, TableName);
  if (table === undefined) await create(client, TableName, spec);
  else await reconcile(client, TableName, spec, table, log);
  await ensureTimeToLive(client, TableName, spec.timeToLiveAttribute);
};
