import { z } from 'zod';
import { ENTITIES } from '../records/fields.ts';
import { MAX_SELECT_COLUMNS } from '../vql/limits.ts';
import { vqlQuerySchema } from '../vql/vql-schema.ts';
import { MAX_EXPORT_ROWS } from './limits.ts';
import { EXPORT_FORMATS } from './export-format.ts';

/**
 * `job_data` of an `export_csv_file` job. The query is VQL without its paging (the export pages
 * itself with search_after), and its `limit` means "at most this many rows" (as in the seed's
 * export request), never more than MAX_EXPORT_ROWS.
 *
 * @example { "entity": "contact", "format": "xlsx", "select_columns": ["first_name", "email"],
 *            "query": { "where": { "keyword_match": { "must": { "country": "france" } } }, "limit": 5000 } }
 */
export const exportQuerySchema = vqlQuerySchema.omit({ page: true, cursor: true, company_config: true }).extend({
  limit: z.int().min(1).max(MAX_EXPORT_ROWS).optional(),
});

export const exportJobDataSchema = z.strictObject({
  entity: z.enum(ENTITIES),
  /** The VQL query whose matches are exported (every record when omitted). */
  query: exportQuerySchema.optional(),
  /** The file's columns, in order; `query.select_columns` when omitted; every field when both are. */
  select_columns: z.array(z.string().min(1).max(100)).min(1).max(MAX_SELECT_COLUMNS).optional(),
  format: z.enum(EXPORT_FORMATS).default('csv'),
});

export type ExportJobData = z.output<typeof exportJobDataSchema>;
