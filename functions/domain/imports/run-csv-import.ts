import type { ErrorReportStore, ObjectSource } from '../../ports/imports.port.ts';
import type { RecordStore } from '../../ports/records.port.ts';
import { RUNNING_STATUSES, type JobCounters } from '../jobs/job.ts';
import type { JobRunContext, JobRunOutcome } from '../jobs/runner.ts';
import type { PreparedRecord } from '../records/prepare.ts';
import { Writes } from '../records/upsert-batch.ts';
import { workspaceOfKey } from '../uploads/upload-key.ts';
import { ERROR_REPORT_HEADER, errorPartKey, errorPartsPrefix, errorReportKey, errorReportLines } from './error-report.ts';
import { readCheckpoint, type ImportCheckpoint } from './import-checkpoint.ts';
import { importError } from './import-errors.ts';
import { boundedWarnings, type ImportWarning } from './import-warnings.ts';
import { parseInsertCsvFileData, type InsertCsvFileData } from './import-job-data.ts';
import { IMPORT_BATCH_ROWS, MAX_ERROR_REPORT_LINES, MIN_REMAINING_MS } from './import-limits.ts';
import { openImportRows, type ImportRow, type ImportRows } from './import-rows.ts';
import { realSleep, writeAllRecords, type Sleep, type UnstorableRecord } from './write-records.ts';

export interface ImportDeps {
  readonly source: ObjectSource;
  readonly records: RecordStore;
  readonly errorReports: ErrorReportStore;
  readonly sleep?: Sleep;
}

export const IMPORT_STAGE = 'import';
export const ERROR_REPORT_STAGE = 'error_report';
const STEP_ROWS = 'importing rows';
const STEP_REPORT = 'writing the error report';
const STEP_FINISHING = 'finishing';
/** The error report's column for a problem of the whole row. */
const ROW_COLUMN = '(row)';
/** Companies a run remembers having stored (see `unwritten`). */
const MAX_REMEMBERED_COMPANIES = 50_000;

/** One batch of rows between two checkpoints. */
class Batch {
  readonly writes = new Writes();
  lines = '';
  lineCount = 0;
  read = 0;
  written = 0;
  failed = 0;
  lastRow = 0;
  endByte = 0;

  constructor(readonly firstRow: number) {}
}

/** The state of one run over one file: position, counters, and the batch being filled. */
class ImportRun {
  private row: number;
  private byte: number;
  private counters: JobCounters;
  private reportLines: number;
  private totalBytes = 0;
  private etag: string | undefined;
  private headers: readonly string[] = [];
  private delimiter: ImportCheckpoint['delimiter'] = ',';
  private encoding: ImportCheckpoint['encoding'];
  private headerRow: number;
  private warnings: ImportWarning[];
  private readonly writtenCompanies = new Set<string>();

  constructor(
    private readonly deps: ImportDeps,
    private readonly ctx: JobRunContext,
    private readonly data: InsertCsvFileData,
    private readonly saved: ImportCheckpoint | undefined,
  ) {
    this.row = saved?.row ?? 1;
    this.byte = saved?.byte ?? 0;
    this.counters = saved?.counters ?? { rowsRead: 0, rowsWritten: 0, rowsFailed: 0 };
    this.reportLines = saved?.reportLines ?? 0;
    this.etag = saved?.etag;
    this.warnings = saved?.warnings ?? [];
    this.encoding = saved?.encoding ?? 'utf-8';
    this.headerRow = saved?.headerRow ?? 1;
  }

  private get ws(): string {
    return this.ctx.job.workspaceId;
  }

  private get jobId(): string {
    return this.ctx.job.id;
  }

  private publish(event: Parameters<JobRunContext['events']['publish']>[1]): Promise<void> {
    return this.ctx.events.publish(this.ws, event);
  }

  private checkpoint(finished?: ImportCheckpoint['finished']): ImportCheckpoint {
    return {
      row: this.row,
      byte: this.byte,
      headers: [...this.headers],
      delimiter: this.delimiter,
      encoding: this.encoding,
      headerRow: this.headerRow,
      warnings: this.warnings,
      ...(this.etag ? { etag: this.etag } : {}),
      counters: this.counters,
      reportLines: this.reportLines,
      ...(finished ? { finished } : {}),
    };
  }

  private async report(step: string, progress: number, finished?: ImportCheckpoint['finished']): Promise<boolean> {
    const job = await this.ctx.jobs.report(
      this.ws,
      this.jobId,
      { progress, currentStep: step, counters: this.counters, checkpoint: this.checkpoint(finished) as unknown as Record<string, unknown> },
      RUNNING_STATUSES,
    );
    return job !== undefined;
  }

  private fraction(): number {
    // 1 is the worker's to set, with the final status.
    return this.totalBytes > 0 ? Math.min(0.99, this.byte / this.totalBytes) : 0;
  }

