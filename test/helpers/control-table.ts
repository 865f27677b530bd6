/**
 * DynamoDB Local with the topology's control table only: enough for tests and benchmarks of
 * code that shares counters across Lambdas, without booting the whole local cloud.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { localClientConfig } from '../../lib/local/aws.ts';
import { startDynamoDbLocal } from '../../lib/local/emulators/dynamodb.ts';
import { createLog } from '../../lib/local/log.ts';
import { ensureTable } from '../../lib/local/resources/tables.ts';
import { topology } from '../../lib/topology.ts';

export interface ControlTable {
  readonly tableName: string;
  /** A new document client per call: each stands for one Lambda's own connection. */
  client(): DynamoDBDocumentClient;
  stop(): Promise<void>;
}

export async function startControlTable(): Promise<ControlTable> {
  const log = createLog(true);
  const emulator = await startDynamoDbLocal({ port: 0, log });
  const tableName = 'outbound-control';
  const admin = new DynamoDBClient(localClientConfig(emulator.endpoint));
  await ensureTable(admin, tableName, topology.tables.control, log);
  admin.destroy();
  const clients: DynamoDBClient[] = [];
  return {
    tableName,
    client: () => {
      const raw = new DynamoDBClient(localClientConfig(emulator.endpoint));
      clients.push(raw);
      return DynamoDBDocumentClient.from(raw);
    },
    stop: async () => {
      for (const raw of clients) raw.destroy();
      await emulator.stop();
    },
  };
}
