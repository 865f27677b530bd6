import { z } from 'zod';
import { ENTITIES } from '../records/fields.ts';
import { MAX_SELECT_COLUMNS } from '../vql/limits.ts';
import { vqlQuerySchema } from '../vql/vql-schema.ts';
import { AppError } from '../../platform/errors.ts';
import { compileSearch } from '../vql/vql-to-dsl.ts';
import { exportColumns } from './export-columns.ts';
import { EXPORT_PAGE_SIZE, MAX_EXPORT_ROWS } from './limits.ts';
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

const exportJobDataShape = z.strictObject({
  entity: z.enum(ENTITIES),
  /** The VQL query whose matches are exported (every record when omitted). */
  query: exportQuerySchema.optional(),
  /** The file's columns, in order; `query.select_columns` when omitted; every field when both are. */
  select_columns: z.array(z.string().min(1).max(100)).min(1).max(MAX_SELECT_COLUMNS).optional(),
  format: z.enum(EXPORT_FORMATS).default('csv'),
});

/** Any id: the workspace filter plays no part in whether a query is valid. */
const VALIDATION_WORKSPACE = 'validation';

/** `where[0].a` → ['where', 0, 'a']: the compiler's problem paths as zod paths. */
const pathParts = (path: string): (string | number)[] =>
  path.split(/[.[\]]+/).filter((part) => part !== '').map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/**
 * Compiles the export's query and columns exactly as its run will, so that everything the run
 * would refuse (an unknown column, a field of the wrong type) is refused when the job is
 * created, before it is charged, and never fails in the worker.
 */
function checkCompiles(data: z.output<typeof exportJobDataShape>, ctx: z.core.$RefinementCtx): void {
  const columnsPath = data.select_columns ? ['select_columns'] : ['query', 'select_columns'];
  const query = {
    ...(data.query?.where ? { where: data.query.where } : {}),
    ...(data.query?.order_by ? { order_by: data.query.order_by } : {}),
    select_columns: exportColumns(data.entity, data.select_columns ?? data.query?.select_columns),
    limit: EXPORT_PAGE_SIZE,
  };
  try {
    compileSearch(data.entity, VALIDATION_WORKSPACE, query);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    for (const detail of error.details) {
      const [head, ...rest] = pathParts(detail.path);
      const path = head === 'select_columns' ? [...columnsPath, ...rest] : ['query', ...(head === undefined ? [] : [head]), ...rest];
      ctx.addIssue({ code: 'custom', path, message: detail.message });
    }
  }
}

export const exportJobDataSchema = exportJobDataShape.superRefine(checkCompiles);

export type ExportJobData = z.output<typeof exportJobDataSchema>;
