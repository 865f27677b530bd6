import { z } from 'zod';
import { renderTask } from '../domain/apollo/collection-tasks.ts';
import { DEFAULT_JOB_PAGE_SIZE, MAX_JOB_PAGE_SIZE } from '../domain/jobs/job-requests.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { jobStore } from '../platform/services/jobs.services.ts';
import { parseInput } from '../platform/validation.ts';

export const listCollectionsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(MAX_JOB_PAGE_SIZE).default(DEFAULT_JOB_PAGE_SIZE),
  cursor: z.string().min(1).max(512).optional(),
});

/** `GET /v1/collections`: the workspace's collection tasks, newest first (the seed's task list). */
export const handler = httpHandler({ authorized: true, json: false }, async ({ event, workspaceId }) => {
  const query = parseInput(listCollectionsQuerySchema, event.queryStringParameters ?? {}, 'query');
  const page = await jobStore().list(workspaceId, { types: ['apollo_collection'], limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) });
  return successResponse({ data: page.items.map(renderTask), next_cursor: page.nextCursor ?? null });
});
