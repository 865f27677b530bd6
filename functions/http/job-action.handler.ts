import { retryJob } from '../domain/exports/export-charge.ts';
import { applyJobAction, JOB_ACTIONS, type JobAction } from '../domain/jobs/job-commands.ts';
import { jobParamsSchema } from '../domain/jobs/job-requests.ts';
import { renderJob } from '../domain/jobs/job-view.ts';
import { AppError } from '../platform/errors.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { downloadDeps } from '../platform/services/accounts.services.ts';
import { jobQueue, jobStore } from '../platform/services/jobs.services.ts';
import { jobEvents } from '../platform/services/realtime.services.ts';
import { recordSearch } from '../platform/services/search.services.ts';
import { parseInput } from '../platform/validation.ts';

/** `POST /v1/jobs/{id}/stop` → stop: the action is the route's last segment. */
function actionOf(routeKey: string): JobAction {
  const action = routeKey.split('/').at(-1);
  const known = JOB_ACTIONS.find((candidate) => candidate === action);
  if (!known) throw new AppError('ERR_NOT_FOUND', `No such job action: ${action ?? ''}`);
  return known;
}

export const handler = httpHandler({ authorized: true, json: 'optional' }, async ({ event, workspaceId, principal }) => {
  const { id } = parseInput(jobParamsSchema, event.pathParameters ?? {}, 'path');
  const action = actionOf(event.routeKey);
  const deps = { jobs: jobStore(), queue: jobQueue(), events: jobEvents() };
  const job =
    action === 'retry'
      ? await retryJob({ ...deps, ...downloadDeps(), search: recordSearch() }, principal, id)
      : await applyJobAction(deps, workspaceId, id, action);
  return successResponse({ job: renderJob(job) });
});
