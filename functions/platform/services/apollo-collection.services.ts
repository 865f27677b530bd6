import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoCollectionStore } from '../../adapters/dynamodb/apollo-collection.dynamodb.ts';
import { SqsPageTaskQueue } from '../../adapters/sqs/page-task-queue.sqs.ts';
import type { CollectPageDeps } from '../../domain/apollo/collect-page.ts';
import type { ApolloCollectionDeps } from '../../domain/apollo/run-apollo-collection.ts';
import type { ApolloSource } from '../../ports/apollo-source.port.ts';
import { config } from '../config.ts';
import { tracer } from '../tracer.ts';
import { apolloCredentialStore, apolloSourceFactory } from './apollo.services.ts';
import { documentClient, recordStore } from './dynamodb.services.ts';
import { jobStore } from './jobs.services.ts';
import { once } from './once.ts';
import { jobEvents } from './realtime.services.ts';

/** Apollo's own app; the configured Apollo provider's host is accepted beside it (the local cloud's fake). */
export const APOLLO_APP_HOSTS = ['app.apollo.io'] as const;

/** Hosts an `apollo_url` may name: Apollo's app and the host PROVIDER_APOLLO_BASE_URL points at. */
export const apolloUrlHosts = /* @__PURE__ */ once((): ReadonlySet<string> => {
  const configured = new URL(config().outbound.providers.apollo.baseUrl);
  return new Set<string>([...APOLLO_APP_HOSTS, configured.host.toLowerCase()]);
});

export const collectionStore = /* @__PURE__ */ once(() => new DynamoCollectionStore(documentClient(), config().CONTROL_TABLE_NAME));

export const pageTaskQueue = /* @__PURE__ */ once(() => {
  const url = config().APOLLO_PAGES_QUEUE_URL;
  if (!url) throw new Error('APOLLO_PAGES_QUEUE_URL is not set');
  return new SqsPageTaskQueue(tracer.captureAWSv3Client(new SQSClient({ region: config().AWS_REGION })), url);
});

/** The workspace's source from its stored credentials, or null when it stored none. */
async function openSource(workspaceId: string, jobId: string): Promise<ApolloSource | null> {
  const credentials = await apolloCredentialStore().load(workspaceId);
  return credentials ? apolloSourceFactory().open(credentials, { workspaceId, jobId }) : null;
}

export const apolloCollectionDeps = (): ApolloCollectionDeps => ({
  store: collectionStore(),
  queue: pageTaskQueue(),
  openSource,
  allowedHosts: apolloUrlHosts(),
  // Apollo's industry tag ids are its own; none are known to leadstack yet, so only a URL's own industries are split.
  catalogues: { industries: [] },
});

export const collectPageDeps = (): CollectPageDeps => ({ jobs: jobStore(), store: collectionStore(), queue: pageTaskQueue(), records: recordStore(), openSource, events: jobEvents() });
