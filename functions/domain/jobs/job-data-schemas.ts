import { z } from 'zod';
import { ENTITIES } from '../records/fields.ts';
import { MAX_SELECT_COLUMNS } from '../vql/limits.ts';
import { vqlQuerySchema } from '../vql/vql-schema.ts';
import { insertCsvFileDataSchema } from '../imports/import-job-data.ts';
import type { JobType } from './job.ts';

/**
 * What each job type accepts as `job_data`: the one registry the jobs API validates with (and
 * documents). A runner may refine its own entry; every schema stays strict, so a misspelt
 * option is an error naming it, never silently ignored.
 */

/** Most columns an explicit column map may name. */
export const MAX_COLUMN_MAP_ENTRIES = 500;

export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;

/** Refined by the import (functions/domain/imports/import-job-data.ts): column_map targets are CSV-like columns or null. */
export { insertCsvFileDataSchema };

export const exportCsvFileDataSchema = z.strictObject({
  entity: z.enum(ENTITIES),
  /** The VQL query whose matches are exported (all of them when empty). */
  query: vqlQuerySchema.optional(),
  select_columns: z.array(z.string().min(1).max(100)).min(1).max(MAX_SELECT_COLUMNS).optional(),
  format: z.enum(EXPORT_FORMATS).default('csv'),
});

export const jobDataSchemas = {
  insert_csv_file: insertCsvFileDataSchema,
  export_csv_file: exportCsvFileDataSchema,
} as const satisfies Record<JobType, z.ZodType>;

export type InsertCsvFileData = z.output<typeof insertCsvFileDataSchema>;
export type ExportCsvFileData = z.output<typeof exportCsvFileDataSchema>;

/** The S3 keys a job's data names: each must be one of the caller's workspace's uploads. */
export function uploadKeysOf(type: JobType, data: Readonly<Record<string, unknown>>): { path: string; key: string }[] {
  if (type === 'insert_csv_file' && typeof data.s3_key === 'string') return [{ path: 'job_data.s3_key', key: data.s3_key }];
  return [];
}
