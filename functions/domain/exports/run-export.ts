import { AppError } from '../../platform/errors.ts';
import { validationError } from '../../platform/errors.ts';
import { issuesToDetails } from '../../platform/validation.ts';
import type { RecordSearch } from '../../ports/search.port.ts';
import { RUNNING_STATUSES, type JobPatch } from '../jobs/job.ts';
import type { JobRunContext, JobRunOutcome } from '../jobs/runner.ts';
import { countRecords, searchRecords } from '../records/search-records.ts';
import type { VqlQuery } from '../vql/vql-schema.ts';
import { exportColumns } from './export-columns.ts';
import { exportKeyFor } from './export-file.ts';
import { exportJobDataSchema, type ExportJobData } from './export-job-data.ts';
import type { ChargeRefunds, ExportFiles, FileSink } from './export-ports.ts';
import { EXPORT_PAGE_SIZE, EXPORT_REPORT_EVERY_PAGES, MAX_EXPORT_ROWS } from './limits.ts';
import { CONTENT_TYPES } from './export-format.ts';
import { encoderFor } from './row-encoder.ts';

export interface ExportDeps {
  readonly search: RecordSearch;
  readonly files: ExportFiles;
  readonly ledger: ChargeRefunds;
}

export const EXPORT_STAGE = 'export';

function parseJobData(data: unknown): ExportJobData {
  const parsed = exportJobDataSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const details = issuesToDetails(parsed.error.issues, 'job_data');
  throw validationError(`Invalid export job_data: ${details.map((d) => d.path).join(', ')}`, details);
}

interface Progress {
  rows: number;
  pages: number;
}

/**
 * Pages through the matches with search_after (`cursor`), in a stable order (uuid breaks ties),
 * and streams each page into the file as it arrives: memory holds one page and the S3 parts in
 * flight, whatever the export's size.
 *
 * No checkpoint: an XLSX file is a zip whose state cannot be resumed in another run, so a run
 * that is stopped, crashes or is retried starts the file again (same key, so never a second
 * copy). A run that would outlast its time budget fails with ERR_EXPORT_TIME_LIMIT rather than
 * being killed halfway; MAX_EXPORT_ROWS is sized so that this should not happen.
 */
export async function runExport(deps: ExportDeps, ctx: JobRunContext): Promise<JobRunOutcome> {
  const { job } = ctx;
  const data = parseJobData(job.data);
  const columns = exportColumns(data.entity, data.select_columns ?? data.query?.select_columns);
  const rowCap = Math.min(data.query?.limit ?? MAX_EXPORT_ROWS, MAX_EXPORT_ROWS);
  // Whatever this run is (the first, a retry, a resume, a redelivery), it writes no more than
  // was charged: the result set may have grown since the charge was taken.
  const charged = job.downloadCharge?.rows;
  const maxRows = Math.min(rowCap, charged ?? MAX_EXPORT_ROWS);
  const query: VqlQuery = {
    ...(data.query?.where ? { where: data.query.where } : {}),
    ...(data.query?.order_by ? { order_by: data.query.order_by } : {}),
    select_columns: columns,
  };
  const matches = await countRecords(deps.search, data.entity, job.workspaceId, query.where);
  const total = Math.min(matches, maxRows);
  await ctx.events.publish(job.workspaceId, { type: 'stage_start', job_id: job.id, stage: EXPORT_STAGE }).catch(() => undefined);

  const key = exportKeyFor(job.workspaceId, job.id, data.format);
  const sink = deps.files.create(key, CONTENT_TYPES[data.format]);
  try {
    const progress = await writeRows(deps, ctx, sink, { data, query, columns, maxRows, total });
    if (!progress) {
      await sink.abort();
      return { outcome: 'stopped' };
    }
    const keptCharge = await settleCharge(deps, ctx, progress.rows);
    const { bytes } = await sink.complete();
    await ctx.events.publish(job.workspaceId, { type: 'stage_complete', job_id: job.id, stage: EXPORT_STAGE }).catch(() => undefined);
    return {
      outcome: 'completed',
      result: {
        s3_key: key,
        format: data.format,
        rows: progress.rows,
        bytes,
        columns,
        matches,
        row_cap: rowCap,
        capped: progress.rows >= maxRows && matches > progress.rows,
        ...(charged === undefined
          ? { capped_by_charge: false }
          : { charged_rows: keptCharge, capped_by_charge: progress.rows >= charged && matches > progress.rows }),
      },
    };
  } catch (error) {
    await sink.abort().catch(() => undefined);
    throw error;
  }
}

