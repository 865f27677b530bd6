import { AppError, type ErrorDetail } from '../../platform/errors.ts';

/**
 * Why an import job fails for good: each is a fault of the file or of job_data, so the worker
 * does not retry it. Rows committed before the fault stay committed.
 */
export const importError = {
  emptyFile: () => new AppError('ERR_IMPORT_EMPTY_FILE', 'The file is empty', [{ path: 'job_data.s3_key', message: 'Empty file' }]),
  noRows: () => new AppError('ERR_IMPORT_NO_ROWS', 'The file has a header but no data row', [{ path: 'job_data.s3_key', message: 'No data rows' }]),
  notText: (why: string) =>
    new AppError('ERR_IMPORT_NOT_TEXT', `The file is not text (${why}); export it as CSV (UTF-8, Windows-1252, or UTF-16 with a BOM)`, [{ path: 'job_data.s3_key', message: why }]),
  recordTooLarge: (what: string, row: number | undefined) =>
    new AppError('ERR_IMPORT_RECORD_TOO_LARGE', `${what}${row === undefined ? '' : ` (row ${row})`}`, [{ path: row === undefined ? 'job_data.s3_key' : `row ${row}`, message: what }]),
  malformed: (message: string, row: number | undefined) =>
    new AppError('ERR_IMPORT_MALFORMED_CSV', `The file is not valid CSV: ${message}`, [{ path: row === undefined ? 'job_data.s3_key' : `row ${row}`, message }]),
  badHeader: (message: string, details: readonly ErrorDetail[] = []) => new AppError('ERR_IMPORT_BAD_HEADER', message, details),
  notFound: (key: string) => new AppError('ERR_NOT_FOUND', `No uploaded object at ${key}`, [{ path: 'job_data.s3_key', message: 'Not found' }]),
  changed: () =>
    new AppError('ERR_CONFLICT', 'The file changed since the import started; start a new import', [{ path: 'job_data.s3_key', message: 'Object changed' }]),
  forbidden: () =>
    new AppError('ERR_FORBIDDEN', "s3_key is outside the workspace's upload prefix", [{ path: 'job_data.s3_key', message: 'Not in this workspace' }]),
};
