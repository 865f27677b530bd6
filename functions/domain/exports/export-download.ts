import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { JobStore } from '../../ports/jobs.port.ts';
import type { Job } from '../jobs/job.ts';
import { errorReportKey } from '../imports/error-report.ts';
import { ENTITIES } from '../records/fields.ts';
import { exportFilename, isExportKeyOf } from './export-file.ts';
import type { DownloadLinks } from './export-ports.ts';
import { DOWNLOAD_URL_TTL_SECONDS } from './limits.ts';
import { CONTENT_TYPES, EXPORT_FORMATS } from './export-format.ts';

export const exportDownloadSchema = z.object({
  success: z.literal(true),
  download_url: z.string().describe('Presigned GET URL; the browser saves the file as `filename`.'),
  expires_in: z.int().describe('Seconds the URL stays valid.'),
  filename: z.string(),
  format: z.enum(EXPORT_FORMATS),
  rows: z.int().describe('Data rows in the file (for an import: the invalid rows listed in its error report).'),
  bytes: z.int().optional().describe('File size; given for exports.'),
});

/** What a completed export's result must hold to be downloaded (written by ./run-export.ts). */
const exportResultSchema = z.object({ s3_key: z.string(), format: z.enum(EXPORT_FORMATS), rows: z.int(), bytes: z.int() });
const entityOf = z.object({ entity: z.enum(ENTITIES) });

/** What a finished import's result holds about its error report (written by ../imports/run-csv-import.ts). */
const importResultSchema = z.object({ error_report: z.object({ s3_key: z.string(), lines: z.int() }).nullable().optional() });

/**
 * A short-lived link to a job's file in the caller's workspace: a completed export's CSV or XLSX,
 * or the error report of an import that listed invalid rows. Any other job is a clear 404 or 409.
 */
export async function exportDownload(
  jobs: JobStore,
  links: DownloadLinks,
  workspaceId: string,
  jobId: string,
  /** Charges the caller for the export's rows before anything is signed (./export-charge.ts). */
  chargeFor: (job: Job, rows: number) => Promise<void>,
) {
  const job = await jobs.get(workspaceId, jobId);
  if (!job) throw new AppError('ERR_NOT_FOUND', `No job ${jobId} in this workspace`);
  if (job.type === 'insert_csv_file') return importErrorReport(links, workspaceId, jobId, job.result);
  if (job.type !== 'export_csv_file') throw new AppError('ERR_NOT_FOUND', `Job ${jobId} is an ${job.type} job; it has no download`);
  if (job.status !== 'completed') {
    throw new AppError('ERR_EXPORT_NOT_READY', `The export is ${job.status}; its file can be downloaded once it is completed`, [
      { path: 'status', message: job.status },
    ]);
  }
  const result = exportResultSchema.safeParse(job.result);
  // The key is ours (written by the runner), but it still must be this workspace's before anything is signed.
  if (!result.success || !isExportKeyOf(workspaceId, result.data.s3_key)) throw new AppError('ERR_NOT_FOUND', `Job ${jobId} has no export file`);
  const { s3_key: key, format, rows, bytes } = result.data;
  await chargeFor(job, rows);
  const entity = entityOf.safeParse(job.data);
  const filename = exportFilename(entity.success ? entity.data.entity : 'contact', format, job.id, job.finishedAt);
  const url = await links.presignDownload(key, filename, CONTENT_TYPES[format], DOWNLOAD_URL_TTL_SECONDS);
  return { download_url: url, expires_in: DOWNLOAD_URL_TTL_SECONDS, filename, format, rows, bytes };
}

async function importErrorReport(links: DownloadLinks, workspaceId: string, jobId: string, jobResult: unknown) {
  const report = importResultSchema.safeParse(jobResult ?? {});
  const found = report.success ? report.data.error_report : undefined;
  // Only the key this job's runner writes, in this workspace, is ever signed.
  if (!found || found.s3_key !== errorReportKey(workspaceId, jobId)) {
    throw new AppError('ERR_NOT_FOUND', `Import ${jobId} has no error report (no invalid rows, or it has not finished)`);
  }
  const filename = `import-errors-${jobId.replace(/[^A-Za-z0-9]/g, '').slice(0, 8)}.csv`;
  const url = await links.presignDownload(found.s3_key, filename, CONTENT_TYPES.csv, DOWNLOAD_URL_TTL_SECONDS);
  return { download_url: url, expires_in: DOWNLOAD_URL_TTL_SECONDS, filename, format: 'csv' as const, rows: found.lines };
}