interface Plan {
  readonly data: ExportJobData;
  readonly query: VqlQuery;
  readonly columns: readonly string[];
  readonly maxRows: number;
  readonly total: number;
}

/** Resolves the rows written, or undefined when the job left its running status (stopped, paused, taken over). */
async function writeRows(deps: ExportDeps, ctx: JobRunContext, sink: FileSink, plan: Plan): Promise<Progress | undefined> {
  const { job } = ctx;
  const encoder = await encoderFor(plan.data.format, sink);
  await encoder.header(plan.columns);
  const progress: Progress = { rows: 0, pages: 0 };
  let cursor: unknown[] | undefined;
  while (progress.rows < plan.maxRows) {
    if (ctx.remainingMs() <= 0) {
      throw new AppError('ERR_EXPORT_TIME_LIMIT', `The export stopped after ${progress.rows} of ${plan.total} rows: it cannot finish within one run; narrow the query or set query.limit`);
    }
    const limit = Math.min(EXPORT_PAGE_SIZE, plan.maxRows - progress.rows);
    const page = await searchRecords(deps.search, plan.data.entity, job.workspaceId, { ...plan.query, limit, ...(cursor ? { cursor: cursor as VqlQuery['cursor'] } : {}) });
    await encoder.rows(page.data.map((row) => plan.columns.map((column) => row[column])));
    progress.rows += page.data.length;
    progress.pages += 1;
    await publishProgress(ctx, progress.rows, plan.total);
    if (!page.next_cursor || page.data.length === 0) break;
    cursor = page.next_cursor;
    if (progress.pages % EXPORT_REPORT_EVERY_PAGES === 0 && !(await report(ctx, progress.rows, plan.total))) return undefined;
  }
  await encoder.finish();
  return (await report(ctx, progress.rows, plan.total, keptChargePatch(job, progress.rows))) ? progress : undefined;
}

/** The charge the job keeps once `rows` are written: only those (the rest goes back to the user). */
function keptChargePatch(job: JobRunContext['job'], rows: number): Pick<JobPatch, 'downloadCharge'> {
  const charge = job.downloadCharge;
  return charge && rows < charge.rows ? { downloadCharge: { ...charge, rows } } : {};
}

/**
 * Gives back the charged rows the file did not use. The job's charge was lowered first (in the
 * final, lease-fenced report), so a crash in between can only cost the user rows, never give
 * extra ones, and a later run of this job is capped by the lowered charge.
 */
async function settleCharge(deps: ExportDeps, ctx: JobRunContext, rows: number): Promise<number | undefined> {
  const charge = ctx.job.downloadCharge;
  if (!charge) return undefined;
  if (rows < charge.rows) await deps.ledger.refund(ctx.job.workspaceId, charge.userId, charge.period, charge.rows - rows);
  return Math.min(rows, charge.rows);
}

const fraction = (rows: number, total: number): number => (total === 0 ? 1 : Math.min(1, rows / total));

/** Best effort, like every job event: a client missing one progress message changes nothing. */
async function publishProgress(ctx: JobRunContext, rows: number, total: number): Promise<void> {
  await ctx.events.publish(ctx.job.workspaceId, {
    type: 'progress',
    job_id: ctx.job.id,
    stage: EXPORT_STAGE,
    completed: rows,
    total,
    failed: 0,
    progress: fraction(rows, total),
  }).catch(() => undefined);
}

/** Records progress on the job; false when the job is no longer this run's to write (stop wins). */
async function report(ctx: JobRunContext, rows: number, total: number, extra: JobPatch = {}): Promise<boolean> {
  const { job } = ctx;
  const updated = await ctx.jobs.report(
    job.workspaceId,
    job.id,
    { progress: fraction(rows, total), currentStep: EXPORT_STAGE, counters: { rowsRead: rows, rowsWritten: rows, rowsFailed: 0 }, ...extra },
    RUNNING_STATUSES,
  );
  return updated !== undefined;
}
