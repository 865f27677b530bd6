import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { withDownloadCharge } from '../domain/accounts/download-limit.ts';
import { checkCollectionRequest } from '../domain/apollo/collection-request.ts';
import { checkEnrichTargets } from '../domain/enrich-websites/check-targets.ts';
import { contactExportJobRequest, contactExportRequestSchema, formPathOfExportError } from '../domain/exports/contact-export-request.ts';
import { exportRowsNow } from '../domain/exports/export-charge.ts';
import { exportFilename } from '../domain/exports/export-file.ts';
import type { ExportFormat } from '../domain/exports/export-format.ts';
import type { Entity } from '../domain/records/fields.ts';
import type { CreateJobRequest } from '../domain/jobs/job-requests.ts';
import { JOB_TYPES } from '../domain/jobs/job.ts';
import { createJob } from '../domain/jobs/job-commands.ts';
import { createJobRequestSchema } from '../domain/jobs/job-requests.ts';
import { requireOwnBucket } from '../domain/jobs/job-data-aliases.ts';
import { config } from '../platform/config.ts';
import { renderJob } from '../domain/jobs/job-view.ts';
import { AppError } from '../platform/errors.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { downloadDeps } from '../platform/services/accounts.services.ts';
import { jobQueue, jobStore } from '../platform/services/jobs.services.ts';
import { recordSearch } from '../platform/services/search.services.ts';
import { parseInput } from '../platform/validation.ts';
import { idempotencyMiddleware } from '../platform/services/idempotency.services.ts';
import { apolloUrlHosts } from '../platform/services/apollo-collection.services.ts';

/** The caller as the authorizer named it (an API key or a user), recorded on the job. */
function callerOf(event: APIGatewayProxyEventV2): string | undefined {
  const lambda = (event.requestContext as { authorizer?: { lambda?: Record<string, unknown> } }).authorizer?.lambda;
  const id = lambda?.userId ?? lambda?.keyId;
  return typeof id === 'string' ? id : undefined;
}

/** The seed's ERR_MISSING_JOB_TYPE comes before any other check of the body. */
function requireJobType(body: unknown): void {
  const type = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).job_type : undefined;
  if (type === undefined || type === null || type === '') {
    throw new AppError('ERR_MISSING_JOB_TYPE', `job_type is required (one of ${JOB_TYPES.join(', ')})`, [
      { path: 'job_type', message: 'Required' },
    ]);
  }
}

/**
 * Rows an export is charged before it is queued: what it can produce at most, i.e. the query's
 * matches right now, bounded by its row cap. Other job types download nothing.
 */
async function rowsToCharge(workspaceId: string, request: CreateJobRequest): Promise<number> {
  if (request.job_type !== 'export_csv_file') return 0;
  return exportRowsNow(recordSearch(), workspaceId, request.job_data);
}

/** Runs a check of the job built from the export form, naming the form's fields in its errors. */
function inFormTerms<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throw new AppError(error.code, error.message, error.details.map((d) => ({ ...d, path: formPathOfExportError(d.path) })));
  }
}

/** `POST /v1/contacts/export`: Appointment360's export of chosen contacts, as the export job it is. */
const CONTACT_EXPORT_ROUTE = 'POST /v1/contacts/export';

export const handler = httpHandler({ authorized: true, json: 'required', idempotency: idempotencyMiddleware() }, async ({ event, workspaceId, principal, body: sent }) => {
  const contactExport = event.routeKey === CONTACT_EXPORT_ROUTE;
  const body = contactExport ? contactExportJobRequest(parseInput(contactExportRequestSchema, sent)) : sent;
  requireJobType(body);
  requireOwnBucket(body, config().UPLOADS_BUCKET_NAME);
  const request = contactExport ? inFormTerms(() => parseInput(createJobRequestSchema, body, 'job')) : parseInput(createJobRequestSchema, body, 'job');
  if (request.job_type === 'enrich_websites') await checkEnrichTargets(recordSearch(), workspaceId, request.job_data);
  if (request.job_type === 'apollo_collection') checkCollectionRequest(request.job_data, apolloUrlHosts(), 'job_data.');
  const rows = await rowsToCharge(workspaceId, request);
  const job = await withDownloadCharge(downloadDeps(), principal, rows, (charge) =>
    createJob({ jobs: jobStore(), queue: jobQueue() }, workspaceId, request, callerOf(event), request.job_type === 'export_csv_file' ? charge : undefined),
  );
  if (!contactExport) return successResponse({ job: renderJob(job) }, 201);
  const { format, entity } = request.job_data as { format: ExportFormat; entity: Entity };
  return successResponse({ job: renderJob(job), filename: exportFilename(entity, format, job.id, undefined), download: `/v1/jobs/${job.id}/download` }, 201);
});
