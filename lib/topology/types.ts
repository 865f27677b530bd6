/**
 * The vocabulary of the topology: what a feature module may declare (functions, routes, tables,
 * queues, ...) and the composed `Topology` both clouds read. No resource is declared here.
 */

/** Every table, queue, index and secret name; `compose.ts` checks that some feature declares each. */
export const TABLE_NAMES = ['records', 'control'] as const;
export const QUEUE_NAMES = ['uploadEvents', 'jobs', 'siteTasks', 'apolloPages'] as const;
export const SEARCH_INDEX_NAMES = ['companies', 'contacts', 'signals'] as const;

export type TableName = (typeof TABLE_NAMES)[number];
export type QueueName = (typeof QUEUE_NAMES)[number];
export type SearchIndexName = (typeof SEARCH_INDEX_NAMES)[number];
export type SecretName = 'tokenSigning' | 'razorpayKeyId' | 'razorpayKeySecret' | 'razorpayWebhookSecret' | 'apolloCredentials' | 'providerKeySealing' | 'rocketreachWebhookSecret';

/** What a function may touch; CDK derives its IAM grants from this, nothing else. */
export interface Access {
  readonly tables?: Partial<Record<TableName, 'read' | 'write' | 'readwrite'>>;
  readonly queues?: Partial<Record<QueueName, 'send'>>;
  readonly bucket?: 'read' | 'write' | 'readwrite';
  readonly search?: 'read' | 'write' | 'readwrite';
  /** Post to and delete WebSocket connections through the @connections management API. */
  readonly websocket?: boolean;
  /** Secrets the function receives: `tokenSigning` is the access tokens' HS256 key. */
  readonly secrets?: readonly SecretName[];
  /** Send mail through SES (account mail: invitations, password resets). */
  readonly email?: boolean;
}

