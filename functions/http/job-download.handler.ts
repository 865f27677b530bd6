import { chargeExportDownload } from '../domain/exports/export-charge.ts';
import { exportDownload } from '../domain/exports/export-download.ts';
import { jobParamsSchema } from '../domain/jobs/job-requests.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import type { Job } from '../domain/jobs/job.ts';
import { downloadDeps } from '../platform/services/accounts.services.ts';
import { downloadLinks } from '../platform/services/exports.services.ts';
import { jobStore } from '../platform/services/jobs.services.ts';
import { parseInput } from '../platform/validation.ts';

export const handler = httpHandler({ authorized: true, json: false }, async ({ event, workspaceId, principal }) => {
  const { id } = parseInput(jobParamsSchema, event.pathParameters ?? {}, 'path');
  const chargeFor = (job: Job, rows: number) => chargeExportDownload(downloadDeps(), principal, job, rows);
  return successResponse(await exportDownload(jobStore(), downloadLinks(), workspaceId, id, chargeFor));
});
