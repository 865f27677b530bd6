import { z } from 'zod';
import { csvLikeRowSchema } from '../../domain/records/csv-like-row.ts';
import { COMPANY_FIELDS, CONTACT_FIELDS, type FieldSpec } from '../../domain/records/fields.ts';
import { companyInputSchema, contactInputSchema } from '../../domain/records/input-schemas.ts';
import { conditionalWriteHeadersSchema, recordParamsSchema } from '../../domain/records/record-request.ts';
import { MAX_UPSERT_ROWS } from '../../domain/records/upsert-batch.ts';
import { defineContracts, successBody, type RouteContract } from '../../platform/http/route-contract.ts';
import { IDEMPOTENCY_CONFLICT, idempotencyHeadersSchema } from '../../platform/http/idempotency-header.ts';

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

function storedValue(spec: FieldSpec): z.ZodType {
  if (spec.array) return z.array(z.string());
  if (spec.type === 'boolean') return z.boolean();
  if (spec.type === 'date') return z.iso.datetime();
  if (spec.type === 'keyword' || spec.type === 'text') return z.string();
  return z.number();
}

const ALWAYS_PRESENT = new Set(['uuid', 'version', 'created_at', 'updated_at']);

/** A record as GET, POST and PATCH return it (functions/domain/records/record-view.ts). */
const recordSchema = (fields: Readonly<Record<string, FieldSpec>>) =>
  z.looseObject(
    Object.fromEntries(
      Object.entries(fields)
        .filter(([name]) => name !== 'workspace_id')
        .map(([name, spec]) => [name, ALWAYS_PRESENT.has(name) ? storedValue(spec) : storedValue(spec).optional()]),
    ),
  );

const ETAG = { etag: 'The record version, quoted ("3"): send it back as If-Match to make a write conditional' };

type CrudEntity = { readonly plural: 'companies' | 'contacts'; readonly noun: string; readonly input: z.ZodType; readonly fields: Readonly<Record<string, FieldSpec>> };
const CRUD: readonly CrudEntity[] = [
  { plural: 'companies', noun: 'company', input: companyInputSchema, fields: COMPANY_FIELDS },
  { plural: 'contacts', noun: 'contact', input: contactInputSchema, fields: CONTACT_FIELDS },
];

/** A contact with its company's fields, in Appointment360's names beside leadstack's (functions/domain/records/contact-with-company.ts). */
const contactFormSchema = contactInputSchema.extend({
  company: z.string().optional().describe('Appointment360\'s name for `company_name`; with any company field below, the company is merged (by this name) and linked as `company_id`'),
  person_linkedin_url: z.string().optional().describe('Appointment360\'s name for `linkedin_url`'),
  industry: z.union([z.string(), z.array(z.string())]).optional().describe('The company\'s industry (stored in the company\'s `industries`)'),
  employees: z.number().int().min(0).optional().describe('The company\'s `employees_count`'),
  annual_revenue: z.number().min(0).optional().describe('The company\'s `annual_revenue`'),
  website: z.string().optional().describe('The company\'s `website`'),
});

/** What a contact written with its company's fields answers beside the stored record. */
const contactFormView = recordSchema(CONTACT_FIELDS).extend({
  full_name: z.string().optional().describe('first_name and last_name, derived on read'),
  company: z.string().optional().describe('`company_name`, under Appointment360\'s name'),
  industry: z.string().optional().describe('The linked company\'s first industry, when the body named one'),
  employees: z.number().int().optional().describe('The linked company\'s employees_count, when the body named it'),
});

const NOT_FOUND = 'No such record in this workspace (never created, deleted, or another workspace\'s)';

const crudContracts = (e: CrudEntity): RouteContract[] => [
  {
    method: 'GET',
    path: `/v1/${e.plural}/{uuid}`,
    summary: `Get one ${e.noun}`,
    tag: TAG,
    params: recordParamsSchema,
    responses: {
      200: { description: `The ${e.noun}`, body: successBody({ data: recordSchema(e.fields) }), headers: ETAG },
      404: { description: NOT_FOUND },
    },
  },
  {
    method: 'PATCH',
    path: `/v1/${e.plural}/{uuid}`,
    summary: `Change some fields of a ${e.noun}`,
    description:
      'Fields are validated and normalised as in a batch upsert. A field set to null is removed; an absent or blank one is kept. ' +
      'The uuid never changes. With `If-Match`, the write happens only if the record is still at that version.',
    tag: TAG,
    params: recordParamsSchema,
    headers: conditionalWriteHeadersSchema,
    body: e.input,
    responses: {
      200: { description: `The ${e.noun} as stored now`, body: successBody({ data: recordSchema(e.fields) }), headers: ETAG },
      404: { description: NOT_FOUND },
      409: { description: 'If-Match names a version that is no longer current' },
    },
  },
  {
    method: 'DELETE',
    path: `/v1/${e.plural}/{uuid}`,
    summary: `Delete a ${e.noun} (soft delete)`,
    description: 'The record disappears from get and search; it is kept, marked with its deletion time. Deleting it again answers 404.',
    tag: TAG,
    params: recordParamsSchema,
    headers: conditionalWriteHeadersSchema,
    responses: {
      200: {
        description: 'Deleted',
        body: successBody({ message: z.string(), uuid: z.uuid(), version: z.number().int(), deleted_at: z.iso.datetime() }),
        headers: ETAG,
      },
      404: { description: NOT_FOUND },
      409: { description: 'If-Match names a version that is no longer current' },
    },
  },
];

export const recordsContracts = defineContracts([
  ...CRUD.flatMap(crudContracts),
  {
    method: 'POST',
    path: '/v1/contacts',
    summary: 'Create one contact',
    description:
      'Normalised, and given the same deterministic uuid, as in a batch upsert (first_name + last_name + linkedin_url). ' +
      'A contact with that identity that already exists is a 409; a deleted one is replaced. ' +
      'Appointment360\'s form is accepted as written: `company`, `person_linkedin_url`, and the company\'s `industry`, `employees`, `annual_revenue` and `website`, which are merged into the company named `company` and linked.',
    tag: TAG,
    body: contactFormSchema,
    headers: idempotencyHeadersSchema,
    responses: {
      201: {
        description: 'Created',
        body: successBody({ data: contactFormView }),
        headers: { ...ETAG, location: 'The path of the new contact' },
      },
      409: { description: `A contact with this identity already exists, or: ${IDEMPOTENCY_CONFLICT}` },
    },
  },
  {
    method: 'PUT',
    path: '/v1/contacts/{uuid}',
    summary: 'Replace a contact (full update)',
    description:
      'The body (as for create, in leadstack\'s or Appointment360\'s names) becomes the contact\'s fields: a field it leaves out is removed. ' +
      'The uuid stays the path\'s. Company fields merge into the company named `company` and relink the contact. With `If-Match`, the write happens only if the contact is still at that version.',
    tag: TAG,
    params: recordParamsSchema,
    headers: conditionalWriteHeadersSchema,
    body: contactFormSchema,
    responses: {
      200: { description: 'The contact as stored now', body: successBody({ data: contactFormView }), headers: ETAG },
      404: { description: NOT_FOUND },
      409: { description: 'If-Match names a version that is no longer current' },
    },
  },
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
