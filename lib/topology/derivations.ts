/**
 * What both clouds derive from the topology the same way: CORS rules, the functions to build,
 * the environment contract, physical index names.
 */
import type { HttpMethod, QueueName, SearchIndexSpec, SecretName, TableName, Topology } from './types.ts';

/** Origins allowed to upload from a browser unless the deployment overrides them. */
export const DEFAULT_CORS_ORIGINS = ['http://localhost:5173', 'http://127.0.0.1:5173'] as const;

export interface HttpCorsRules {
  readonly allowOrigins: readonly string[];
  readonly allowMethods: readonly HttpMethod[];
  readonly allowHeaders: readonly string[];
  /** Response headers a browser script may read (ETag for If-Match, Retry-After on 429, Location on 201). */
  readonly exposeHeaders: readonly string[];
  readonly maxAgeSeconds: number;
}

/** Browsers may cache a preflight answer this long; the allowed origins change only on deploy. */
export const HTTP_CORS_MAX_AGE_SECONDS = 3600;

/** The HTTP API's CORS rules, which API Gateway and the local gateway both apply. */
export function httpCorsRules(http: Topology['http'], origins: readonly string[]): HttpCorsRules {
  return {
    allowOrigins: [...origins],
    allowMethods: [...new Set(http.routes.map((route) => route.method))],
    // if-match: conditional PATCH and DELETE of a record (optimistic concurrency).
    allowHeaders: [http.authorizer.header, 'content-type', 'if-match'],
    exposeHeaders: ['etag', 'retry-after', 'location'],
    maxAgeSeconds: HTTP_CORS_MAX_AGE_SECONDS,
  };
}

/**
 * The functions something in the topology points at (a route, an authorizer, a queue, a stream,
 * the search setup, a schedule), in declaration order. A declared but unreferenced function is
 * not deployed; a referenced but undeclared one is a topology error, reported here by name
 * rather than as an undefined deep inside CDK.
 */
export function referencedFunctions(topology: Topology): string[] {
  const referenced = new Set<string>([
    topology.http.authorizer.fn,
    ...topology.http.routes.map((route) => route.fn),
    topology.websocket.authorizer.fn,
    ...topology.websocket.routes.map((route) => route.fn),
    ...Object.values(topology.queues).map((queue) => queue.consumer),
    ...topology.streams.map((stream) => stream.fn),
    topology.searchSetup.fn,
    ...topology.schedules.map((schedule) => schedule.fn),
  ]);
  const undeclared = [...referenced].filter((name) => !Object.hasOwn(topology.functions, name));
  if (undeclared.length > 0) {
    throw new Error(`The topology references functions it does not declare: ${undeclared.join(', ')}`);
  }
  return Object.keys(topology.functions).filter((name) => referenced.has(name));
}

// ---- Environment contract: the names a handler reads (functions/platform/config.ts) ----

const constCase = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

export const envNames = {
  table: (name: TableName): string => `${constCase(name)}_TABLE_NAME`,
  queueUrl: (name: QueueName): string => `${constCase(name)}_QUEUE_URL`,
  bucket: 'UPLOADS_BUCKET_NAME',
  searchEndpoint: 'SEARCH_ENDPOINT',
  wsManagementEndpoint: 'WS_MANAGEMENT_ENDPOINT',
  secret: (name: SecretName): string =>
    ({ tokenSigning: 'AUTH_TOKEN_SECRET', razorpayKeyId: 'RAZORPAY_KEY_ID', razorpayKeySecret: 'RAZORPAY_KEY_SECRET', razorpayWebhookSecret: 'RAZORPAY_WEBHOOK_SECRET', apolloCredentials: 'APOLLO_CREDENTIALS_KEY', providerKeySealing: 'PROVIDER_KEY_SEALING_SECRET', rocketreachWebhookSecret: 'ROCKETREACH_WEBHOOK_SECRET' })[name],
  mailFrom: 'MAIL_FROM',
  passwordResetUrl: 'PASSWORD_RESET_URL',
} as const;

export const physicalIndexName = (spec: SearchIndexSpec): string => `${spec.alias}-v${spec.version}`;
