import { renderTask } from '../domain/apollo/collection-tasks.ts';
import { RUNNING_STATUSES } from '../domain/jobs/job.ts';
import { MAX_JOB_PAGE_SIZE } from '../domain/jobs/job-requests.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { jobStore } from '../platform/services/jobs.services.ts';

/** Queued and running tasks: what a dashboard watches (the seed's scraping-control view). */
const ACTIVE = ['in_queue', 'retry_in_queued', ...RUNNING_STATUSES] as const;

/** `GET /v1/collections/status`: is any collection running in the workspace, and each active task's counters. */
export const handler = httpHandler({ authorized: true, json: false }, async ({ workspaceId }) => {
  const page = await jobStore().list(workspaceId, { types: ['apollo_collection'], statuses: ACTIVE, limit: MAX_JOB_PAGE_SIZE });
  const tasks = page.items.map(renderTask);
  return successResponse({ is_running: tasks.some((task) => task.state === 'running'), tasks });
});
