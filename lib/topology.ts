/**
 * The one declaration of leadstack's infrastructure. `lib/cloud/` turns it into a CDK stack and
 * `lib/local/` into the embedded local cloud; neither declares a resource of its own.
 *
 * A feature adds entries here (a route, a queue, a table, an index, a schedule), never machinery.
 * Handler entries are paths from the repository root to a module exporting `handler`.
 */
import { MAX_JOB_RETRY_COUNT } from '../functions/domain/jobs/job.ts';
import { COMPANY_FIELDS, CONTACT_FIELDS } from '../functions/domain/records/fields.ts';
import { RECORD_INDEX_SETTINGS, mappingsFor } from './search-mappings.ts';

export type TableName = 'records' | 'control';
export type QueueName = 'uploadEvents' | 'jobs';
export type SearchIndexName = 'companies' | 'contacts';
export type SecretName = 'tokenSigning';

/** What a function may touch; CDK derives its IAM grants from this, nothing else. */
export interface Access {
  readonly tables?: Partial<Record<TableName, 'read' | 'write' | 'readwrite'>>;
  readonly queues?: Partial<Record<QueueName, 'send'>>;
  readonly bucket?: 'read' | 'write' | 'readwrite';
  readonly search?: 'read' | 'write' | 'readwrite';
  /** Post to and delete WebSocket connections through the @connections management API. */
  readonly websocket?: boolean;
  /** Secrets the function receives (issue 5): `tokenSigning` is the access tokens' HS256 key. */
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

export interface HttpRoute {
  readonly method: HttpMethod;
  /** API Gateway path syntax: `/v1/companies/{uuid}`. */
  readonly path: string;
  readonly fn: FunctionName;
  readonly authorized: boolean;
}

export interface WebSocketRoute {
  /** `$connect`, `$disconnect`, `$default` or an `action` value. */
  readonly route: string;
  readonly fn: FunctionName;
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

export interface QueueSpec {
  readonly consumer: FunctionName;
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

export interface StreamSubscription {
  readonly table: TableName;
  readonly fn: FunctionName;
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

export interface ScheduleSpec {
  readonly fn: FunctionName;
  /** `rate(5 minutes)`-style expression understood by both EventBridge and the local timers. */
  readonly rate: { readonly minutes: number };
}

const MB = { small: 256, medium: 512 } as const;

// ---- Seed compatibility ---------------------------------------------------------------------
// Routes that let a frontend written for one of the five seed products keep its requests as
// written (only base URL and path change); the README's seed route table maps each seed route
// here. Kept as one block so it can move to its own feature module whole.
const seedCompatFunctions = {
  uploadUrl: { entry: 'functions/http/upload-url.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: { bucket: 'write' } },
  searchJobs: { entry: 'functions/http/search-jobs.handler.ts', timeoutSeconds: 10, memoryMb: MB.small, access: { tables: { control: 'read' } } },
  industries: { entry: 'functions/http/industries.handler.ts', timeoutSeconds: 10, memoryMb: MB.small, access: { search: 'read' } },
} as const satisfies Record<string, FunctionSpec>;

const seedCompatRoutes: readonly HttpRoute[] = [
  // Connectra: GET /common/upload-url?filename=…
  { method: 'GET', path: '/v1/uploads/url', fn: 'uploadUrl', authorized: true },
  // Connectra: POST /common/jobs (the list, with a status array)
  { method: 'POST', path: '/v1/jobs/search', fn: 'searchJobs', authorized: true },
  // Connectra: POST /common/:service/filters/data
  { method: 'POST', path: '/v1/contact/filters/data', fn: 'listFilterValues', authorized: true },
  { method: 'POST', path: '/v1/company/filters/data', fn: 'listFilterValues', authorized: true },
  // Appointment360: GET /api/api/industries/ and /api/api/industries/{id}/
  { method: 'GET', path: '/v1/industries', fn: 'industries', authorized: true },
  { method: 'GET', path: '/v1/industries/{id}', fn: 'industries', authorized: true },
];
// ---- end of seed compatibility ----------------------------------------------------------------

export const functions = {
  authorizer: {
    entry: 'functions/http/authorizer.handler.ts',
    timeoutSeconds: 5,
    memoryMb: MB.small,
    // readwrite: API rate-limit counters and API keys' last_used_at; the secret verifies JWTs.
    access: { tables: { control: 'readwrite' }, secrets: ['tokenSigning'] },
  },
  health: { entry: 'functions/http/health.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: {} },
  upsertCompanies: {
    entry: 'functions/http/upsert-companies.handler.ts',
    timeoutSeconds: 29,
    memoryMb: MB.medium,
    access: { tables: { records: 'readwrite' } },
  },
  upsertContacts: {
    entry: 'functions/http/upsert-contacts.handler.ts',
    timeoutSeconds: 29,
    memoryMb: MB.medium,
    access: { tables: { records: 'readwrite' } },
  },
  upsertRecords: {
    entry: 'functions/http/upsert-records.handler.ts',
    timeoutSeconds: 29,
    memoryMb: MB.medium,
    access: { tables: { records: 'readwrite' } },
  },
  searchRecords: {
    entry: 'functions/http/search-records.handler.ts',
    timeoutSeconds: 10,
    memoryMb: MB.medium,
    access: { search: 'read' },
  },
  countRecords: {
    entry: 'functions/http/count-records.handler.ts',
    timeoutSeconds: 10,
    memoryMb: MB.small,
    access: { search: 'read' },
  },
  indexRecords: {
    entry: 'functions/streams/index-records.stream.ts',
    timeoutSeconds: 60,
    memoryMb: MB.medium,
    access: { search: 'write' },
  },
  ensureSearchIndexes: {
    entry: 'functions/custom-resources/ensure-search-indexes.handler.ts',
    timeoutSeconds: 120,
    memoryMb: MB.small,
    access: { search: 'readwrite' },
  },
  wsAuthorizer: {
    entry: 'functions/ws/authorizer.handler.ts',
    timeoutSeconds: 5,
    memoryMb: MB.small,
    // readwrite: a ticket is consumed (deleted) as it is checked.
    access: { tables: { control: 'readwrite' } },
  },
  wsConnect: {
    entry: 'functions/ws/connect.handler.ts',
    timeoutSeconds: 5,
    memoryMb: MB.small,
    access: { tables: { control: 'write' } },
  },
  wsDisconnect: {
    entry: 'functions/ws/disconnect.handler.ts',
    timeoutSeconds: 5,
    memoryMb: MB.small,
    access: { tables: { control: 'write' } },
  },
  wsDefault: {
    entry: 'functions/ws/default.handler.ts',
    timeoutSeconds: 5,
    memoryMb: MB.small,
    access: { tables: { control: 'readwrite' }, websocket: true },
  },
  uploadReceived: {
    entry: 'functions/workers/upload-received.worker.ts',
    timeoutSeconds: 10,
    memoryMb: MB.small,
    access: { tables: { control: 'write' } },
  },
  // ---- query API (issue 3): filters, autocomplete, statistics, records CRUD, OpenAPI ----
  listRecords: {
    entry: 'functions/http/list-records.handler.ts',
    timeoutSeconds: 10,
    memoryMb: MB.medium,
    access: { search: 'read' },
  },
  listFilters: {
    entry: 'functions/http/filters.handler.ts',
    timeoutSeconds: 10,
    memoryMb: MB.small,
    access: { search: 'read' },
  },
  listFilterValues: {
    entry: 'functions/http/filter-values.handler.ts',
    timeoutSeconds: 10,
    memoryMb: MB.small,
    access: { search: 'read' },
  },
  autocomplete: {
    entry: 'functions/http/autocomplete.handler.ts',
    timeoutSeconds: 10,
    memoryMb: MB.small,
    access: { search: 'read' },
  },
  dashboardStats: {
    entry: 'functions/http/dashboard-stats.handler.ts',
    timeoutSeconds: 10,
    memoryMb: MB.small,
    access: { search: 'read' },
  },
  openapi: { entry: 'functions/http/openapi.handler.ts', timeoutSeconds: 10, memoryMb: MB.small, access: {} },
  docs: { entry: 'functions/http/docs.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: {} },
  getRecord: { entry: 'functions/http/get-record.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: { tables: { records: 'read' } } },
  // control: Idempotency-Key records of the creating routes (functions/platform/http/idempotency.ts).
  createContact: { entry: 'functions/http/create-contact.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: { tables: { records: 'readwrite', control: 'readwrite' } } },
  patchRecord: { entry: 'functions/http/patch-record.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: { tables: { records: 'readwrite' } } },
  deleteRecord: { entry: 'functions/http/delete-record.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: { tables: { records: 'readwrite' } } },
  // ---- jobs, uploads, import/export, progress (issue 4) ----
  createUpload: { entry: 'functions/http/create-upload.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: { bucket: 'write', tables: { control: 'readwrite' } } },
  multipartUploadInit: { entry: 'functions/http/multipart-upload-init.handler.ts', timeoutSeconds: 10, memoryMb: MB.small, access: { bucket: 'write', tables: { control: 'readwrite' } } },
  multipartUploadParts: { entry: 'functions/http/multipart-upload-parts.handler.ts', timeoutSeconds: 10, memoryMb: MB.small, access: { bucket: 'write' } },
  // readwrite: completing reads the assembled object's size back (and deletes one over the limit).
  multipartUploadComplete: { entry: 'functions/http/multipart-upload-complete.handler.ts', timeoutSeconds: 29, memoryMb: MB.small, access: { bucket: 'readwrite' } },
  multipartUploadAbort: { entry: 'functions/http/multipart-upload-abort.handler.ts', timeoutSeconds: 10, memoryMb: MB.small, access: { bucket: 'write' } },
  jobDownload: { entry: 'functions/http/job-download.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: { tables: { control: 'read' }, bucket: 'read' } },
  createJob: {
    entry: 'functions/http/create-job.handler.ts',
    timeoutSeconds: 10,
    memoryMb: MB.small,
    // search: an export is charged its current match count (bounded by its cap) before it is queued.
    access: { tables: { control: 'readwrite' }, queues: { jobs: 'send' }, search: 'read' },
  },
  listJobs: { entry: 'functions/http/list-jobs.handler.ts', timeoutSeconds: 10, memoryMb: MB.small, access: { tables: { control: 'read' } } },
  getJob: { entry: 'functions/http/get-job.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: { tables: { control: 'read' } } },
  jobAction: {
    entry: 'functions/http/job-action.handler.ts',
    timeoutSeconds: 10,
    memoryMb: MB.small,
    access: { tables: { control: 'readwrite' }, queues: { jobs: 'send' }, websocket: true },
  },
  createWsTicket: { entry: 'functions/http/ws-ticket.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: { tables: { control: 'write' } } },
  runJob: {
    entry: 'functions/workers/run-job.worker.ts',
    timeoutSeconds: 900,
    memoryMb: 1024,
    access: {
      tables: { control: 'readwrite', records: 'readwrite' },
      bucket: 'readwrite',
      search: 'read',
      websocket: true,
      queues: { jobs: 'send' },
    },
  },
  // ---- accounts (issue 5): users, sign-in, API keys, limits ----
  // scrypt is CPU-bound and Lambda's CPU grows with memory: password handlers get 1 GB.
  authLogin: { entry: 'functions/http/auth-login.handler.ts', timeoutSeconds: 10, memoryMb: 1024, access: { tables: { control: 'readwrite' }, secrets: ['tokenSigning'] } },
  authRefresh: { entry: 'functions/http/auth-refresh.handler.ts', timeoutSeconds: 10, memoryMb: MB.small, access: { tables: { control: 'readwrite' }, secrets: ['tokenSigning'] } },
  authLogout: { entry: 'functions/http/auth-logout.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: { tables: { control: 'readwrite' } } },
  authProfile: { entry: 'functions/http/auth-profile.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: { tables: { control: 'read' } } },
  authPasswordReset: { entry: 'functions/http/auth-password-reset.handler.ts', timeoutSeconds: 10, memoryMb: MB.small, access: { tables: { control: 'readwrite' }, email: true } },
  authPasswordResetConfirm: { entry: 'functions/http/auth-password-reset-confirm.handler.ts', timeoutSeconds: 10, memoryMb: 1024, access: { tables: { control: 'readwrite' } } },
  createApiKey: { entry: 'functions/http/api-keys-create.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: { tables: { control: 'readwrite' } } },
  listApiKeys: { entry: 'functions/http/api-keys-list.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: { tables: { control: 'read' } } },
  deleteApiKey: { entry: 'functions/http/api-keys-delete.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: { tables: { control: 'readwrite' } } },
  listUsers: { entry: 'functions/http/users-list.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: { tables: { control: 'read' } } },
  createUser: { entry: 'functions/http/users-create.handler.ts', timeoutSeconds: 10, memoryMb: 1024, access: { tables: { control: 'readwrite' }, email: true } },
  updateUser: { entry: 'functions/http/users-update.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: { tables: { control: 'readwrite' } } },
  ...seedCompatFunctions,
} as const satisfies Record<string, FunctionSpec>;

export type FunctionName = keyof typeof functions;

export interface Topology {
  readonly service: string;
  readonly functions: Readonly<Record<string, FunctionSpec>>;
  readonly http: {
    /** The Lambda authorizer (simple responses) guarding every `authorized` route. */
    readonly authorizer: { readonly fn: string; readonly header: string };
    readonly routes: readonly HttpRoute[];
  };
  readonly websocket: {
    /**
     * The $connect authorizer and its identity source: a header, or a query-string parameter
     * (browsers cannot set headers on a WebSocket, so they pass a ticket as `?ticket=`).
     */
    readonly authorizer: { readonly fn: string; readonly header: string } | { readonly fn: string; readonly query: string };
    /** Route selection expression: the `action` field of each JSON message. */
    readonly routeSelectionKey: 'action';
    readonly routes: readonly WebSocketRoute[];
  };
  readonly tables: Readonly<Record<TableName, TableSpec>>;
  readonly queues: Readonly<Record<QueueName, QueueSpec>>;
  readonly bucket: BucketSpec;
  readonly streams: readonly StreamSubscription[];
  readonly searchIndexes: Readonly<Record<SearchIndexName, SearchIndexSpec>>;
  /** Creates the search indexes and aliases on deploy (CDK custom resource) and on local start. */
  readonly searchSetup: { readonly fn: string };
  readonly schedules: readonly ScheduleSpec[];
}

export const topology: Topology = {
  service: 'leadstack',
  functions,
  http: {
    authorizer: { fn: 'authorizer', header: 'authorization' },
    routes: [
      { method: 'GET', path: '/v1/health', fn: 'health', authorized: false },
      { method: 'POST', path: '/v1/companies/batch-upsert', fn: 'upsertCompanies', authorized: true },
      { method: 'POST', path: '/v1/contacts/batch-upsert', fn: 'upsertContacts', authorized: true },
      { method: 'POST', path: '/v1/records/batch-upsert', fn: 'upsertRecords', authorized: true },
      { method: 'POST', path: '/v1/companies/search', fn: 'searchRecords', authorized: true },
      { method: 'POST', path: '/v1/contacts/search', fn: 'searchRecords', authorized: true },
      { method: 'POST', path: '/v1/companies/count', fn: 'countRecords', authorized: true },
      { method: 'POST', path: '/v1/contacts/count', fn: 'countRecords', authorized: true },
      // ---- query API (issue 3) ----
      { method: 'GET', path: '/v1/companies', fn: 'listRecords', authorized: true },
      { method: 'GET', path: '/v1/contacts', fn: 'listRecords', authorized: true },
      { method: 'GET', path: '/v1/company/filters', fn: 'listFilters', authorized: true },
      { method: 'GET', path: '/v1/contact/filters', fn: 'listFilters', authorized: true },
      { method: 'POST', path: '/v1/company/filters/values', fn: 'listFilterValues', authorized: true },
      { method: 'POST', path: '/v1/contact/filters/values', fn: 'listFilterValues', authorized: true },
      { method: 'GET', path: '/v1/companies/autocomplete', fn: 'autocomplete', authorized: true },
      { method: 'GET', path: '/v1/contacts/autocomplete', fn: 'autocomplete', authorized: true },
      { method: 'GET', path: '/v1/dashboard/stats', fn: 'dashboardStats', authorized: true },
      { method: 'GET', path: '/v1/openapi.json', fn: 'openapi', authorized: false },
      { method: 'GET', path: '/docs', fn: 'docs', authorized: false },
      { method: 'GET', path: '/docs/{asset}', fn: 'docs', authorized: false },
      { method: 'GET', path: '/v1/companies/{uuid}', fn: 'getRecord', authorized: true },
      { method: 'GET', path: '/v1/contacts/{uuid}', fn: 'getRecord', authorized: true },
      { method: 'POST', path: '/v1/contacts', fn: 'createContact', authorized: true },
      { method: 'PATCH', path: '/v1/companies/{uuid}', fn: 'patchRecord', authorized: true },
      { method: 'PATCH', path: '/v1/contacts/{uuid}', fn: 'patchRecord', authorized: true },
      { method: 'DELETE', path: '/v1/companies/{uuid}', fn: 'deleteRecord', authorized: true },
      { method: 'DELETE', path: '/v1/contacts/{uuid}', fn: 'deleteRecord', authorized: true },
      // ---- jobs, uploads, import/export (issue 4) ----
      { method: 'POST', path: '/v1/uploads', fn: 'createUpload', authorized: true },
      { method: 'POST', path: '/v1/uploads/multipart', fn: 'multipartUploadInit', authorized: true },
      { method: 'POST', path: '/v1/uploads/multipart/parts', fn: 'multipartUploadParts', authorized: true },
      { method: 'POST', path: '/v1/uploads/multipart/complete', fn: 'multipartUploadComplete', authorized: true },
      { method: 'POST', path: '/v1/uploads/multipart/abort', fn: 'multipartUploadAbort', authorized: true },
      { method: 'GET', path: '/v1/jobs/{id}/download', fn: 'jobDownload', authorized: true },
      { method: 'POST', path: '/v1/jobs', fn: 'createJob', authorized: true },
      { method: 'GET', path: '/v1/jobs', fn: 'listJobs', authorized: true },
      { method: 'GET', path: '/v1/jobs/{id}', fn: 'getJob', authorized: true },
      { method: 'POST', path: '/v1/jobs/{id}/stop', fn: 'jobAction', authorized: true },
      { method: 'POST', path: '/v1/jobs/{id}/retry', fn: 'jobAction', authorized: true },
      { method: 'POST', path: '/v1/jobs/{id}/pause', fn: 'jobAction', authorized: true },
      { method: 'POST', path: '/v1/jobs/{id}/resume', fn: 'jobAction', authorized: true },
      { method: 'POST', path: '/v1/ws-tickets', fn: 'createWsTicket', authorized: true },
      // ---- accounts (issue 5) ----
      { method: 'POST', path: '/v1/auth/login', fn: 'authLogin', authorized: false },
      { method: 'POST', path: '/v1/auth/refresh', fn: 'authRefresh', authorized: false },
      { method: 'POST', path: '/v1/auth/logout', fn: 'authLogout', authorized: false },
      { method: 'GET', path: '/v1/auth/profile', fn: 'authProfile', authorized: true },
      { method: 'POST', path: '/v1/auth/password-reset', fn: 'authPasswordReset', authorized: false },
      { method: 'POST', path: '/v1/auth/password-reset/confirm', fn: 'authPasswordResetConfirm', authorized: false },
      { method: 'POST', path: '/v1/api-keys', fn: 'createApiKey', authorized: true },
      { method: 'GET', path: '/v1/api-keys', fn: 'listApiKeys', authorized: true },
      { method: 'DELETE', path: '/v1/api-keys/{id}', fn: 'deleteApiKey', authorized: true },
      { method: 'GET', path: '/v1/users', fn: 'listUsers', authorized: true },
      { method: 'POST', path: '/v1/users', fn: 'createUser', authorized: true },
      { method: 'PATCH', path: '/v1/users/{id}', fn: 'updateUser', authorized: true },
      ...seedCompatRoutes,
    ],
  },
  websocket: {
    authorizer: { fn: 'wsAuthorizer', query: 'ticket' },
    routeSelectionKey: 'action',
    routes: [
      { route: '$connect', fn: 'wsConnect' },
      { route: '$disconnect', fn: 'wsDisconnect' },
      { route: '$default', fn: 'wsDefault' },
    ],
  },
  tables: {
    records: {
      partitionKey: 'pk',
      sortKey: 'sk',
      stream: 'NEW_AND_OLD_IMAGES',
      accessPatterns: [
        'get/merge one record: pk = WS#<workspace>#<entity>#<uuid>, sk = RECORD',
        'every filtered read goes to OpenSearch, fed by this table\'s stream',
      ],
    },
    control: {
      partitionKey: 'pk',
      sortKey: 'sk',
      timeToLiveAttribute: 'expires_at',
      accessPatterns: [
        'API key by hash (authorizer): pk = APIKEY#<sha256>, sk = APIKEY (role, created_by, last_used_at)',
        'API keys of a workspace: pk = WS#<workspace>, sk begins_with APIKEY#<keyId> (→ hash)',
        'users of a workspace: pk = WS#<workspace>, sk begins_with USER#<id>; active admin count: sk = ADMINS',
        'user by email (unique, lowercased): pk = EMAIL#<email>, sk = EMAIL (→ workspace, user)',
        'session (refresh-token family): pk = SESSION#<id>, sk = SESSION; refresh token: pk = REFRESH#<sha256>, sk = REFRESH (expires_at TTL)',
        'password-reset / invitation token: pk = ONETIME#<sha256>, sk = ONETIME (expires_at TTL)',
        'rate-limit window counter: pk = RATE#<rule>#<subject hash>#<window start>, sk = RATE (expires_at TTL)',
        'rows downloaded: pk = WS#<workspace>, sk = DOWNLOADS#<user>#<yyyy-mm>; workspace limits: sk = LIMITS',
        'workspace: pk = WS#<workspace>, sk = WORKSPACE',
        'WebSocket connection: pk = CONN#<connectionId>, sk = CONN (expires_at TTL)',
        'uploaded object: pk = WS#<workspace>, sk = UPLOAD#<s3 key>',
        'job: pk = WS#<workspace>, sk = JOB#<uuid v7> (time-sortable: list newest first with a descending query on begins_with(sk, JOB#), type/status as filters)',
        'WebSocket ticket by hash ($connect authorizer, single use: conditional delete): pk = WSTICKET#<sha256>, sk = WSTICKET (expires_at TTL)',
        'Idempotency-Key record (Powertools Idempotency; one static partition, the hash spreads the sort key): pk = IDEMPOTENCY, sk = request#<sha256 of route, workspace, principal, key> (expires_at TTL)',
        'subscribers of a job: pk = JOBSUB#<workspace>#<job id>, sk = CONN#<connectionId> (expires_at TTL)',
      ],
    },
  },
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
      visibilityTimeoutSeconds: 6 * functions.runJob.timeoutSeconds,
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
  streams: [
    { table: 'records', fn: 'indexRecords', batchSize: 500, maxBatchingWindowSeconds: 1, retryAttempts: 10 },
  ],
  searchIndexes: {
    companies: {
      alias: 'companies',
      version: 1,
      settings: RECORD_INDEX_SETTINGS,
      mappings: mappingsFor(COMPANY_FIELDS),
    },
    contacts: {
      alias: 'contacts',
      version: 1,
      settings: RECORD_INDEX_SETTINGS,
      mappings: mappingsFor(CONTACT_FIELDS),
    },
  },
  searchSetup: { fn: 'ensureSearchIndexes' },
  schedules: [],
};

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
  secret: (name: SecretName): string => ({ tokenSigning: 'AUTH_TOKEN_SECRET' })[name],
  mailFrom: 'MAIL_FROM',
  passwordResetUrl: 'PASSWORD_RESET_URL',
} as const;

export const physicalIndexName = (spec: SearchIndexSpec): string => `${spec.alias}-v${spec.version}`;
