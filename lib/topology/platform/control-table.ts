/**
 * The control table: everything that is not a record (accounts, keys, sessions, jobs, uploads,
 * connections, counters). Several features share it, so it is declared once, here, with the
 * key map a newcomer reads before adding an item type.
 */
import { defineFeature } from '../types.ts';
import type { TableSpec } from '../types.ts';

/**
 * Every key prefix the DynamoDB adapters (functions/adapters/dynamodb) write to the control
 * table, and what it holds. A new item type adds its prefix here; test/unit/topology.test.ts
 * fails when an adapter writes a prefix this map does not list.
 */
export const CONTROL_KEY_PREFIXES = {
  // ---- partition keys ----
  'WS#': 'a workspace\'s own items (pk = WS#<workspace>); the sort key says which',
  'APIKEY#': 'API key by hash (pk), or a workspace\'s key listing (sk = APIKEY#<keyId>)',
  'EMAIL#': 'user by lower-cased email, unique (pk)',
  'SESSION#': 'session, the refresh-token family (pk)',
  'REFRESH#': 'refresh token by hash (pk), expires_at TTL',
  'ONETIME#': 'password-reset or invitation token by hash (pk), expires_at TTL',
  'RATE#': 'rate-limit window counter (pk = RATE#<rule>#<subject hash>#<window start>), expires_at TTL',
  'CONN#': 'WebSocket connection (pk), or a job subscriber (sk = CONN#<connectionId>)',
  'WSTICKET#': 'single-use WebSocket ticket by hash (pk), expires_at TTL',
  'JOBSUB#': 'subscribers of a job (pk = JOBSUB#<workspace>#<job id>)',
  'CACHE#': 'a workspace-independent cache (pk = CACHE#BILLING_PLANS: the payment provider\'s plans), expires_at TTL',
  'PAYSUB#': 'a payment subscription → its workspace, plan and limits (pk = PAYSUB#<subscription id>)',
  'PAYEVENT#': 'a processed payment webhook event id, so a replay has no second effect (pk), expires_at TTL',
  IDEMPOTENCY: 'Idempotency-Key records of the creating routes (pk = IDEMPOTENCY, sk = request#<sha256>), expires_at TTL',
  'SITES#': 'the site tasks of an enrich_websites job (pk = SITES#<workspace>#<job>, sk = SITE#<key> or TALLY), expires_at TTL',
  'APOLLO#': 'the running state of an apollo_collection job (pk = APOLLO#<workspace>#<job>, sk = SEG#<segment>, ORG#<apollo id> or TALLY), expires_at TTL',
  'LOOKUP#': 'a cached one-site lookup answer (pk = LOOKUP#<workspace>#<key>, sk = LOOKUP), expires_at TTL',
  'LEDGER#': 'provider credit ledger (pk = LEDGER#<workspace>, sk = ENTRY#<ISO time>#<uuid>), expires_at TTL',
  'LOOKUPREQ#': 'a provider lookup a workspace started, so only it reads the status (pk = LOOKUPREQ#<workspace>#<id>, sk = LOOKUPREQ), expires_at TTL',
  'EDGAR#': 'a cached SEC EDGAR answer with its ETag/Last-Modified, for every workspace (pk = EDGAR#submissions#<cik>, sk = EDGAR), expires_at TTL',
  'SIGNALMON#': 'a workspace\'s scheduled signal monitoring: what it watches, its sealed webhook secret and last-check day (pk = SIGNALMON#settings, sk = SIGNALMON#<workspace>)',
  'HOOK#': 'a provider webhook delivery kept once, so a replay has no second effect (pk = HOOK#<provider>#<request id>, sk = HOOK), expires_at TTL',
  'CALLS#': 'outbound call log (pk = CALLS#<workspace>#<provider>, sk = CALL#<ISO time>#<uuid>), expires_at TTL',
  // ---- sort keys under WS#<workspace> ----
  'USER#': 'a user of the workspace (sk)',
  'DOWNLOADS#': 'rows downloaded per user and month (sk = DOWNLOADS#<user>#<yyyy-mm>)',
  'DOWNLOAD_RECEIPT#': 'a paid download of another principal\'s file, so it is charged once (sk = DOWNLOAD_RECEIPT#<user>#JOB#<id>)',
  'UPLOAD#': 'an uploaded object (sk = UPLOAD#<s3 key>)',
  'JOB#': 'a job (sk = JOB#<uuid v7>, time-sortable)',
  'APOLLO_CREDENTIALS#': 'the workspace\'s Apollo session or API key, AES-256-GCM sealed (sk = APOLLO_CREDENTIALS#session | APOLLO_CREDENTIALS#api_key)',
  'PROVIDERKEY#': 'a workspace\'s own provider API key, sealed with AES-256-GCM (sk = PROVIDERKEY#<provider>)',
  'CREDITALERT#': 'the low-credit alert latch of a provider (sk = CREDITALERT#<provider>)',
  // ---- sort keys under other partitions ----
  'SITE#': 'one site task under SITES#<workspace>#<job> (sk = SITE#<domain or company uuid>)',
  'SEG#': 'one segment checkpoint under APOLLO#<workspace>#<job> (its next page and status)',
  'ORG#': 'one Apollo organisation of a job seen-set under APOLLO#<workspace>#<job> (claimed, then completed)',
  'ENTRY#': 'one ledger entry under LEDGER#<workspace> (sk = ENTRY#<ISO time>#<uuid>)',
  'CALL#': 'one outbound call under CALLS#<workspace>#<provider> (sk = CALL#<ISO time>#<uuid>)',
} as const;

