/**
 * The environment every handler runs with: the same variable names as on Lambda, pointed at
 * the emulators. Handlers never ask "am I local?"; the standard AWS_ENDPOINT_URL_<SERVICE>
 * variables redirect their SDK clients.
 */
import { createHmac } from 'node:crypto';
import { envNames } from '../topology.ts';
import type { QueueName, TableName } from '../topology.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './aws.ts';
import type { LocalCloudEndpoints, LocalCloudResources } from './types.ts';

/** Advertised to the runtime libraries only; the local cloud does not cap concurrent invocations. */
const LOCAL_MAX_CONCURRENCY = 64;

const entriesOf = <K extends string, V>(record: Record<K, V>): [K, V][] => Object.entries(record) as [K, V][];

export const buildHandlerEnv = (
  service: string,
  endpoints: LocalCloudEndpoints,
  resources: LocalCloudResources,
  logLevel: string,
  tokenSecret: string,
): Record<string, string> => ({
  AWS_REGION: LOCAL_REGION,
  AWS_DEFAULT_REGION: LOCAL_REGION,
  AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
  AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
  AWS_ENDPOINT_URL_DYNAMODB_STREAMS: endpoints.dynamodb,
  AWS_ENDPOINT_URL_SQS: endpoints.sqs,
  AWS_ENDPOINT_URL_S3: endpoints.s3,
  AWS_ENDPOINT_URL_SESV2: endpoints.mail,
  // Not read by the SDK itself: functions/platform/config.ts passes it as forcePathStyle.
  S3_FORCE_PATH_STYLE: 'true',
  ...Object.fromEntries(entriesOf<TableName, string>(resources.tables).map(([table, name]) => [envNames.table(table), name])),
  ...Object.fromEntries(entriesOf<QueueName, { url: string }>(resources.queues).map(([queue, { url }]) => [envNames.queueUrl(queue), url])),
  [envNames.bucket]: resources.bucket,
  [envNames.searchEndpoint]: endpoints.search,
  [envNames.wsManagementEndpoint]: endpoints.wsManagement,
  // On AWS only functions with `secrets: ['tokenSigning']` get it; in-process handlers share one environment.
  [envNames.secret('tokenSigning')]: tokenSecret,
  // Derived from the data dir's token secret so it survives restarts as it does; on AWS it is a secret of its own.
  [envNames.secret('providerKeySealing')]: createHmac('sha256', tokenSecret).update('leadstack provider key sealing').digest('base64url'),
  POWERTOOLS_SERVICE_NAME: service,
  POWERTOOLS_DEV: 'true',
  // POWERTOOLS_DEV already stops EMF output; the namespace keeps Metrics from warning without one.
  POWERTOOLS_METRICS_DISABLED: 'true',
  POWERTOOLS_METRICS_NAMESPACE: service,
  // No X-Ray daemon runs locally.
  POWERTOOLS_TRACE_ENABLED: 'false',
  LOG_LEVEL: logLevel,
  // Invocations run concurrently in this one process, as on Lambda managed instances: this is
  // how that runtime tells Powertools to keep per-invocation state in the InvokeStore (./invoke.ts).
  AWS_LAMBDA_MAX_CONCURRENCY: String(LOCAL_MAX_CONCURRENCY),
});

/** Sets the handler environment and returns how to put the previous one back. */
export const applyEnv = (env: Record<string, string>): (() => void) => {
  const previous = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  return () => {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
};
