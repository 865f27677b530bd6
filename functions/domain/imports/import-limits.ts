/**
 * Tunables of the CSV import, one place each (conventions: named constants, not literals).
 */

/** Data rows per committed batch: one checkpoint, one progress report, one error-report part each. */
export const IMPORT_BATCH_ROWS = 500;

/** The header line must end within this many bytes; the delimiter is detected on it. */
export const MAX_HEADER_BYTES = 64 * 1024;

/**
 * A physical line (bytes between two newlines) may not exceed this. It bounds what a record
 * made only of delimiters can cost, which csv-parse's own record limit does not count.
 */
export const MAX_LINE_BYTES = 1024 * 1024;

/** Characters of cell content one record may hold (csv-parse `max_record_size`). */
export const MAX_RECORD_CHARS = 1024 * 1024;

/** Columns a header may declare. */
export const MAX_COLUMNS = 500;

/** Unknown columns kept per record in `extra`, and the longest name and value kept. */
export const MAX_EXTRA_KEYS = 64;
export const MAX_EXTRA_KEY_LENGTH = 128;
export const MAX_EXTRA_VALUE_LENGTH = 1024;

/** Error-report lines kept per job; later failures are still counted, not listed. */
export const MAX_ERROR_REPORT_LINES = 100_000;

/** A run stops at the next committed batch once less than this is left of its time budget. */
export const MIN_REMAINING_MS = 15_000;

/** Rounds of retrying records the store could not write (throttling), with exponential backoff. */
export const WRITE_RETRY_ATTEMPTS = 6;
export const WRITE_RETRY_BASE_MS = 100;
export const WRITE_RETRY_MAX_MS = 5_000;

/** Delimiters an import understands; the header line decides among them unless job_data names one. */
export const IMPORT_DELIMITERS = [',', ';', '\t', '|'] as const;
export type ImportDelimiter = (typeof IMPORT_DELIMITERS)[number];

/** Lines searched for the header (a notes paragraph or a report title may come first), within MAX_HEADER_BYTES. */
export const MAX_HEADER_SEARCH_LINES = 30;

/** Warnings a job's result lists, and the header names quoted in one. */
export const MAX_IMPORT_WARNINGS = 50;
export const MAX_WARNING_COLUMNS = 20;
