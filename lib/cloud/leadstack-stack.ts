import { CfnOutput, Stack, Tags } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Construct } from 'constructs';
import { DEFAULT_CORS_ORIGINS, referencedFunctions, topology as realTopology } from '../topology.ts';
import type { TableName, Topology } from '../topology.ts';
import { Accounts, DEFAULT_MAIL_FROM } from './accounts.ts';
import { UploadsBucket } from './bucket.ts';
import { functionEnvironment } from './environment.ts';
import { acknowledgeCdkHelpers } from './cdk-helpers.ts';
import { FeatureStack, ROOT, functionOwners } from './feature-stack.ts';
import { buildFunctions, wireTriggers } from './feature-wiring.ts';
import type { FunctionResources } from './feature-wiring.ts';
import { LeadstackHttpApi } from './http-api.ts';
import { createQueues } from './queues.ts';
import { SearchDomain } from './search-domain.ts';
import { SearchIndexes } from './search-indexes.ts';
import type { SharedResources } from './shared-resources.ts';
import { createTables } from './tables.ts';
import { pascal } from './naming.ts';
import { LeadstackWebSocketApi } from './websocket-api.ts';

export interface LeadstackStackProps extends StackProps {
  /** The infrastructure to build; tests pass a modified copy. Default: `lib/topology.ts`. */
  readonly topology?: Topology;
  /** Browser origins allowed by the HTTP API and the uploads bucket. Default: `DEFAULT_CORS_ORIGINS`. */
  readonly corsOrigins?: readonly string[];
  /** Sender of account mail, a verified SES identity (`-c mailFrom=...`). Default: `DEFAULT_MAIL_FROM`. */
  readonly mailFrom?: string;
  /** The frontend page a password-reset link opens (`-c passwordResetUrl=...`). Default: `<first CORS origin>/reset-password`. */
  readonly passwordResetUrl?: string;
}

/**
 * leadstack on AWS, derived entirely from the topology. The root stack holds what features
 * share (tables, queues, bucket, search domain, both APIs, secrets) and the functions the APIs
 * themselves need; each feature's functions and their triggers go to a nested `FeatureStack`.
 * This class only orders the steps: resources, root functions, the HTTP API, feature stacks,
 * then what needs every function (the search access policy and index setup).
 */
export class LeadstackStack extends Stack {
  readonly functions: ReadonlyMap<string, NodejsFunction>;
  readonly featureStacks: ReadonlyMap<string, FeatureStack>;

  constructor(scope: Construct, id: string, props: LeadstackStackProps = {}) {
    super(scope, id, props);
    const topology = props.topology ?? realTopology;
    const corsOrigins = props.corsOrigins ?? DEFAULT_CORS_ORIGINS;
    Tags.of(this).add('service', topology.service);

    const tables = createTables(this, topology.tables);
    const queues = createQueues(this, topology.queues);
    const uploads = new UploadsBucket(this, 'Uploads', { spec: topology.bucket, corsOrigins, queues });
    const indexes = Object.values(topology.searchIndexes);
    const search = new SearchDomain(this, 'Search', { indexes });
    const websocket = new LeadstackWebSocketApi(this, 'WebSocket', { websocket: topology.websocket });
    const accounts = new Accounts(this, 'Accounts', { mailFrom: props.mailFrom ?? DEFAULT_MAIL_FROM });

    const base: FunctionResources = {
      tables,
      tablesWithIndexes: new Set(
        (Object.keys(topology.tables) as TableName[]).filter((name) => Object.keys(topology.tables[name].globalIndexes ?? {}).length > 0),
      ),
      queues,
      bucket: uploads.bucket,
      search: { domainArn: search.domain.domainArn, indexes, admit: (level, role) => search.admit(level, role) },
      websocketApi: websocket.api,
      secrets: accounts.secrets,
      mailFrom: accounts.mailFrom,
      environment: {
        ...functionEnvironment({
          tables,
          queues,
          bucket: uploads.bucket,
          searchEndpoint: search.endpointUrl,
          wsManagementEndpoint: websocket.managementEndpoint,
        }),
        ...accounts.environment(props.passwordResetUrl ?? `${corsOrigins[0] ?? DEFAULT_CORS_ORIGINS[0]}/reset-password`),
      },
    };

    const owners = functionOwners(topology, referencedFunctions(topology));
    const namesOf = (owner: string) => [...owners].filter(([, o]) => o === owner).map(([name]) => name);
    const rootFunctions = buildFunctions(this, topology, namesOf(ROOT), base);
    const rootFunction = (name: string): NodejsFunction => {
      const fn = rootFunctions.get(name);
      if (!fn) throw new Error(`function ${name} is not built in the root stack`);
      return fn;
    };
    const httpApi = new LeadstackHttpApi(this, 'Http', { http: topology.http, corsOrigins, authorizerFunction: rootFunction(topology.http.authorizer.fn) });
    const shared: SharedResources = { ...base, httpApi: httpApi.api, httpAuthorizerId: httpApi.authorizer.authorizerId };
    wireTriggers(this, topology, rootFunctions, shared);

    const featureStacks = new Map<string, FeatureStack>();
    const functions = new Map(rootFunctions);
    for (const feature of Object.keys(topology.features)) {
      const names = namesOf(feature);
      if (names.length === 0) continue;
      const stack = new FeatureStack(this, `${pascal(feature)}Feature`, { topology, names, root: shared });
      featureStacks.set(feature, stack);
      for (const [name, fn] of stack.functions) functions.set(name, fn);
    }
    this.functions = functions;
    this.featureStacks = featureStacks;

    search.applyAccessPolicy();
    new SearchIndexes(this, 'SearchIndexes', {
      onEvent: rootFunction(topology.searchSetup.fn),
      indexes,
      domain: search.domain,
    });
    acknowledgeCdkHelpers(this);

    new CfnOutput(this, 'HttpApiUrl', { value: httpApi.url });
    new CfnOutput(this, 'WebSocketUrl', { value: websocket.url });
    new CfnOutput(this, 'UploadsBucketName', { value: uploads.bucket.bucketName });
    new CfnOutput(this, 'SearchEndpoint', { value: search.endpointUrl });
    // The operator CLI (`npm run admin`) issues API keys into this table.
    for (const [name, table] of Object.entries(tables)) {
      new CfnOutput(this, `${pascal(name)}TableName`, { value: table.tableName });
    }
  }
}
