import type { z } from 'zod';
import { exportJobDataSchema as exportCsvFileDataSchema } from '../exports/export-job-data.ts';
import { insertCsvFileDataSchema } from '../imports/import-job-data.ts';
import { exportJobDataWithAliasesSchema } from './job-data-aliases.ts';
import { enrichWebsitesDataSchema } from '../enrich-websites/job-data.ts';
import { apolloCollectionDataSchema } from '../apollo/job-data.ts';
import { monitorSignalsDataSchema } from '../signals/monitor-job-data.ts';
import { onboardCompanyDataSchema } from '../research/onboard-job-data.ts';
import { lookupBulkDataSchema } from '../lookups/bulk-lookup-data.ts';
import type { JobType } from './job.ts';

/**
 * What each job type accepts as `job_data`: the one registry the jobs API validates with (and
 * documents). A runner may refine its own entry; every schema stays strict, so a misspelt
 * option is an error naming it, never silently ignored.
 */

/** Most columns an explicit column map may name. */
export const MAX_COLUMN_MAP_ENTRIES = 500;

export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;
export { EXPORT_FORMATS } from '../exports/export-format.ts';

/** Refined by the import (functions/domain/imports/import-job-data.ts): column_map targets are CSV-like columns or null. */
export { insertCsvFileDataSchema };

/** Refined by the export (functions/domain/exports/export-job-data.ts): no paging in its query, and query.limit caps the rows. */
export { exportCsvFileDataSchema };

export const jobDataSchemas = {
  insert_csv_file: insertCsvFileDataSchema,
  // Accepts Connectra's names (service, vql, s3_bucket) beside leadstack's; yields the canonical data.
  export_csv_file: exportJobDataWithAliasesSchema,
  enrich_websites: enrichWebsitesDataSchema,
  apollo_collection: apolloCollectionDataSchema,
  monitor_signals: monitorSignalsDataSchema,
  onboard_company: onboardCompanyDataSchema,
  lookup_bulk: lookupBulkDataSchema,
} as const satisfies Record<JobType, z.ZodType>;

export type InsertCsvFileData = z.output<typeof insertCsvFileDataSchema>;
export type ExportCsvFileData = z.output<typeof exportCsvFileDataSchema>;

/** The S3 keys a job's data names: each must be one of the caller's workspace's uploads. */
export function uploadKeysOf(type: JobType, data: Readonly<Record<string, unknown>>): { path: string; key: string }[] {
  if (type === 'insert_csv_file' && typeof data.s3_key === 'string') return [{ path: 'job_data.s3_key', key: data.s3_key }];
  return [];
}