  private add(batch: Batch, item: ImportRow): void {
    batch.read++;
    batch.lastRow = item.row;
    batch.endByte = item.endByte;
    const { mapped } = item;
    if (mapped.kind === 'records') {
      for (const record of mapped.records) batch.writes.add(record, item.row);
      batch.written++;
    } else if (mapped.kind === 'invalid') {
      batch.failed++;
      if (this.reportLines + batch.lineCount < MAX_ERROR_REPORT_LINES) {
        batch.lines += errorReportLines(item.row, mapped.problems);
        batch.lineCount += mapped.problems.length;
      }
    }
  }

  /**
   * The batch's records minus the companies this run already stored with exactly these values:
   * an export lists many people per company, and rewriting an unchanged company changes nothing.
   * A new run (after a crash) starts with none remembered, so it rewrites them, harmlessly.
   */
  private unwritten(batch: Batch): { records: PreparedRecord[]; companies: { uuid: string; signature: string }[] } {
    const records: PreparedRecord[] = [];
    const companies: { uuid: string; signature: string }[] = [];
    for (const record of batch.writes.records()) {
      if (record.entity !== 'company') {
        records.push(record);
        continue;
      }
      const signature = `${record.uuid}${JSON.stringify(record.fields)}${JSON.stringify(record.extra ?? null)}`;
      if (this.writtenCompanies.has(signature)) continue;
      records.push(record);
      companies.push({ uuid: record.uuid, signature });
    }
    return { records, companies };
  }

  /** Rows whose record the store refused for good become failed rows of the report. */
  private reportUnstorable(batch: Batch, unstorable: readonly UnstorableRecord[]): void {
    const rows = new Map<number, string>();
    for (const { record, reason } of unstorable) {
      for (const row of batch.writes.rowsOf.get(`${record.entity}#${record.uuid}`) ?? []) if (!rows.has(row)) rows.set(row, reason);
    }
    for (const [row, reason] of [...rows].sort(([a], [b]) => a - b)) {
      batch.written--;
      batch.failed++;
      if (this.reportLines + batch.lineCount >= MAX_ERROR_REPORT_LINES) continue;
      batch.lines += errorReportLines(row, [{ column: ROW_COLUMN, reason: `Not stored (${reason}): the store refuses it as it is` }]);
      batch.lineCount++;
    }
  }

  /** Writes the batch, then its error lines, then the checkpoint: a crash anywhere replays it whole. False when the job was stopped. */
  private async commit(batch: Batch): Promise<boolean> {
    const { records, companies } = this.unwritten(batch);
    const unstorable = await writeAllRecords(this.deps.records, this.ws, records, this.deps.sleep ?? realSleep);
    this.reportUnstorable(batch, unstorable);
    const refused = new Set(unstorable.map(({ record }) => record.uuid));
    if (this.writtenCompanies.size + companies.length > MAX_REMEMBERED_COMPANIES) this.writtenCompanies.clear();
    for (const { uuid, signature } of companies) if (!refused.has(uuid)) this.writtenCompanies.add(signature);
    if (batch.lineCount > 0) await this.deps.errorReports.writePart(errorPartKey(this.ws, this.jobId, batch.firstRow), batch.lines);
    this.row = batch.lastRow;
    this.byte = batch.endByte;
    this.reportLines += batch.lineCount;
    this.counters = {
      rowsRead: this.counters.rowsRead + batch.read,
      rowsWritten: this.counters.rowsWritten + batch.written,
      rowsFailed: this.counters.rowsFailed + batch.failed,
    };
    if (!(await this.report(STEP_ROWS, this.fraction()))) return false;
    await this.publish({
      type: 'progress',
      job_id: this.jobId,
      stage: IMPORT_STAGE,
      completed: this.counters.rowsRead,
      failed: this.counters.rowsFailed,
      progress: this.fraction(),
    });
    return true;
  }

  private async open(): Promise<ImportRows> {
    const opened = await this.deps.source.open(this.data.s3_key, this.byte, this.etag);
    if (opened.status === 'missing') throw importError.notFound(this.data.s3_key);
    if (opened.status === 'changed') throw importError.changed();
    this.totalBytes = opened.totalBytes;
    this.etag ??= opened.etag;
    const { saved } = this;
    const resume = saved
      ? { headers: saved.headers, delimiter: saved.delimiter, encoding: saved.encoding, headerRow: saved.headerRow, row: saved.row, byte: saved.byte }
      : undefined;
    const rows = await openImportRows(opened.body, { columnMap: this.data.column_map, delimiter: this.data.delimiter, headerRow: this.data.header_row, resume });
    this.headers = rows.plan.headers;
    this.delimiter = rows.delimiter;
    this.encoding = rows.encoding;
    this.headerRow = rows.headerRow;
    if (!saved) this.warnings = boundedWarnings(rows.warnings);
    this.row = rows.startRow;
    this.byte = rows.startByte;
    return rows;
  }

