import { listJobsQuerySchema } from '../domain/jobs/job-requests.ts';
import { renderJob } from '../domain/jobs/job-view.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { jobStore } from '../platform/services/jobs.services.ts';
import { parseInput } from '../platform/validation.ts';

export const handler = httpHandler({ authorized: true, json: false }, async ({ event, workspaceId }) => {
  const query = parseInput(listJobsQuerySchema, event.queryStringParameters ?? {}, 'query');
  const page = await jobStore().list(workspaceId, {
    limit: query.limit,
    ...(query.job_type ? { types: query.job_type } : {}),
    ...(query.status ? { statuses: query.status } : {}),
    ...(query.cursor ? { cursor: query.cursor } : {}),
  });
  return successResponse({ data: page.items.map(renderJob), next_cursor: page.nextCursor ?? null });
});
