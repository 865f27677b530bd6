import { z } from 'zod';
import { csvLikeRowSchema } from '../../domain/records/csv-like-row.ts';
import { companyInputSchema, contactInputSchema } from '../../domain/records/input-schemas.ts';
import { MAX_UPSERT_ROWS } from '../../domain/records/upsert-batch.ts';
import { defineContracts, successBody, type RouteContract } from '../../platform/http/route-contract.ts';

const TAG = 'records';

/** What `upsertBatch` accepts (functions/domain/records/upsert-batch.ts `rowsOf`): each row goes through `row`. */
const batchOf = (row: z.ZodType) => {
  const rows = z.array(row).min(1).max(MAX_UPSERT_ROWS);
  return z.union([rows, z.object({ data: rows })]);
};

const errorDetail = z.object({ path: z.string(), message: z.string(), index: z.number().int().optional() });
const uuidList = z.array(z.uuid().nullable()).describe('One entry per row, in order; null for a row that was not stored');

const upsertReport = (lists: { company?: true; contact?: true }) =>
  successBody({
    ...(lists.company ? { company_uuids: uuidList } : {}),
    ...(lists.contact ? { contact_uuids: uuidList } : {}),
    created: z.number().int(),
    updated: z.number().int(),
    failed: z.array(z.object({ index: z.number().int(), errors: z.array(errorDetail) })),
  });

const upsertResponses = (lists: { company?: true; contact?: true }): RouteContract['responses'] => ({
  200: { description: 'Every row was stored', body: upsertReport(lists) },
  207: { description: 'Some rows were stored; `failed` names the others by index', body: upsertReport(lists) },
  400: { description: 'No row was valid, or the body is empty or not a list of rows' },
  413: { description: `More than ${MAX_UPSERT_ROWS} rows, or a body over 10 MB` },
});

const UPSERT_DESCRIPTION =
  'A bare array of rows or `{ "data": [...] }`, at most ' +
  `${MAX_UPSERT_ROWS} rows. A row without \`uuid\` gets a deterministic one from its identity fields, ` +
  'so sending the same record twice updates it. Fields are merged into what is stored; a blank or null value leaves the stored one. ' +
  'Upserting a soft-deleted record brings it back.';

export const recordsContracts = defineContracts([
  {
    method: 'POST',
    path: '/v1/companies/batch-upsert',
    summary: 'Create or update companies',
    description: `${UPSERT_DESCRIPTION} Identity: name + linkedin_url.`,
    tag: TAG,
    body: batchOf(companyInputSchema),
    responses: upsertResponses({ company: true }),
  },
  {
    method: 'POST',
    path: '/v1/contacts/batch-upsert',
    summary: 'Create or update contacts',
    description: `${UPSERT_DESCRIPTION} Identity: first_name + last_name + linkedin_url.`,
    tag: TAG,
    body: batchOf(contactInputSchema),
    responses: upsertResponses({ contact: true }),
  },
  {
    method: 'POST',
    path: '/v1/records/batch-upsert',
    summary: 'Create or update companies and contacts from spreadsheet-like rows',
    description: `${UPSERT_DESCRIPTION} Company columns are prefixed \`company_\`; a row may yield a company, a contact linked to it, or both.`,
    tag: TAG,
    body: batchOf(csvLikeRowSchema),
    responses: upsertResponses({ company: true, contact: true }),
  },
]);