  /** Reads and commits every row from the checkpoint on; 'continue' when the time budget runs low. */
  private async importRows(): Promise<JobRunOutcome | undefined> {
    const { rows } = await this.open();
    let batch = new Batch(this.row + 1);
    let inFlight: Promise<boolean> | undefined;
    try {
      for (let next = await rows.next(); !next.done; next = await rows.next()) {
        for (const item of next.value) {
          this.add(batch, item);
          if (batch.read < IMPORT_BATCH_ROWS) continue;
          // One commit in flight while the next batch is parsed; checkpoints stay in row order.
          if (inFlight && !(await inFlight)) return { outcome: 'stopped' };
          if (this.ctx.remainingMs() < MIN_REMAINING_MS) {
            return (await this.commit(batch)) ? { outcome: 'continue' } : { outcome: 'stopped' };
          }
          inFlight = this.commit(batch);
          // A rejected commit is awaited below or at the next batch; never left unhandled.
          inFlight.catch(() => undefined);
          batch = new Batch(item.row + 1);
        }
      }
      if (inFlight && !(await inFlight)) return { outcome: 'stopped' };
      inFlight = undefined;
      if (batch.read > 0 && !(await this.commit(batch))) return { outcome: 'stopped' };
      return undefined;
    } finally {
      if (inFlight) await inFlight.catch(() => undefined);
      await rows.return(undefined);
    }
  }

  private result(errorReportKey: string | undefined): Record<string, unknown> {
    const { rowsRead, rowsWritten, rowsFailed } = this.counters;
    return {
      s3_key: this.data.s3_key,
      rows_read: rowsRead,
      rows_written: rowsWritten,
      rows_failed: rowsFailed,
      rows_blank: rowsRead - rowsWritten - rowsFailed,
      encoding: this.encoding,
      header_row: this.headerRow,
      warnings: this.warnings,
      error_report: errorReportKey ? { s3_key: errorReportKey, lines: this.reportLines, truncated: this.reportLines >= MAX_ERROR_REPORT_LINES } : null,
    };
  }

  /** Joins the error report (once: the checkpoint remembers it), then removes its parts. */
  private async finish(): Promise<JobRunOutcome> {
    let key = this.saved?.finished?.errorReportKey;
    if (!this.saved?.finished) {
      if (this.counters.rowsWritten + this.counters.rowsFailed === 0) throw importError.noRows();
      await this.publish({ type: 'stage_complete', job_id: this.jobId, stage: IMPORT_STAGE });
      if (this.reportLines > 0) {
        await this.publish({ type: 'stage_start', job_id: this.jobId, stage: ERROR_REPORT_STAGE });
        key = errorReportKey(this.ws, this.jobId);
        await this.deps.errorReports.assemble(errorPartsPrefix(this.ws, this.jobId), key, ERROR_REPORT_HEADER);
        await this.publish({ type: 'stage_complete', job_id: this.jobId, stage: ERROR_REPORT_STAGE });
      }
      if (!(await this.report(this.reportLines > 0 ? STEP_REPORT : STEP_FINISHING, 0.99, key ? { errorReportKey: key } : {}))) return { outcome: 'stopped' };
    }
    if (key) await this.deps.errorReports.removeParts(errorPartsPrefix(this.ws, this.jobId));
    return { outcome: 'completed', result: this.result(key) };
  }

  async run(): Promise<JobRunOutcome> {
    if (!this.saved?.finished) {
      if (!this.saved) await this.publish({ type: 'stage_start', job_id: this.jobId, stage: IMPORT_STAGE });
      const early = await this.importRows();
      if (early) return early;
    }
    return this.finish();
  }
}

/**
 * The `insert_csv_file` job: streams the uploaded CSV, upserts its rows in batches, reports
 * invalid rows to an error-report CSV, and checkpoints after every batch so that a crash, a
 * redelivery or a timeout resumes at the last committed row with exact counters.
 *
 * ```
 * batch n:  upsert records ─▶ write error part n ─▶ report(checkpoint n, counters n)
 * crash ✗ anywhere before the report: the next run starts at checkpoint n-1 and redoes batch n;
 * the upserts are idempotent (deterministic uuids, merge) and part n is overwritten, not added.
 * ```
 */
export async function runCsvImport(deps: ImportDeps, ctx: JobRunContext): Promise<JobRunOutcome> {
  const data = parseInsertCsvFileData(ctx.job.data);
  if (workspaceOfKey(data.s3_key) !== ctx.job.workspaceId) throw importError.forbidden();
  return new ImportRun(deps, ctx, data, readCheckpoint(ctx.job.checkpoint)).run();
}
