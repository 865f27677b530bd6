/**
 * Apollo collection: a search URL becomes an `apollo_collection` job (planned and watched by the
 * job worker); each page of each segment is a message on the page queue, whose worker reads it
 * through the workspace's Apollo source (its browser session or API key) and writes organisations
 * and people to the records table; and the task-mapping routes read what tasks collected.
 */
import { PAGE_TASK_BATCH_SIZE, PAGE_TASK_MAX_RECEIVES } from '../../functions/domain/apollo/limits.ts';
import { defineFeature } from './types.ts';

/** One page of organisations, each with a people search: up to a hundred paced source calls. */
const APOLLO_PAGE_TIMEOUT_SECONDS = 600;

export const apolloCollections = defineFeature({
  name: 'apolloCollections',
  functions: {
    apolloPage: {
      entry: 'functions/workers/apollo-page.worker.ts',
      timeoutSeconds: APOLLO_PAGE_TIMEOUT_SECONDS,
      memoryMb: 1600,
      // The browser-session source drives the Apollo web app in headless Chromium.
      browser: true,
      // control: jobs, collection state, credentials, rate windows and the call log; records: collected companies and contacts.
      access: { tables: { control: 'readwrite', records: 'readwrite' }, websocket: true, queues: { apolloPages: 'send' }, secrets: ['apolloCredentials'] },
    },
    collectionsApolloCreate: { entry: 'functions/http/collections-apollo-create.handler.ts', timeoutSeconds: 29, memoryMb: 512, access: { tables: { control: 'readwrite' }, queues: { jobs: 'send' } } },
    collectionsList: { entry: 'functions/http/collections-list.handler.ts', timeoutSeconds: 29, memoryMb: 512, access: { tables: { control: 'read' } } },
    collectionsStatus: { entry: 'functions/http/collections-status.handler.ts', timeoutSeconds: 29, memoryMb: 512, access: { tables: { control: 'read' } } },
    collectionsRecords: { entry: 'functions/http/collections-records.handler.ts', timeoutSeconds: 29, memoryMb: 512, access: { tables: { control: 'read' }, search: 'read' } },
  },
  routes: [
    { method: 'POST', path: '/v1/collections/apollo', fn: 'collectionsApolloCreate', authorized: true },
    { method: 'GET', path: '/v1/collections', fn: 'collectionsList', authorized: true },
    { method: 'GET', path: '/v1/collections/status', fn: 'collectionsStatus', authorized: true },
    { method: 'POST', path: '/v1/collections/records', fn: 'collectionsRecords', authorized: true },
  ],
  queues: {
    apolloPages: {
      consumer: 'apolloPage',
      batchSize: PAGE_TASK_BATCH_SIZE,
      maxBatchingWindowSeconds: 0,
      // Six times the consumer's timeout, as AWS advises.
      visibilityTimeoutSeconds: 6 * APOLLO_PAGE_TIMEOUT_SECONDS,
      maxReceiveCount: PAGE_TASK_MAX_RECEIVES,
    },
  },
});
