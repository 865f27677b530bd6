import { z } from 'zod';
import { MAX_IMPORT_WARNINGS, MAX_WARNING_COLUMNS } from './import-limits.ts';

/** What an import tells its user about how it read the file, listed in the job's result. */
export const IMPORT_WARNING_CODES = ['encoding', 'skipped_lines', 'duplicate_header', 'candidate_columns', 'unmapped_columns'] as const;

export const importWarningSchema = z.object({
  code: z.enum(IMPORT_WARNING_CODES),
  message: z.string(),
  /** The file's headers the warning is about, when it is about columns. */
  columns: z.array(z.string()).optional(),
});

export type ImportWarning = z.output<typeof importWarningSchema>;

/** Headers quoted in a warning, bounded: a file may have hundreds of unknown columns. */
export function quoted(headers: readonly string[]): string {
  const shown = headers.slice(0, MAX_WARNING_COLUMNS).map((h) => `"${h}"`);
  return headers.length > MAX_WARNING_COLUMNS ? `${shown.join(', ')} and ${headers.length - MAX_WARNING_COLUMNS} more` : shown.join(', ');
}

export const boundedWarnings = (warnings: readonly ImportWarning[]): ImportWarning[] =>
  warnings.slice(0, MAX_IMPORT_WARNINGS).map((w) => (w.columns ? { ...w, columns: w.columns.slice(0, MAX_WARNING_COLUMNS) } : w));
