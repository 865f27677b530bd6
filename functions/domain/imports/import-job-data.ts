import { z } from 'zod';
import { parseInput } from '../../platform/validation.ts';
import { CSV_LIKE_COLUMNS } from './header-aliases.ts';
import { IMPORT_DELIMITERS, MAX_COLUMNS, MAX_HEADER_SEARCH_LINES } from './import-limits.ts';

/** Longest S3 key S3 accepts. */
const MAX_S3_KEY_LENGTH = 1024;
const MAX_HEADER_NAME_LENGTH = 256;

/**
 * `job_data` of an `insert_csv_file` job. `s3_key` comes from POST /v1/uploads; `column_map`
 * maps a file header to a CSV-like column (`company`, `person_linkedin_url`...) or to null to
 * leave the column out; `delimiter` overrides the detection on the header line; `header_row`
 * names the header's line (1-based) instead of searching the first lines for it. `s3_bucket`
 * (Connectra's field) is accepted and ignored: imports read the workspace's uploads bucket only.
 */
export const insertCsvFileDataSchema = z.strictObject({
  s3_key: z.string().min(1).max(MAX_S3_KEY_LENGTH),
  s3_bucket: z.string().max(255).optional(),
  column_map: z
    .record(z.string().min(1).max(MAX_HEADER_NAME_LENGTH), z.enum(CSV_LIKE_COLUMNS as [string, ...string[]]).nullable())
    .refine((map) => Object.keys(map).length <= MAX_COLUMNS, { message: `At most ${MAX_COLUMNS} columns` })
    .optional(),
  delimiter: z.enum(IMPORT_DELIMITERS).optional(),
  header_row: z.number().int().min(1).max(MAX_HEADER_SEARCH_LINES).optional(),
});

export type InsertCsvFileData = z.output<typeof insertCsvFileDataSchema>;

export const parseInsertCsvFileData = (data: unknown): InsertCsvFileData => parseInput(insertCsvFileDataSchema, data, 'job_data');
