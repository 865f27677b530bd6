/**
 * Lookups through RocketReach: person and company lookups and searches, the status of a running
 * lookup, the workspace's provider account and key, and usage analytics. Each result is stored
 * as a contact or company; the control table holds the cache, ledger, sealed key and call log.
 */
import { MB, defineFeature } from './types.ts';
import type { Access } from './types.ts';

/** Under API Gateway's 29 s: a request polls a running lookup for at most LOOKUP_STATUS_POLL_BUDGET_MS (≤ 20 s). */
const LOOKUP_TIMEOUT_SECONDS = 29;

/** Calls that may spend credits: they write records, may mail admins on low credit, and open the sealed key. */
const CHARGING: Access = { tables: { control: 'readwrite', records: 'readwrite' }, secrets: ['providerKeySealing'], email: true };
const READING_ACCOUNT: Access = { tables: { control: 'readwrite' }, secrets: ['providerKeySealing'], email: true };

const fn = (entry: string, access: Access) => ({ entry: `functions/http/${entry}.handler.ts`, timeoutSeconds: LOOKUP_TIMEOUT_SECONDS, memoryMb: MB.small, access });

export const lookups = defineFeature({
  name: 'lookups',
  functions: {
    lookupPerson: fn('lookup-person', CHARGING),
    lookupPersonSearch: fn('lookup-person-search', CHARGING),
    lookupStatus: fn('lookup-status', CHARGING),
    lookupCompany: fn('lookup-company', CHARGING),
    lookupCompanySearch: fn('lookup-company-search', CHARGING),
    lookupProfileCompany: fn('lookup-profile-company', CHARGING),
    lookupAccount: fn('lookup-account', READING_ACCOUNT),
    lookupAccountKey: fn('lookup-account-key', READING_ACCOUNT),
    lookupUsage: fn('lookup-usage', { tables: { control: 'read' } }),
    // Queues the job (the job worker runs it); the sealing secret derives the workspace's webhook secret.
    lookupBulk: fn('lookup-bulk', { tables: { control: 'readwrite' }, queues: { jobs: 'send' }, secrets: ['providerKeySealing'] }),
    // Public: RocketReach posts bulk results here; only the secret it signs with is given.
    lookupWebhookRocketreach: fn('lookup-webhook-rocketreach', { tables: { control: 'readwrite' }, secrets: ['rocketreachWebhookSecret'] }),
  },
  routes: [
    { method: 'GET', path: '/v1/lookups/person', fn: 'lookupPerson', authorized: true },
    { method: 'POST', path: '/v1/lookups/person/search', fn: 'lookupPersonSearch', authorized: true },
    { method: 'GET', path: '/v1/lookups/{id}/status', fn: 'lookupStatus', authorized: true },
    { method: 'GET', path: '/v1/lookups/company', fn: 'lookupCompany', authorized: true },
    { method: 'POST', path: '/v1/lookups/company/search', fn: 'lookupCompanySearch', authorized: true },
    { method: 'GET', path: '/v1/lookups/profile-company', fn: 'lookupProfileCompany', authorized: true },
    { method: 'GET', path: '/v1/lookups/account', fn: 'lookupAccount', authorized: true },
    { method: 'POST', path: '/v1/lookups/account/key', fn: 'lookupAccountKey', authorized: true },
    { method: 'GET', path: '/v1/lookups/usage', fn: 'lookupUsage', authorized: true },
    { method: 'POST', path: '/v1/lookups/bulk', fn: 'lookupBulk', authorized: true },
    { method: 'POST', path: '/v1/lookups/webhooks/rocketreach', fn: 'lookupWebhookRocketreach', authorized: false },
  ],
});
