/**
 * The embedded local cloud: the emulators, the resources of the topology, the API Gateway
 * emulators and the event sources, wired to the same handler modules Lambda runs.
 *
 * @example
 * const cloud = await startLocalCloud({ ephemeral: true, ports: { http: 0, ws: 0, dynamodb: 0, sqs: 0, s3: 0, search: 0, mail: 0 } });
 * await fetch(`${cloud.endpoints.http}/v1/health`);
 * await cloud.stop();
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { envNames } from '../topology.ts';
import type { Topology } from '../topology.ts';
import { startDynamoDbLocal } from './emulators/dynamodb.ts';
import type { DynamoDbEmulator } from './emulators/dynamodb.ts';
import { startS3 } from './emulators/s3.ts';
import type { S3Emulator } from './emulators/s3.ts';
import { startSearch } from './emulators/search.ts';
import type { SearchEmulator } from './emulators/search.ts';
import { startSqs } from './emulators/sqs.ts';
import type { SqsEmulator } from './emulators/sqs.ts';
import { applyEnv, buildHandlerEnv } from './env.ts';
import { startHttpGateway } from './gateway/http.ts';
import { startWebSocketGateway } from './gateway/websocket.ts';
import { resetHandlerState } from './handler-state.ts';
import { createInvoker } from './invoke.ts';
import type { Invoker } from './invoke.ts';
import { startFakes } from './fakes/start-fakes.ts';
import { razorpayEnv } from './fakes/razorpay/razorpay-env.ts';
import { rocketReachEnv } from './fakes/rocketreach/rocketreach-env.ts';
import { FAKE_ROCKETREACH_WEBHOOK_SECRET } from './fakes/rocketreach/index.ts';
import { createLog } from './log.ts';
import type { CloudLog } from './log.ts';
import { REPO_ROOT, resolveOptions } from './options.ts';
import type { ResolvedOptions } from './options.ts';
import { openCheckpointStore } from './pollers/checkpoints.ts';
import { startStreamPoller } from './pollers/dynamodb-streams.ts';
import type { Poller } from './pollers/poller.ts';
import { startSqsPoller } from './pollers/sqs.ts';
import { createResources, queueNamesFor } from './resources.ts';
import { startS3Notifications } from './s3-notifications.ts';
import { startSchedules } from './schedules.ts';
import { setUpSearchIndexes } from './search-setup.ts';
import { createShutdown } from './shutdown.ts';
import { startMailCatcher } from './mail-catcher.ts';
import type { MailCatcher } from './mail-catcher.ts';
import { ensureLocalSecret, ensureTokenSecret } from './token-secret.ts';
import type { Shutdown } from './shutdown.ts';
import type { LocalCloud, LocalCloudEndpoints, LocalCloudOptions, LocalCloudResources } from './types.ts';

export type { LocalCloud, LocalCloudEndpoints, LocalCloudOptions, LocalCloudResources } from './types.ts';

interface Emulators {
  dynamodb: DynamoDbEmulator;
  sqs: SqsEmulator;
  s3: S3Emulator;
  search: SearchEmulator;
  mail: MailCatcher;
}

/** Like Promise.all, but rejects only once every promise has settled. */
const settleAll = async <T extends readonly unknown[]>(promises: { [K in keyof T]: Promise<T[K]> }): Promise<T> => {
  const results = await Promise.allSettled(promises);
  const failure = results.find((result) => result.status === 'rejected');
  if (failure !== undefined) throw (failure as PromiseRejectedResult).reason;
  return results.map((result) => (result as PromiseFulfilledResult<unknown>).value) as unknown as T;
};

/** Starts the four emulators side by side; if one fails, the others are stopped again. */
const startEmulators = async (options: ResolvedOptions, log: CloudLog, shutdown: Shutdown): Promise<Emulators> => {
  const { dataDir, ephemeral, ports } = options;
  const register = <T extends { stop: () => Promise<void> }>(started: T): T => {
    shutdown.add('emulators', started.stop);
    return started;
  };
  const [dynamodb, sqs, s3, search, mail] = await settleAll([
    startDynamoDbLocal({ port: ports.dynamodb, ...(ephemeral ? {} : { dbPath: path.join(dataDir, 'dynamodb') }), log }).then(register),
    startSqs({ port: ports.sqs, ...(ephemeral ? {} : { dataDir: path.join(dataDir, 'sqs') }), log }).then(register),
    startS3({ port: ports.s3, directory: path.join(dataDir, 's3'), log }).then(register),
    startSearch({ port: ports.search, ...(ephemeral ? {} : { dataDir: path.join(dataDir, 'search') }), log }).then(register),
    startMailCatcher({ port: ports.mail, ...(ephemeral ? {} : { dataDir: path.join(dataDir, 'mail') }), log }).then(register),
  ] as const);
  return { dynamodb, sqs, s3, search, mail };
};

