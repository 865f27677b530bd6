/**
 * Records: companies and contacts kept in DynamoDB, the system of record. Batch upserts and
 * single-record CRUD; every filtered read goes to the query feature's search indexes instead.
 */
import { MB, defineFeature } from './types.ts';

const READWRITE = { tables: { records: 'readwrite' } } as const;

export const records = defineFeature({
  name: 'records',
  functions: {
    upsertCompanies: { entry: 'functions/http/upsert-companies.handler.ts', timeoutSeconds: 29, memoryMb: MB.medium, access: READWRITE },
    upsertContacts: { entry: 'functions/http/upsert-contacts.handler.ts', timeoutSeconds: 29, memoryMb: MB.medium, access: READWRITE },
    upsertRecords: { entry: 'functions/http/upsert-records.handler.ts', timeoutSeconds: 29, memoryMb: MB.medium, access: READWRITE },
    getRecord: { entry: 'functions/http/get-record.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: { tables: { records: 'read' } } },
    // control: Idempotency-Key records of the creating routes (functions/platform/http/idempotency.ts).
    createContact: { entry: 'functions/http/create-contact.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: { tables: { records: 'readwrite', control: 'readwrite' } } },
    patchRecord: { entry: 'functions/http/patch-record.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: READWRITE },
    replaceContact: { entry: 'functions/http/replace-contact.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: READWRITE },
    deleteRecord: { entry: 'functions/http/delete-record.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: READWRITE },
  },
  routes: [
    { method: 'POST', path: '/v1/companies/batch-upsert', fn: 'upsertCompanies', authorized: true },
    { method: 'POST', path: '/v1/contacts/batch-upsert', fn: 'upsertContacts', authorized: true },
    { method: 'POST', path: '/v1/records/batch-upsert', fn: 'upsertRecords', authorized: true },
    { method: 'GET', path: '/v1/companies/{uuid}', fn: 'getRecord', authorized: true },
    { method: 'GET', path: '/v1/contacts/{uuid}', fn: 'getRecord', authorized: true },
    { method: 'POST', path: '/v1/contacts', fn: 'createContact', authorized: true },
    { method: 'PATCH', path: '/v1/companies/{uuid}', fn: 'patchRecord', authorized: true },
    { method: 'PATCH', path: '/v1/contacts/{uuid}', fn: 'patchRecord', authorized: true },
    { method: 'PUT', path: '/v1/contacts/{uuid}', fn: 'replaceContact', authorized: true },
    { method: 'DELETE', path: '/v1/companies/{uuid}', fn: 'deleteRecord', authorized: true },
    { method: 'DELETE', path: '/v1/contacts/{uuid}', fn: 'deleteRecord', authorized: true },
  ],
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
  },
});
