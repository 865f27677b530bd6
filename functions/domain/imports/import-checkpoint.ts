import { z } from 'zod';
import { IMPORT_DELIMITERS } from './import-limits.ts';

/**
 * Where a resumed run starts: the last committed row and the byte after it, what the header
 * said, and the counters as of that row (kept here too, so the counters and the position can
 * never disagree). Written in one `jobs.report` with the job's counters after every batch.
 */
export const importCheckpointSchema = z.object({
  /** Spreadsheet row number of the last committed record (the header is row 1). */
  row: z.number().int().min(1),
  byte: z.number().int().min(0),
  headers: z.array(z.string()),
  delimiter: z.enum(IMPORT_DELIMITERS),
  etag: z.string().optional(),
  counters: z.object({ rowsRead: z.number().int(), rowsWritten: z.number().int(), rowsFailed: z.number().int() }),
  /** Lines written to error-report parts so far. */
  reportLines: z.number().int().min(0),
  /** Set once every row is committed and the error report is published. */
  finished: z
    .object({
      errorReportKey: z.string().optional(),
    })
    .optional(),
});

export type ImportCheckpoint = z.output<typeof importCheckpointSchema>;

/** The stored checkpoint, or undefined for a fresh run (or one another runner type left: ignored). */
export function readCheckpoint(stored: unknown): ImportCheckpoint | undefined {
  if (stored === undefined || stored === null) return undefined;
  const parsed = importCheckpointSchema.safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}