const startEventSources = async (
  topology: Topology,
  context: { emulators: Emulators; resources: LocalCloudResources; invoker: Invoker; dataDir: string; log: CloudLog },
): Promise<Poller[]> => {
  const { emulators, resources, invoker, log } = context;
  const checkpoints = await openCheckpointStore(path.join(context.dataDir, 'stream-checkpoints.json'));
  const streams = topology.streams.map((subscription) =>
    startStreamPoller({ subscription, tableName: resources.tables[subscription.table], endpoint: emulators.dynamodb.endpoint, invoker, checkpoints, log }),
  );
  const queues = Object.entries(topology.queues).map(([queue, spec]) =>
    startSqsPoller({
      spec,
      queueName: queueNamesFor(topology, queue as keyof typeof topology.queues).name,
      queueUrl: resources.queues[queue as keyof typeof topology.queues].url,
      endpoint: emulators.sqs.endpoint,
      invoker,
      log,
    }),
  );
  const notifications = startS3Notifications({ topology, s3: emulators.s3, bucket: resources.bucket, queueUrls: resources.queues, sqsEndpoint: emulators.sqs.endpoint, log });
  return [...streams, ...queues, notifications, startSchedules({ topology, invoker, log })];
};

const APOLLO_CREDENTIALS_KEY_FILE = 'apollo-credentials-key';
/** Who SEC (or the fake EDGAR) is told calls it when the developer named nobody. */
const LOCAL_EDGAR_CONTACT = 'developer@leadstack.localhost';

const boot = async (options: ResolvedOptions, log: CloudLog, shutdown: Shutdown): Promise<LocalCloud> => {
  const { topology } = options;
  const invoker = createInvoker(topology, REPO_ROOT, log);
  const gateway = <T extends { stop: () => Promise<void> }>(started: T): T => {
    shutdown.add('gateways', started.stop);
    return started;
  };
  // The gateways listen at once (their ports go into the handler environment) but invoke
  // nothing before invoker.enable(), after the environment is set.
  // allSettled, not all: every part that did start must be registered before a failure unwinds.
  // Fakes that send webhooks (Razorpay) learn the API's URL once its gateway listens.
  let apiUrl: string | undefined;
  const [emulators, http, ws, fakes] = await settleAll([
    startEmulators(options, log, shutdown),
    startHttpGateway({ topology, invoker, port: options.ports.http, log }).then((started) => {
      apiUrl = started.endpoint;
      return gateway(started);
    }),
    startWebSocketGateway({ topology, invoker, port: options.ports.ws, log }).then(gateway),
    startFakes({ ...options.fakes, apiUrl: () => apiUrl }, (stop) => shutdown.add('emulators', stop), log),
  ] as const);
  const endpoints: LocalCloudEndpoints = {
    http: http.endpoint,
    ws: ws.endpoint,
    wsManagement: ws.managementEndpoint,
    dynamodb: emulators.dynamodb.endpoint,
    sqs: emulators.sqs.endpoint,
    s3: emulators.s3.endpoint,
    search: emulators.search.endpoint,
    mail: emulators.mail.endpoint,
  };
  const resources = await createResources(topology, endpoints, log);
  const env = {
    ...buildHandlerEnv(topology.service, endpoints, resources, process.env.LOG_LEVEL ?? 'WARN', await ensureTokenSecret(options.dataDir)),
    // Provider base URLs and the outbound allow list point handlers at the fakes.
    ...fakes.env,
    ...razorpayEnv(process.env),
    // The fake RocketReach signs its bulk deliveries with this secret; a developer's own wins.
    ROCKETREACH_WEBHOOK_SECRET: process.env.ROCKETREACH_WEBHOOK_SECRET || FAKE_ROCKETREACH_WEBHOOK_SECRET,
    // SEC's fair access asks every client for a contact in its User-Agent; the fake EDGAR enforces it.
    EDGAR_CONTACT_EMAIL: process.env.EDGAR_CONTACT_EMAIL ?? LOCAL_EDGAR_CONTACT,
    ...rocketReachEnv(fakes.fakes, process.env),
    // The stack's generated Apollo credentials key; on AWS only functions with `secrets: ['apolloCredentials']` get it.
    [envNames.secret('apolloCredentials')]: await ensureLocalSecret(options.dataDir, APOLLO_CREDENTIALS_KEY_FILE),
  };
  const restoreEnv = applyEnv(env);
  shutdown.add('environment', async () => restoreEnv());
  await resetHandlerState(REPO_ROOT);
  invoker.enable();
  await setUpSearchIndexes(topology, invoker, log);
  const sources = await startEventSources(topology, { emulators, resources, invoker, dataDir: options.dataDir, log });
  for (const source of sources) shutdown.add('eventSources', () => source.stop());
  return { endpoints, env, resources, fakes: fakes.fakes, dataDir: options.dataDir, stop: () => shutdown.run() };
};

export async function startLocalCloud(opts: LocalCloudOptions = {}): Promise<LocalCloud> {
  const options = await resolveOptions(opts);
  const log = createLog(options.quiet);
  const shutdown = createShutdown(log);
  if (options.ephemeral) shutdown.add('files', () => rm(options.dataDir, { recursive: true, force: true }));
  try {
    const cloud = await boot(options, log, shutdown);
    return { ...cloud, stop: () => shutdown.run() };
  } catch (error) {
    // The start-up error is the one to report; stop failures were logged already.
    await shutdown.run().catch(() => undefined);
    throw error;
  }
}
