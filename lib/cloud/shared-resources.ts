import { CfnParameter, Token } from 'aws-cdk-lib';
import type { NestedStack } from 'aws-cdk-lib';
import { HttpApi, WebSocketApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { IHttpApi, IWebSocketApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { QueueName, SearchIndexSpec, SecretName, TableName, Topology } from '../topology.ts';
import { entriesOf, pascal } from './naming.ts';
import type { SearchLevel } from './search-access.ts';

/**
 * What every feature's functions share: the tables, queues, bucket, search domain, both APIs,
 * secrets and the environment contract. The root stack owns the real resources; a feature's
 * nested stack sees the same interface built from CloudFormation parameters (`importShared`),
 * so the code that builds and wires functions is identical in both.
 */
export interface SharedResources {
  readonly tables: Readonly<Record<TableName, ITable>>;
  /** Tables that have GSIs; their data grants include `<table>/index/*`. */
  readonly tablesWithIndexes: ReadonlySet<TableName>;
  readonly queues: Readonly<Record<QueueName, IQueue>>;
  readonly bucket: IBucket;
  readonly search: {
    readonly domainArn: string;
    readonly indexes: readonly SearchIndexSpec[];
    /** Names the role in the domain's access policy (owned by the root stack). */
    readonly admit: (level: SearchLevel, role: IRole) => void;
  };
  readonly websocketApi: IWebSocketApi;
  readonly httpApi: IHttpApi;
  /** The HTTP API's Lambda authorizer, which every `authorized` route in any stack uses. */
  readonly httpAuthorizerId: string;
  readonly secrets: Readonly<Record<SecretName, ISecret>>;
  /** The SES sender (`Name <address>`); each stack builds the identity ARNs in its own account and region. */
  readonly mailFrom: string;
  /** Every function's environment (`envNames`), the same in every stack. */
  readonly environment: Readonly<Record<string, string>>;
}

/** Declares a parameter of the nested stack and hands it the parent's value. */
function parameterOf(stack: NestedStack, name: string, value: string): string {
  const parameter = new CfnParameter(stack, name, { type: 'String' });
  stack.setParameter(name, value);
  return parameter.valueAsString;
}

/**
 * The shared resources as a nested stack sees them: every identifier the root knows only at
 * deploy time becomes a parameter with a readable name (`RecordsTableArn`, `HttpApiId`), so the
 * child's templates, and the cdk-nag findings rendered from them, name what they reference.
 */
export function importShared(stack: NestedStack, root: SharedResources, topology: Pick<Topology, 'tables'>): SharedResources {
  const input = (name: string, value: string) => parameterOf(stack, name, value);
  const tables: Partial<Record<TableName, ITable>> = {};
  for (const [name, table] of entriesOf(root.tables)) {
    const spec = topology.tables[name];
    tables[name] = Table.fromTableAttributes(stack, `${pascal(name)}Table`, {
      tableArn: input(`${pascal(name)}TableArn`, table.tableArn),
      ...(spec.stream && table.tableStreamArn ? { tableStreamArn: input(`${pascal(name)}TableStreamArn`, table.tableStreamArn) } : {}),
      ...(root.tablesWithIndexes.has(name) ? { globalIndexes: Object.keys(spec.globalIndexes ?? {}) } : {}),
    });
  }
  const queues: Partial<Record<QueueName, IQueue>> = {};
  for (const [name, queue] of entriesOf(root.queues)) {
    queues[name] = Queue.fromQueueAttributes(stack, `${pascal(name)}Queue`, { queueArn: input(`${pascal(name)}QueueArn`, queue.queueArn) });
  }
  const secrets: Partial<Record<SecretName, ISecret>> = {};
  for (const [name, secret] of entriesOf(root.secrets)) {
    secrets[name] = Secret.fromSecretCompleteArn(stack, `${pascal(name)}Secret`, input(`${pascal(name)}SecretArn`, secret.secretArn));
  }
  const environment: Record<string, string> = {};
  for (const [name, value] of Object.entries(root.environment)) {
    environment[name] = Token.isUnresolved(value) ? input(`Env${name.toLowerCase().split('_').map(pascal).join('')}`, value) : value;
  }
  const httpApiId = input('HttpApiId', root.httpApi.apiId);
  return {
    tables: tables as SharedResources['tables'],
    tablesWithIndexes: root.tablesWithIndexes,
    queues: queues as SharedResources['queues'],
    bucket: Bucket.fromBucketArn(stack, 'UploadsBucket', input('UploadsBucketArn', root.bucket.bucketArn)),
    search: { ...root.search, domainArn: input('SearchDomainArn', root.search.domainArn) },
    websocketApi: WebSocketApi.fromWebSocketApiAttributes(stack, 'WebSocketApi', {
      webSocketId: input('WebSocketApiId', root.websocketApi.apiId),
    }),
    httpApi: HttpApi.fromHttpApiAttributes(stack, 'HttpApi', { httpApiId }),
    httpAuthorizerId: input('HttpAuthorizerId', root.httpAuthorizerId),
    secrets: secrets as SharedResources['secrets'],
    mailFrom: root.mailFrom,
    environment,
  };
}

