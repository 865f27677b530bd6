/**
 * Jobs and uploads: presigned (multipart) browser uploads into the bucket, imports and exports
 * run as jobs from the jobs queue, their control actions and downloads.
 */
import { MAX_JOB_RETRY_COUNT } from '../../functions/domain/jobs/job.ts';
import { MB, defineFeature } from './types.ts';

/** Uploads write the bucket; control holds their Idempotency-Key records. */
const BUCKET_WRITE = { bucket: 'write', tables: { control: 'readwrite' } } as const;
const CONTROL_READ = { tables: { control: 'read' } } as const;
/** A run may use Lambda's whole 15 minutes. */
const RUN_JOB_TIMEOUT_SECONDS = 900;

export const jobsAndUploads = defineFeature({
  name: 'jobsAndUploads',
  functions: {
    createUpload: { entry: 'functions/http/create-upload.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: BUCKET_WRITE },
    multipartUploadInit: { entry: 'functions/http/multipart-upload-init.handler.ts', timeoutSeconds: 10, memoryMb: MB.small, access: BUCKET_WRITE },
    multipartUploadParts: { entry: 'functions/http/multipart-upload-parts.handler.ts', timeoutSeconds: 10, memoryMb: MB.small, access: BUCKET_WRITE },
    // readwrite: completing reads the assembled object's size back (and deletes one over the limit).
    multipartUploadComplete: {
      entry: 'functions/http/multipart-upload-complete.handler.ts',
      timeoutSeconds: 29,
      memoryMb: MB.small,
      access: { bucket: 'readwrite' },
    },
    multipartUploadAbort: { entry: 'functions/http/multipart-upload-abort.handler.ts', timeoutSeconds: 10, memoryMb: MB.small, access: BUCKET_WRITE },
    uploadReceived: {
      entry: 'functions/workers/upload-received.worker.ts',
      timeoutSeconds: 10,
      memoryMb: MB.small,
      access: { tables: { control: 'write' } },
    },
    // control readwrite: downloading another principal's export charges the downloader's allowance.
    jobDownload: { entry: 'functions/http/job-download.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: { tables: { control: 'readwrite' }, bucket: 'read' } },
    createJob: {
      entry: 'functions/http/create-job.handler.ts',
      timeoutSeconds: 10,
      memoryMb: MB.small,
      // search: an export is charged its current match count (bounded by its cap) before it is queued.
      access: { tables: { control: 'readwrite' }, queues: { jobs: 'send' }, search: 'read' },
    },
    listJobs: { entry: 'functions/http/list-jobs.handler.ts', timeoutSeconds: 10, memoryMb: MB.small, access: CONTROL_READ },
    getJob: { entry: 'functions/http/get-job.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: CONTROL_READ },
    jobAction: {
      entry: 'functions/http/job-action.handler.ts',
      timeoutSeconds: 10,
      memoryMb: MB.small,
      // search: an export retried by its payer is charged again for its current matches.
      access: { tables: { control: 'readwrite' }, queues: { jobs: 'send' }, websocket: true, search: 'read' },
    },
    runJob: {
      entry: 'functions/workers/run-job.worker.ts',
      timeoutSeconds: RUN_JOB_TIMEOUT_SECONDS,
      // An apollo_collection run plans its segments by counting searches through the workspace's
      // source, which may be its browser session: Chromium and the memory it needs.
      memoryMb: 1600,
      browser: true,
      access: {
        tables: { control: 'readwrite', records: 'readwrite' },
        bucket: 'readwrite',
        search: 'read',
        websocket: true,
        // siteTasks: an enrich_websites run plans one task per site onto it; apolloPages: an
        // apollo_collection run sends each segment's first page (and parked pages on resume).
        queues: { jobs: 'send', siteTasks: 'send', apolloPages: 'send' },
        // The workspace's sealed Apollo session or key, opened to plan a collection; the sealing
        // secret opens the signals-webhook secret and a lookup_bulk run's provider key; a bulk run
        // mails admins on low credit.
        secrets: ['apolloCredentials', 'providerKeySealing'],
        email: true,
      },
    },
  },
  routes: [
    { method: 'POST', path: '/v1/uploads', fn: 'createUpload', authorized: true },
    { method: 'POST', path: '/v1/uploads/multipart', fn: 'multipartUploadInit', authorized: true },
    { method: 'POST', path: '/v1/uploads/multipart/parts', fn: 'multipartUploadParts', authorized: true },
    { method: 'POST', path: '/v1/uploads/multipart/complete', fn: 'multipartUploadComplete', authorized: true },
    { method: 'POST', path: '/v1/uploads/multipart/abort', fn: 'multipartUploadAbort', authorized: true },
    { method: 'GET', path: '/v1/jobs/{id}/download', fn: 'jobDownload', authorized: true },
    { method: 'POST', path: '/v1/jobs', fn: 'createJob', authorized: true },
    // Appointment360's export of chosen contacts: an export job like any other.
    { method: 'POST', path: '/v1/contacts/export', fn: 'createJob', authorized: true },
    { method: 'GET', path: '/v1/jobs', fn: 'listJobs', authorized: true },
    { method: 'GET', path: '/v1/jobs/{id}', fn: 'getJob', authorized: true },
    { method: 'POST', path: '/v1/jobs/{id}/stop', fn: 'jobAction', authorized: true },
    { method: 'POST', path: '/v1/jobs/{id}/retry', fn: 'jobAction', authorized: true },
    { method: 'POST', path: '/v1/jobs/{id}/pause', fn: 'jobAction', authorized: true },
    { method: 'POST', path: '/v1/jobs/{id}/resume', fn: 'jobAction', authorized: true },
  ],
  queues: {
    uploadEvents: {
      consumer: 'uploadReceived',
      batchSize: 10,
      maxBatchingWindowSeconds: 1,
      // AWS advises at least six times the consumer's timeout.
      visibilityTimeoutSeconds: 60,
      maxReceiveCount: 5,
    },
    jobs: {
      consumer: 'runJob',
      // One job per invocation: a run may use the whole 15 minutes.
      batchSize: 1,
      maxBatchingWindowSeconds: 0,
      // Six times the consumer's timeout, as AWS advises; the worker shortens its own message's
      // visibility to its lease when it claims a job, so a crashed run is taken over soon after.
      visibilityTimeoutSeconds: 6 * RUN_JOB_TIMEOUT_SECONDS,
      // Room for a job's retries (each a redelivery of the same message) plus a few waits.
      maxReceiveCount: MAX_JOB_RETRY_COUNT + 5,
    },
  },
  bucket: {
    cors: {
      allowedMethods: ['GET', 'PUT', 'POST', 'HEAD'],
      allowedHeaders: ['*'],
      exposedHeaders: ['ETag'],
      maxAgeSeconds: 3000,
    },
    notifications: [{ event: 'ObjectCreated', prefix: 'workspaces/', queue: 'uploadEvents' }],
  },
});
