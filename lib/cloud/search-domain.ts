import { RemovalPolicy } from 'aws-cdk-lib';
import { EbsDeviceVolumeType } from 'aws-cdk-lib/aws-ec2';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IPrincipal, IRole } from 'aws-cdk-lib/aws-iam';
import { LogGroup, ResourcePolicy, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Domain, EngineVersion, TLSSecurityPolicy } from 'aws-cdk-lib/aws-opensearchservice';
import { Construct } from 'constructs';
import type { SearchIndexSpec } from '../topology.ts';
import { acknowledge } from './nag.ts';
import { searchStatement } from './search-access.ts';
import type { SearchLevel } from './search-access.ts';

/** The last 2.x line: the one `@opensearch-project/opensearch` and the local engine are written against. */
export const SEARCH_ENGINE_VERSION = EngineVersion.OPENSEARCH_2_19;
/** Graviton general purpose: supports encryption at rest, node-to-node encryption and log publishing. */
export const SEARCH_DATA_NODE_TYPE = 'm6g.large.search';
export const SEARCH_VOLUME_GIB = 20;
const SEARCH_LOG_RETENTION = RetentionDays.ONE_MONTH;

/**
 * One data node per copy of a shard (primary + replicas), so every replica the index settings ask
 * for can be allocated and the cluster reports green instead of yellow.
 */
export const dataNodesFor = (indexes: readonly SearchIndexSpec[]): number =>
  1 + Math.max(0, ...indexes.map((spec) => Number(spec.settings['number_of_replicas'] ?? 1)));

export interface SearchDomainProps {
  readonly indexes: readonly SearchIndexSpec[];
}

/**
 * The OpenSearch Service domain. Callers sign requests with SigV4 (no fine-grained access
 * control, no master user): a function may reach it only if `FunctionSpec.access.search` says
 * so, through its identity policy and through the domain's access policy alike.
 */
export class SearchDomain extends Construct {
  readonly domain: Domain;
  readonly indexes: readonly SearchIndexSpec[];
  private readonly principals: Record<SearchLevel, IPrincipal[]> = { read: [], write: [], readwrite: [] };

  constructor(scope: Construct, id: string, props: SearchDomainProps) {
    super(scope, id);
    this.indexes = props.indexes;
    const logGroup = (name: string) =>
      new LogGroup(this, name, { retention: SEARCH_LOG_RETENTION, removalPolicy: RemovalPolicy.DESTROY });
    const slowSearchLogGroup = logGroup('SlowSearchLogs');
    const slowIndexLogGroup = logGroup('SlowIndexLogs');
    const appLogGroup = logGroup('AppLogs');

    // A native AWS::Logs::ResourcePolicy instead of the domain's default, which is a custom
    // resource (an extra Lambda allowed logs:PutResourcePolicy on `*`).
    const logsPolicy = new ResourcePolicy(this, 'LogsResourcePolicy', {
      policyStatements: [
        new PolicyStatement({
          principals: [new ServicePrincipal('es.amazonaws.com')],
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          resources: [slowSearchLogGroup, slowIndexLogGroup, appLogGroup].map((group) => group.logGroupArn),
        }),
      ],
    });

    this.domain = new Domain(this, 'Domain', {
      version: SEARCH_ENGINE_VERSION,
      capacity: {
        dataNodes: dataNodesFor(props.indexes),
        dataNodeInstanceType: SEARCH_DATA_NODE_TYPE,
        multiAzWithStandbyEnabled: false,
      },
      ebs: { volumeSize: SEARCH_VOLUME_GIB, volumeType: EbsDeviceVolumeType.GP3 },
      zoneAwareness: { enabled: false },
      enforceHttps: true,
      nodeToNodeEncryption: true,
      encryptionAtRest: { enabled: true },
      tlsSecurityPolicy: TLSSecurityPolicy.TLS_1_2,
      logging: {
        slowSearchLogEnabled: true,
        slowSearchLogGroup,
        slowIndexLogEnabled: true,
        slowIndexLogGroup,
        appLogEnabled: true,
        appLogGroup,
      },
      suppressLogsResourcePolicy: true,
      // Indexes can be rebuilt from DynamoDB, but a rebuild is slow; never drop the domain by accident.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.domain.node.addDependency(logsPolicy);

    acknowledge(this.domain, {
      'AwsSolutions-OS1':
        'Access is IAM (SigV4) only and every caller is a Lambda outside any VPC; a VPC domain would force all of them into a VPC with NAT for no gain in v1.',
      'AwsSolutions-OS3':
        'The domain is not IP-restricted because callers are Lambda functions with changing IPs; its access policy admits only the function roles derived from the topology.',
      'AwsSolutions-OS4':
        'v1 runs one data node per shard copy (two today); dedicated masters (three more instances) pay off for cluster stability only once the data tier grows.',
      'AwsSolutions-OS7':
        'Zone awareness is off for v1 to keep the domain small; DynamoDB is the system of record and the indexes can be rebuilt from its stream.',
    });
  }

  get endpointUrl(): string {
    return `https://${this.domain.domainEndpoint}`;
  }

  /** Names a role in the domain's access policy at `level` (the identity side is `grantSearch`). */
  admit(level: SearchLevel, role: IRole): void {
    this.principals[level].push(role);
  }

  /**
   * The resource side: one statement per access level naming the roles granted at that level.
   * Called once every function exists, since the policy lists their roles.
   */
  applyAccessPolicy(): void {
    const statements = (Object.entries(this.principals) as [SearchLevel, IPrincipal[]][])
      .filter(([, principals]) => principals.length > 0)
      .map(([level, principals]) => searchStatement(level, this.domain.domainArn, this.indexes, principals));
    if (statements.length > 0) this.domain.addAccessPolicies(...statements);
  }
}
