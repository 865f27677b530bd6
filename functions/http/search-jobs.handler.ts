import { searchJobsRequestSchema } from '../domain/jobs/job-requests.ts';
import { renderJob } from '../domain/jobs/job-view.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { jobStore } from '../platform/services/jobs.services.ts';
import { parseInput } from '../platform/validation.ts';

/** Connectra's jobs list (`POST /common/jobs`): the GET /v1/jobs filters, as a JSON body with arrays. */
export const handler = httpHandler({ authorized: true, json: 'optional' }, async ({ workspaceId, body }) => {
  const request = parseInput(searchJobsRequestSchema, body ?? {});
  const types = typeof request.job_type === 'string' ? [request.job_type] : request.job_type;
  const page = await jobStore().list(workspaceId, {
    limit: request.limit,
    ...(types ? { types } : {}),
    ...(request.status ? { statuses: request.status } : {}),
    ...(request.cursor ? { cursor: request.cursor } : {}),
  });
  return successResponse({ data: page.items.map(renderJob), next_cursor: page.nextCursor ?? null });
});
