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
import { FunctionFactory } from './function-factory.ts';
import { grantAccess } from './grants.ts';
import { LeadstackHttpApi } from './http-api.ts';
import { createQueues, subscribeQueueConsumers } from './queues.ts';
import { createSchedules } from './schedules.ts';
import { SearchDomain } from './search-domain.ts';
import { SearchIndexes } from './search-indexes.ts';
import { subscribeStreams } from './streams.ts';
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
 * leadstack on AWS, derived entirely from the topology: this class only orders the steps
 * (resources, then the functions that need their names, then the wiring that needs the functions).
 */
export class LeadstackStack extends Stack {
  readonly functions: ReadonlyMap<string, NodejsFunction>;

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

    const factory = new FunctionFactory(
      this,
      'Functions',
      {
        ...functionEnvironment({
          tables,
          queues,
          bucket: uploads.bucket,
          searchEndpoint: search.endpointUrl,
          wsManagementEndpoint: websocket.managementEndpoint,
        }),
        ...accounts.environment(props.passwordResetUrl ?? `${corsOrigins[0] ?? DEFAULT_CORS_ORIGINS[0]}/reset-password`),
      },
    );
    const tablesWithIndexes = new Set(
      (Object.keys(topology.tables) as TableName[]).filter(
        (name) => Object.keys(topology.tables[name].globalIndexes ?? {}).length > 0,
      ),
    );
    const functions = new Map<string, NodejsFunction>();
    for (const name of referencedFunctions(topology)) {
      const spec = topology.functions[name];
      if (!spec) continue;
      const fn = factory.create(name, spec);
      grantAccess(fn, spec.access, { tables, queues, bucket: uploads.bucket, search, websocket, tablesWithIndexes, accounts });
      functions.set(name, fn);
    }
    this.functions = functions;
    const functionFor = (name: string): NodejsFunction => {
      const fn = functions.get(name);
      if (!fn) throw new Error(`function ${name} is not built`);
      return fn;
    };

    search.applyAccessPolicy();
    const httpApi = new LeadstackHttpApi(this, 'Http', { http: topology.http, corsOrigins, functionFor });
    websocket.addRoutes(topology.websocket, functionFor);
    subscribeQueueConsumers(topology.queues, queues, functionFor);
    subscribeStreams(this, topology, tables, functionFor);
    createSchedules(this, topology.schedules, functionFor);
    new SearchIndexes(this, 'SearchIndexes', {
      onEvent: functionFor(topology.searchSetup.fn),
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
