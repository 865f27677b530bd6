import { z } from 'zod';
import { DEFAULT_JOB_RETRY_COUNT, JOB_STATUSES, JOB_TYPES, MAX_JOB_RETRY_COUNT, type JobType } from './job.ts';
import { jobDataSchemas } from './job-data-schemas.ts';

const retryCount = z.int().min(1).max(MAX_JOB_RETRY_COUNT).default(DEFAULT_JOB_RETRY_COUNT);

const requestFor = <T extends JobType>(type: T) =>
  z.strictObject({
    job_type: z.literal(type),
    job_data: jobDataSchemas[type],
    /** Attempts allowed before the job fails for good. */
    retry_count: retryCount,
  });

/** `POST /v1/jobs`: `job_data` is validated by the schema of its `job_type`. */
export const createJobRequestSchema = z.discriminatedUnion('job_type', [requestFor('insert_csv_file'), requestFor('export_csv_file'), requestFor('enrich_websites'), requestFor('apollo_collection'), requestFor('monitor_signals'), requestFor('onboard_company'), requestFor('lookup_bulk')]);
export type CreateJobRequest = z.output<typeof createJobRequestSchema>;

/** Job ids are UUID v7 strings; anything else cannot name a job. */
export const jobParamsSchema = z.strictObject({ id: z.string().min(1).max(64) });

/** Jobs per list page when `limit` is absent, and at most. */
export const DEFAULT_JOB_PAGE_SIZE = 20;
export const MAX_JOB_PAGE_SIZE = 100;
const MAX_CURSOR_LENGTH = 512;

/** `a,b` (API Gateway joins a repeated `?status=a&status=b` the same way). */
const commaList = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .max(512)
    .transform((raw) => raw.split(',').map((part) => part.trim()).filter((part) => part !== ''))
    .pipe(z.array(z.enum(values)).min(1));

export const listJobsQuerySchema = z.strictObject({
  job_type: commaList(JOB_TYPES).optional(),
  status: commaList(JOB_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_JOB_PAGE_SIZE).default(DEFAULT_JOB_PAGE_SIZE),
  cursor: z.string().min(1).max(MAX_CURSOR_LENGTH).optional(),
});

/** `POST /v1/jobs/search`: the list's filters as a body (`status` an array, `job_type` one or several). */
export const searchJobsRequestSchema = z.strictObject({
  job_type: z.union([z.enum(JOB_TYPES), z.array(z.enum(JOB_TYPES)).min(1)]).optional(),
  status: z.array(z.enum(JOB_STATUSES)).min(1).optional(),
  limit: z.int().min(1).max(MAX_JOB_PAGE_SIZE).default(DEFAULT_JOB_PAGE_SIZE),
  cursor: z.string().min(1).max(MAX_CURSOR_LENGTH).optional(),
});