/** Fixed sort keys: items that exist once per partition. */
export const CONTROL_FIXED_SORT_KEYS = ['APIKEY', 'EMAIL', 'SESSION', 'REFRESH', 'ONETIME', 'RATE', 'CONN', 'WSTICKET', 'ADMINS', 'LIMITS', 'WORKSPACE', 'BILLING', 'CACHE', 'PAYSUB', 'PAYEVENT', 'TALLY', 'LOOKUP', 'LOOKUPREQ', 'EDGAR', 'HOOK'] as const;

export const controlTable: TableSpec = {
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
    'subscribers of a job: pk = JOBSUB#<workspace>#<job id>, sk = CONN#<connectionId> (expires_at TTL)',
    'Idempotency-Key record (Powertools Idempotency; one static partition, the hash spreads the sort key): pk = IDEMPOTENCY, sk = request#<sha256 of route, workspace, principal, key> (expires_at TTL)',
    'site tasks of an enrich_websites job (one partition per job: its report and re-dispatch are one Query): pk = SITES#<workspace>#<job>, sk = SITE#<key>; its tally (atomic ADD counters): sk = TALLY (expires_at TTL)',
    'apollo_collection state (one partition per job): pk = APOLLO#<workspace>#<job>; segment checkpoints sk = SEG#<key>; the seen-set of Apollo organisation ids sk = ORG#<id> (conditional put); counters sk = TALLY (atomic ADD) (expires_at TTL)',
    'cached one-site website lookup per workspace: pk = LOOKUP#<workspace>#website#<domain>#<browser mode>, sk = LOOKUP (expires_at TTL)',
    'billing: plans cache pk = CACHE#BILLING_PLANS, sk = CACHE (expires_at TTL); subscription → workspace pk = PAYSUB#<id>, sk = PAYSUB; workspace billing pk = WS#<workspace>, sk = BILLING (its limits on sk = LIMITS); processed webhook event pk = PAYEVENT#<id>, sk = PAYEVENT (expires_at TTL)',
    'Apollo credentials of a workspace (sealed; status beside them in clear): pk = WS#<workspace>, sk = APOLLO_CREDENTIALS#session | APOLLO_CREDENTIALS#api_key',
    'outbound call log by workspace, provider and time: pk = CALLS#<workspace>#<provider>, sk = CALL#<ISO time>#<uuid> (expires_at TTL)',
    'scheduled signal monitoring: pk = SIGNALMON#settings, sk = SIGNALMON#<workspace> (the schedule pages the one partition, enabled as a filter)',
    'outbound rate windows and concurrency shared by every Lambda: pk = RATE#out#<scope>#<window ms>#<start> and RATE#out#<scope>#inflight#<bucket>, sk = RATE (expires_at TTL)',
  ],
};

/** The control table as a feature with no functions of its own: it only declares the table. */
export const controlTableFeature = defineFeature({
  name: 'controlTable',
  functions: {},
  tables: { control: controlTable },
});
