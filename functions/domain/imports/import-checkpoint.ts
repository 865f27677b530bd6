import { z } from 'zod';
import { IMPORT_DELIMITERS } from './import-limits.ts';
import { importWarningSchema } from './import-warnings.ts';
import { IMPORT_ENCODINGS } from './text-encoding.ts';

/**
 * Where a resumed run starts: the last committed row and the byte after it, what the header
 * said, and the counters as of that row (kept here too, so the counters and the position can
 * never disagree). Written in one `jobs.report` with the job's counters after every batch.
 */
export const importCheckpointSchema = z.object({
  /** Spreadsheet row number of the last committed record (the file's line of the record). */
  row: z.number().int().min(1),
  byte: z.number().int().min(0),
  headers: z.array(z.string()),
  delimiter: z.enum(IMPORT_DELIMITERS),
  /** What the head of the file told the first run; checkpoints older than these read UTF-8 from line 1. */
  encoding: z.enum(IMPORT_ENCODINGS).default('utf-8'),
  headerRow: z.number().int().min(1).default(1),
  warnings: z.array(importWarningSchema).default([]),
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
