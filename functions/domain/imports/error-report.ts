import { WORKSPACE_PREFIX } from '../uploads/upload-key.ts';
import type { RowProblem } from './row-mapper.ts';

/** The report's header line. */
export const ERROR_REPORT_HEADER = 'row,column,reason\n';

/** Row number padding in part keys, so that key order is row order. */
const ROW_DIGITS = 12;

/**
 * Outside the uploads prefix, so no client can write there. Parts are written as batches commit
 * (one per batch with failures, named by its first row, so a rerun of a batch overwrites its
 * own part), then joined into the report when the import ends.
 */
export const errorReportKey = (workspaceId: string, jobId: string): string => `${WORKSPACE_PREFIX}${workspaceId}/jobs/${jobId}/import-errors.csv`;
export const errorPartsPrefix = (workspaceId: string, jobId: string): string => `${WORKSPACE_PREFIX}${workspaceId}/jobs/${jobId}/import-errors/`;
export const errorPartKey = (workspaceId: string, jobId: string, firstRow: number): string =>
  `${errorPartsPrefix(workspaceId, jobId)}${String(firstRow).padStart(ROW_DIGITS, '0')}.csv`;

/**
 * One CSV cell. The report repeats the file's headers and bits of its values, so a cell a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) is prefixed with `'`.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const errorReportLines = (row: number, problems: readonly RowProblem[]): string =>
  problems.map((p) => `${row},${csvCell(p.column)},${csvCell(p.reason)}\n`).join('');
