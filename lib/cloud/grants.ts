import type { IRole } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { Access } from '../topology.ts';
import { grantAccountAccess } from './accounts.ts';
import { acknowledge, wildcardAction, wildcardResource } from './nag.ts';
import { entriesOf } from './naming.ts';
import { grantSearch } from './search-access.ts';
import type { SharedResources } from './shared-resources.ts';
import { grantManageConnections } from './websocket-api.ts';

/** The wildcard actions CDK's bucket grants use (`grantRead` / `grantWrite`). */
const BUCKET_WILDCARD_ACTIONS = {
  read: ['s3:GetObject*', 's3:GetBucket*', 's3:List*'],
  write: ['s3:DeleteObject*', 's3:Abort*'],
} as const;

function grantTables(fn: LambdaFunction, role: IRole, access: Access, targets: Pick<SharedResources, 'tables' | 'tablesWithIndexes'>): void {
  for (const [name, level] of entriesOf(access.tables ?? {})) {
    const table = targets.tables[name];
    if (level === 'read') table.grantReadData(fn);
    else if (level === 'write') table.grantWriteData(fn);
    else table.grantReadWriteData(fn);
    if (targets.tablesWithIndexes.has(name)) {
      acknowledge(role, {
        [wildcardResource(table, `${table.tableArn}/index/*`)]:
          `The data grant on table ${name} covers its GSIs, which the topology declares with the table.`,
      });
    }
  }
}

function grantBucket(fn: LambdaFunction, role: IRole, level: NonNullable<Access['bucket']>, bucket: IBucket): void {
  if (level === 'read') bucket.grantRead(fn);
  else if (level === 'write') bucket.grantWrite(fn);
  else bucket.grantReadWrite(fn);
  const actions = [
    ...(level === 'write' ? [] : BUCKET_WILDCARD_ACTIONS.read),
    ...(level === 'read' ? [] : BUCKET_WILDCARD_ACTIONS.write),
  ];
  const reason = 'Object keys are created at runtime (workspaces/<id>/...); the grant covers the uploads bucket only.';
  acknowledge(role, {
    [wildcardResource(bucket, `${bucket.bucketArn}/*`)]: reason,
    ...Object.fromEntries(
      actions.map((action) => [wildcardAction(action), `CDK's bucket ${level} grant, scoped to the uploads bucket only.`]),
    ),
  });
}

/**
 * The only source of a function's IAM permissions (beyond its own logs and tracing):
 * `FunctionSpec.access`. Event-source mappings add what the mapping itself needs elsewhere.
 */
export function grantAccess(fn: LambdaFunction, access: Access, targets: Omit<SharedResources, 'httpApi' | 'httpAuthorizerId'>): void {
  const role = fn.role;
  if (!role) throw new Error(`function ${fn.node.path} has no role to grant to`);
  grantTables(fn, role, access, targets);
  for (const [name] of entriesOf(access.queues ?? {})) targets.queues[name].grantSendMessages(fn);
  if (access.bucket) grantBucket(fn, role, access.bucket, targets.bucket);
  if (access.search) {
    grantSearch(role, access.search, targets.search.domainArn, targets.search.indexes);
    targets.search.admit(access.search, role);
  }
  if (access.websocket) grantManageConnections(role, targets.websocketApi.apiId);
  grantAccountAccess(fn, role, access, targets);
}
