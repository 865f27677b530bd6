import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import type { TableName, TableSpec, Topology } from '../topology.ts';
import { entriesOf, pascal } from './naming.ts';

export type Tables = Readonly<Record<TableName, Table>>;

// Every key in the topology is a string (`WS#<workspace>#...`), so the attribute type is fixed here.
const key = (name: string) => ({ name, type: AttributeType.STRING });

function createTable(scope: Construct, name: TableName, spec: TableSpec): Table {
  const table = new Table(scope, `${pascal(name)}Table`, {
    partitionKey: key(spec.partitionKey),
    sortKey: key(spec.sortKey),
    billingMode: BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    encryption: TableEncryption.AWS_MANAGED,
    ...(spec.stream ? { stream: StreamViewType[spec.stream] } : {}),
    ...(spec.timeToLiveAttribute ? { timeToLiveAttribute: spec.timeToLiveAttribute } : {}),
    // The system of record: a stack deletion or a replacement must never drop the data.
    removalPolicy: RemovalPolicy.RETAIN,
  });
  for (const [indexName, index] of Object.entries(spec.globalIndexes ?? {})) {
    table.addGlobalSecondaryIndex({
      indexName,
      partitionKey: key(index.partitionKey),
      ...(index.sortKey ? { sortKey: key(index.sortKey) } : {}),
      projectionType: ProjectionType.ALL,
    });
  }
  return table;
}

/** One DynamoDB table per `topology.tables` entry. */
export function createTables(scope: Construct, specs: Topology['tables']): Tables {
  const tables: Partial<Record<TableName, Table>> = {};
  for (const [name, spec] of entriesOf(specs)) tables[name] = createTable(scope, name, spec);
  return tables as Tables;
}
