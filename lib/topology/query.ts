/**
 * Query: search, count, list, filters, autocomplete and statistics over the OpenSearch indexes,
 * and what keeps those indexes: the records table's stream indexer and the index setup.
 */
import { COMPANY_FIELDS, CONTACT_FIELDS, SIGNAL_FIELDS } from '../../functions/domain/records/fields.ts';
import { RECORD_INDEX_SETTINGS, mappingsFor } from '../search-mappings.ts';
import { MB, defineFeature } from './types.ts';

const SEARCH_READ = { search: 'read' } as const;

export const query = defineFeature({
  name: 'query',
  functions: {
    searchRecords: { entry: 'functions/http/search-records.handler.ts', timeoutSeconds: 10, memoryMb: MB.medium, access: SEARCH_READ },
    countRecords: { entry: 'functions/http/count-records.handler.ts', timeoutSeconds: 10, memoryMb: MB.small, access: SEARCH_READ },
    listRecords: { entry: 'functions/http/list-records.handler.ts', timeoutSeconds: 10, memoryMb: MB.medium, access: SEARCH_READ },
    listFilters: { entry: 'functions/http/filters.handler.ts', timeoutSeconds: 10, memoryMb: MB.small, access: SEARCH_READ },
    listFilterValues: { entry: 'functions/http/filter-values.handler.ts', timeoutSeconds: 10, memoryMb: MB.small, access: SEARCH_READ },
    autocomplete: { entry: 'functions/http/autocomplete.handler.ts', timeoutSeconds: 10, memoryMb: MB.small, access: SEARCH_READ },
    dashboardStats: { entry: 'functions/http/dashboard-stats.handler.ts', timeoutSeconds: 10, memoryMb: MB.small, access: SEARCH_READ },
    indexRecords: { entry: 'functions/streams/index-records.stream.ts', timeoutSeconds: 60, memoryMb: MB.medium, access: { search: 'write' } },
    ensureSearchIndexes: {
      entry: 'functions/custom-resources/ensure-search-indexes.handler.ts',
      timeoutSeconds: 120,
      memoryMb: MB.small,
      access: { search: 'readwrite' },
    },
  },
  routes: [
    { method: 'POST', path: '/v1/companies/search', fn: 'searchRecords', authorized: true },
    { method: 'POST', path: '/v1/contacts/search', fn: 'searchRecords', authorized: true },
    { method: 'POST', path: '/v1/companies/count', fn: 'countRecords', authorized: true },
    { method: 'POST', path: '/v1/contacts/count', fn: 'countRecords', authorized: true },
    { method: 'GET', path: '/v1/companies', fn: 'listRecords', authorized: true },
    { method: 'GET', path: '/v1/contacts', fn: 'listRecords', authorized: true },
    { method: 'GET', path: '/v1/company/filters', fn: 'listFilters', authorized: true },
    { method: 'GET', path: '/v1/contact/filters', fn: 'listFilters', authorized: true },
    { method: 'POST', path: '/v1/company/filters/values', fn: 'listFilterValues', authorized: true },
    { method: 'POST', path: '/v1/contact/filters/values', fn: 'listFilterValues', authorized: true },
    // Connectra's POST /common/:service/filters/data: the same answer as /filters/values.
    { method: 'POST', path: '/v1/contact/filters/data', fn: 'listFilterValues', authorized: true },
    { method: 'POST', path: '/v1/company/filters/data', fn: 'listFilterValues', authorized: true },
    { method: 'GET', path: '/v1/companies/autocomplete', fn: 'autocomplete', authorized: true },
    { method: 'GET', path: '/v1/contacts/autocomplete', fn: 'autocomplete', authorized: true },
    { method: 'GET', path: '/v1/dashboard/stats', fn: 'dashboardStats', authorized: true },
  ],
  streams: [{ table: 'records', fn: 'indexRecords', batchSize: 500, maxBatchingWindowSeconds: 1, retryAttempts: 10 }],
  searchIndexes: {
    companies: { alias: 'companies', version: 1, settings: RECORD_INDEX_SETTINGS, mappings: mappingsFor(COMPANY_FIELDS) },
    contacts: { alias: 'contacts', version: 1, settings: RECORD_INDEX_SETTINGS, mappings: mappingsFor(CONTACT_FIELDS) },
    // Signals (8-K buying signals) live in the records table too; the same stream indexes them.
    signals: { alias: 'signals', version: 1, settings: RECORD_INDEX_SETTINGS, mappings: mappingsFor(SIGNAL_FIELDS) },
  },
  searchSetup: { fn: 'ensureSearchIndexes' },
});