export interface FunctionSpec {
  /** Repository-relative path of the module; it exports `handler`. */
  readonly entry: string;
  readonly timeoutSeconds: number;
  readonly memoryMb: number;
  readonly access: Access;
  /**
   * The function renders pages in headless Chromium (functions/adapters/chromium): on AWS it
   * gets the memory, /tmp and packaging the browser needs (lib/cloud/function-factory.ts).
   */
  readonly browser?: true;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** `Fn` narrows to a feature's own function names inside a feature module (see `defineFeature`). */
export interface HttpRoute<Fn extends string = string> {
  readonly method: HttpMethod;
  /** API Gateway path syntax: `/v1/companies/{uuid}`. */
  readonly path: string;
  readonly fn: Fn;
  readonly authorized: boolean;
}

export interface WebSocketRoute<Fn extends string = string> {
  /** `$connect`, `$disconnect`, `$default` or an `action` value. */
  readonly route: string;
  readonly fn: Fn;
}

export interface TableSpec {
  readonly partitionKey: string;
  readonly sortKey: string;
  readonly timeToLiveAttribute?: string;
  readonly stream?: 'NEW_IMAGE' | 'NEW_AND_OLD_IMAGES' | 'KEYS_ONLY';
  readonly globalIndexes?: Readonly<Record<string, { partitionKey: string; sortKey?: string }>>;
  /** Access patterns, written beside the keys (architecture guide §4). */
  readonly accessPatterns: readonly string[];
}

export interface QueueSpec<Fn extends string = string> {
  readonly consumer: Fn;
  readonly batchSize: number;
  readonly maxBatchingWindowSeconds: number;
  readonly visibilityTimeoutSeconds: number;
  /** Receives before a message is moved to the queue's dead-letter queue. */
  readonly maxReceiveCount: number;
}

export interface BucketSpec {
  readonly cors: {
    readonly allowedMethods: readonly ('GET' | 'PUT' | 'POST' | 'HEAD')[];
    readonly allowedHeaders: readonly string[];
    readonly exposedHeaders: readonly string[];
    readonly maxAgeSeconds: number;
  };
  readonly notifications: readonly { event: 'ObjectCreated'; prefix: string; queue: QueueName }[];
}

export interface StreamSubscription<Fn extends string = string> {
  readonly table: TableName;
  readonly fn: Fn;
  readonly batchSize: number;
  readonly maxBatchingWindowSeconds: number;
  /** Retries of a failing batch before it is given up (and sent to the stream's DLQ). */
  readonly retryAttempts: number;
}

export interface SearchIndexSpec {
  /** Clients always use the alias; the physical index is `<alias>-v<version>`. */
  readonly alias: string;
  readonly version: number;
  readonly settings: Record<string, unknown>;
  readonly mappings: Record<string, unknown>;
}

export interface ScheduleSpec<Fn extends string = string> {
  readonly fn: Fn;
  /** `rate(5 minutes)`-style expression understood by both EventBridge and the local timers. */
  readonly rate: { readonly minutes: number };
}

export interface HttpAuthorizerSpec<Fn extends string = string> {
  readonly fn: Fn;
  readonly header: string;
}

export interface WebSocketSpec<Fn extends string = string> {
  /**
   * The $connect authorizer and its identity source: a header, or a query-string parameter
   * (browsers cannot set headers on a WebSocket, so they pass a ticket as `?ticket=`).
   */
  readonly authorizer: { readonly fn: Fn; readonly header: string } | { readonly fn: Fn; readonly query: string };
  /** Route selection expression: the `action` field of each JSON message. */
  readonly routeSelectionKey: 'action';
  readonly routes: readonly WebSocketRoute<Fn>[];
}

export interface Topology {
  readonly service: string;
  readonly functions: Readonly<Record<string, FunctionSpec>>;
  /**
   * Function names by the feature module that declares them. The CDK app builds each feature's
   * functions, with their routes and event sources, in that feature's own nested stack.
   */
  readonly features: Readonly<Record<string, readonly string[]>>;
  readonly http: {
    /** The Lambda authorizer (simple responses) guarding every `authorized` route. */
    readonly authorizer: HttpAuthorizerSpec;
    readonly routes: readonly HttpRoute[];
  };
  readonly websocket: WebSocketSpec;
  readonly tables: Readonly<Record<TableName, TableSpec>>;
  readonly queues: Readonly<Record<QueueName, QueueSpec>>;
  readonly bucket: BucketSpec;
  readonly streams: readonly StreamSubscription[];
  readonly searchIndexes: Readonly<Record<SearchIndexName, SearchIndexSpec>>;
  /** Creates the search indexes and aliases on deploy (CDK custom resource) and on local start. */
  readonly searchSetup: { readonly fn: string };
  readonly schedules: readonly ScheduleSpec[];
}

/**
 * One feature's slice of the topology: its functions and everything that points at them, plus
 * the shared resources it is the home of. Every function reference inside a feature names one
 * of the feature's own functions (the type checks it), so a feature moves as one unit.
 */
export interface Feature<Fn extends string = string> {
  /** camelCase; the CDK app names the feature's nested stack after it. */
  readonly name: string;
  readonly functions: Readonly<Record<Fn, FunctionSpec>>;
  readonly routes?: readonly HttpRoute<Fn>[];
  readonly httpAuthorizer?: HttpAuthorizerSpec<Fn>;
  readonly websocket?: WebSocketSpec<Fn>;
  readonly tables?: Readonly<Partial<Record<TableName, TableSpec>>>;
  readonly queues?: Readonly<Partial<Record<QueueName, QueueSpec<Fn>>>>;
  readonly bucket?: BucketSpec;
  readonly streams?: readonly StreamSubscription<Fn>[];
  readonly searchIndexes?: Readonly<Partial<Record<SearchIndexName, SearchIndexSpec>>>;
  readonly searchSetup?: { readonly fn: Fn };
  readonly schedules?: readonly ScheduleSpec<Fn>[];
}

/**
 * Declares a feature, keeping its function names as literal types so that its routes, queues,
 * streams and schedules can only name functions it declares.
 */
export function defineFeature<const Fns extends Readonly<Record<string, FunctionSpec>>>(
  feature: Feature<Extract<keyof Fns, string>> & { readonly functions: Fns },
): Feature<Extract<keyof Fns, string>> & { readonly functions: Fns } {
  return feature;
}

/** Lambda memory sizes the features share; CPU grows with memory. */
export const MB = { small: 256, medium: 512, large: 1024 } as const;
