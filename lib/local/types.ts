import type { QueueName, TableName, Topology } from '../topology.ts';
import type { FakeKnobs, FakeProvider } from './fakes/fake-provider.ts';
import type { StartedFake } from './fakes/start-fakes.ts';

export type PortName = 'http' | 'ws' | 'dynamodb' | 'sqs' | 's3' | 'search' | 'mail';

export interface LocalCloudOptions {
  /** The infrastructure to emulate; defaults to the project's one topology. */
  topology?: Topology;
  /** Where data survives restarts; default `.leadstack/data` under the repository root. */
  dataDir?: string;
  /** Keep everything in a temporary directory under `.tmp`, deleted on stop (tests). */
  ephemeral?: boolean;
  /** 0 picks a free port; defaults: http 4000, ws 4001, dynamodb 4002, sqs 4003, s3 4004, search 4005, mail 4006. */
  ports?: Partial<Record<PortName, number>>;
  /** Silence the cloud's info lines (warnings and handler errors still print). */
  quiet?: boolean;
  /** Fakes of the outside world to run; default the registry in lib/local/fakes/fakes.ts. */
  fakes?: readonly FakeProvider[];
  /** Port of the first fake, the others follow; default the port after `mail` (0 when mail is 0). */
  fakePortBase?: number;
  /** Seed of every fake's data; default `leadstack`. */
  fakeSeed?: string;
  /** Faults per fake from the start, by name; at runtime: `POST /__fake/knobs` on the fake. */
  fakeKnobs?: Readonly<Record<string, Partial<FakeKnobs>>>;
  /** Provider name → base URL of another server (`--provider-url`); that fake is not started. */
  providerUrls?: Readonly<Record<string, string>>;
  /** Extra `host:port` the SSRF guard lets through (`--allow-host`), beside the fakes. */
  allowHosts?: readonly string[];
}

export interface LocalCloudEndpoints {
  http: string;
  ws: string;
  /** Base URL of the @connections management API, as `WS_MANAGEMENT_ENDPOINT`. */
  wsManagement: string;
  dynamodb: string;
  sqs: string;
  s3: string;
  search: string;
  /** The SES v2 stand-in (`AWS_ENDPOINT_URL_SESV2`); sent mail is listed at `${mail}/outbox`. */
  mail: string;
}

export interface QueueResource {
  url: string;
  dlqUrl: string;
}

export interface LocalCloudResources {
  tables: Record<TableName, string>;
  queues: Record<QueueName, QueueResource>;
  bucket: string;
}

export interface LocalCloud {
  endpoints: LocalCloudEndpoints;
  /** Exactly the environment every handler runs with. */
  env: Record<string, string>;
  resources: LocalCloudResources;
  /** The fakes running, in port order (overridden providers are absent). */
  fakes: readonly StartedFake[];
  dataDir: string;
  stop(): Promise<void>;
}
