/**
 * Website enrichment: `enrich_websites` jobs fan out one task per site onto the site-task queue,
 * whose worker crawls the site (plain HTTP first, headless Chromium when a page needs it) and
 * writes what it says to the company; and a one-site lookup for a UI.
 */
import { SITE_TASK_BATCH_SIZE, SITE_TASK_MAX_RECEIVES } from '../../functions/domain/enrich-websites/limits.ts';
import { defineFeature } from './types.ts';

/** A batch of sites side by side, each a few paced pages and maybe a browser render. */
const ENRICH_SITE_TIMEOUT_SECONDS = 300;

export const enrichment = defineFeature({
  name: 'enrichment',
  functions: {
    enrichSite: {
      entry: 'functions/workers/enrich-site.worker.ts',
      timeoutSeconds: ENRICH_SITE_TIMEOUT_SECONDS,
      memoryMb: 1600,
      browser: true,
      // control: tasks, tally, rate windows and the call log; records: the enriched companies; search: finding a company by domain.
      access: { tables: { control: 'readwrite', records: 'readwrite' }, search: 'read' },
    },
    websiteLookup: {
      entry: 'functions/http/website-lookup.handler.ts',
      timeoutSeconds: 29,
      memoryMb: 1600,
      browser: true,
      access: { tables: { control: 'readwrite' } },
    },
  },
  routes: [{ method: 'GET', path: '/v1/enrichment/website', fn: 'websiteLookup', authorized: true }],
  queues: {
    siteTasks: {
      consumer: 'enrichSite',
      batchSize: SITE_TASK_BATCH_SIZE,
      maxBatchingWindowSeconds: 1,
      // Six times the consumer's timeout, as AWS advises.
      visibilityTimeoutSeconds: 6 * ENRICH_SITE_TIMEOUT_SECONDS,
      maxReceiveCount: SITE_TASK_MAX_RECEIVES,
    },
  },
});
