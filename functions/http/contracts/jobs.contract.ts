import { z } from 'zod';
import { contactExportRequestSchema } from '../../domain/exports/contact-export-request.ts';
import { JOB_TRANSITIONS, MAX_JOB_RETRY_COUNT } from '../../domain/jobs/job.ts';
import { createJobRequestSchema, jobParamsSchema, listJobsQuerySchema, MAX_JOB_PAGE_SIZE } from '../../domain/jobs/job-requests.ts';
import { jobViewSchema } from '../../domain/jobs/job-view.ts';
import { WS_TICKET_TTL_SECONDS } from '../../domain/realtime/ws-ticket.ts';
import { defineContracts, successBody, type RouteContract } from '../../platform/http/route-contract.ts';
import { IDEMPOTENCY_CONFLICT, idempotencyHeadersSchema } from '../../platform/http/idempotency-header.ts';

const TAG = 'jobs';

const jobBody = successBody({ job: jobViewSchema });

const sources = (to: string): string =>
  Object.entries(JOB_TRANSITIONS)
    .filter(([, targets]) => (targets as readonly string[]).includes(to))
    .map(([from]) => from)
    .join(', ');

const actionRoute = (action: string, to: string, what: string, refusals: RouteContract['responses'] = {}): RouteContract => ({
  method: 'POST',
  path: `/v1/jobs/{id}/${action}`,
  summary: `${action[0]?.toUpperCase()}${action.slice(1)} a job`,
  description: `${what} Allowed from: ${sources(to)}; the job becomes ${to}. Subscribers get a \`status\` message.`,
  tag: TAG,
  params: jobParamsSchema,
  responses: {
    200: { description: `The job, now ${to}`, body: jobBody },
    404: { description: 'ERR_NOT_FOUND: no such job in this workspace' },
    409: { description: 'ERR_CONFLICT: the job\'s status does not allow it; the message and `details` name the current status' },
    ...refusals,
  },
});

export const jobsContracts = defineContracts([
  {
    method: 'POST',
    path: '/v1/jobs',
    summary: 'Create a job (CSV import, export, website enrichment) and queue it',
    description:
      '`job_data` is validated by the schema of `job_type`. `insert_csv_file` takes an `s3_key` from `POST /v1/uploads` ' +
      `(another workspace's key is 403 ERR_FORBIDDEN). \`enrich_websites\` takes \`domains\` (at most 1,000) or a VQL \`query\` over ` +
      'companies (at most 10,000 selected, else ERR_JOB_TOO_LARGE; none: ERR_NO_SITES) and `options` (pages_per_site, browser auto|never|always, respect_robots). ' +
      `\`retry_count\` (1..${MAX_JOB_RETRY_COUNT}) is how many attempts a ` +
      'job gets before it fails for good. Follow it with `GET /v1/jobs/{id}` or live over the WebSocket (`POST /v1/ws-tickets`).',
    tag: TAG,
    body: createJobRequestSchema,
    headers: idempotencyHeadersSchema,
    responses: {
      201: { description: 'The job, in_queue', body: jobBody },
      409: { description: IDEMPOTENCY_CONFLICT },
      400: { description: 'ERR_MISSING_JOB_TYPE, or ERR_VALIDATION naming the field (an unknown job_type names `job_type`)' },
      403: { description: 'ERR_FORBIDDEN: job_data.s3_key is not an upload of this workspace; ERR_DOWNLOAD_LIMIT_EXCEEDED: the export does not fit in your download limit' },
      503: { description: 'ERR_UNAVAILABLE: the job was created but could not be queued (it is stopped; retry it)' },
    },
  },
  {
    method: 'POST',
    path: '/v1/contacts/export',
    summary: 'Export chosen contacts (Appointment360\'s export) as an export job',
    description:
      'The contacts named by `contact_ids` (uuids of this workspace; others match nothing), with `fields` as the columns, to XLSX unless `format` says csv. ' +
      'It is an `export_csv_file` job like any other: charged against the download limit, followed on `GET /v1/jobs/{id}`, downloaded from `download` once completed.',
    tag: TAG,
    body: contactExportRequestSchema,
    headers: idempotencyHeadersSchema,
    responses: {
      201: { description: 'The export job, in_queue, with the file name it will have and where to download it', body: successBody({ job: jobViewSchema, filename: z.string(), download: z.string() }) },
      409: { description: IDEMPOTENCY_CONFLICT },
      400: { description: 'ERR_VALIDATION naming the field (`contact_ids[i]` not a uuid, an unknown column in `fields`)' },
      403: { description: 'ERR_DOWNLOAD_LIMIT_EXCEEDED: the export does not fit in your download limit' },
    },
  },
  {
    method: 'GET',
    path: '/v1/jobs',
    summary: 'List the workspace\'s jobs, newest first',
    description: `Filter by \`job_type\` and \`status\` (comma-separated lists). At most ${MAX_JOB_PAGE_SIZE} per page; pass \`next_cursor\` back as \`cursor\` for the next page.`,
    tag: TAG,
    query: listJobsQuerySchema,
    responses: {
      200: { description: 'One page of jobs', body: successBody({ data: z.array(jobViewSchema), next_cursor: z.string().nullable() }) },
      400: { description: 'ERR_VALIDATION naming the parameter (an unknown status, a bad limit, a cursor not from this workspace)' },
    },
  },
  {
    method: 'GET',
    path: '/v1/jobs/{id}',
    summary: 'Get one job: status, progress, counters, result, error',
    tag: TAG,
    params: jobParamsSchema,
    responses: { 200: { description: 'The job', body: jobBody }, 404: { description: 'ERR_NOT_FOUND: no such job in this workspace' } },
  },
  actionRoute('stop', 'stopped', 'Stops the job; a running worker stops at its next progress report.'),
  actionRoute(
    'retry',
    'retry_in_queued',
    'Queues the job again with a fresh attempt budget; an import resumes from its checkpoint. An export retried by the user who paid for it is charged again for what it can produce now; anyone else\'s retry writes at most what it still holds charged.',
    { 403: { description: 'ERR_DOWNLOAD_LIMIT_EXCEEDED: the export\'s current rows do not fit in your download limit' } },
  ),
  actionRoute('pause', 'paused', 'Pauses a running job at its next progress report.'),
  actionRoute('resume', 'in_queue', 'Queues a paused job again; it resumes from its checkpoint.'),
  {
    method: 'POST',
    path: '/v1/ws-tickets',
    summary: 'A single-use ticket to open the progress WebSocket',
    description:
      `Connect within ${WS_TICKET_TTL_SECONDS} s to the WebSocket URL with \`?ticket=<ticket>\`; the ticket works once. ` +
      'A missing ticket is refused with 401, a used, expired or unknown one with 403. Then send ' +
      '`{"action":"subscribe","job_id":"..."}` per job, `unsubscribe` likewise, and `ping` for a `pong`.',
    tag: TAG,
    responses: {
      201: {
        description: 'The ticket',
        body: successBody({ ticket: z.string(), expires_in: z.int().describe('Seconds the ticket stays valid') }),
      },
    },
  },
]);
