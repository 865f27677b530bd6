/**
 * `job_data` of a `lookup_bulk` job, and the body of `POST /v1/lookups/bulk`: 10 to 100 person
 * lookups (each the query of `GET /v1/lookups/person`) and an optional webhook for the results.
 */
import { z } from 'zod';
import { personLookupQuerySchema } from './lookup-inputs.ts';
import { BULK_MAX_LOOKUPS, BULK_MIN_LOOKUPS } from './lookup-limits.ts';

const MAX_WEBHOOK_URL_CHARS = 2048;

const webhookUrl = z
  .string()
  .trim()
  .max(MAX_WEBHOOK_URL_CHARS)
  .refine((value) => URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol), { message: 'must be an absolute http(s) URL' });

/** @example { "lookups": [{ "name": "Jane Doe", "current_employer": "Acme" }, ...], "webhook_url": "https://hooks.example.com/leadstack" } */
export const lookupBulkDataSchema = z.strictObject({
  lookups: z
    .array(personLookupQuerySchema)
    .min(BULK_MIN_LOOKUPS, { message: `must hold at least ${BULK_MIN_LOOKUPS} lookups (minimum ${BULK_MIN_LOOKUPS})` })
    .max(BULK_MAX_LOOKUPS, { message: `must hold at most ${BULK_MAX_LOOKUPS} lookups (maximum ${BULK_MAX_LOOKUPS})` }),
  webhook_url: webhookUrl.optional(),
});

export type LookupBulkData = z.output<typeof lookupBulkDataSchema>;
