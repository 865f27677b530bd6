import { applyJobAction, JOB_ACTIONS, type JobAction } from '../domain/jobs/job-commands.ts';
import { jobParamsSchema } from '../domain/jobs/job-requests.ts';
import { renderJob } from '../domain/jobs/job-view.ts';
import { AppError } from '../platform/errors.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { jobQueue, jobStore } from '../platform/services/jobs.services.ts';
import { jobEvents } from '../platform/services/realtime.services.ts';
import { parseInput } from '../platform/validation.ts';

/** `POST /v1/jobs/{id}/stop` → stop: the action is the route's last segment. */
function actionOf(routeKey: string): JobAction {
  const action = routeKey.split('/').at(-1);
  const known = JOB_ACTIONS.find((candidate) => candidate === action);
  if (!known) throw new AppError('ERR_NOT_FOUND', `No such job action: ${action ?? ''}`);
  return known;
}

export const handler = httpHandler({ authorized: true, json: 'optional' }, async ({ event, workspaceId }) => {
  const { id } = parseInput(jobParamsSchema, event.pathParameters ?? {}, 'path');
  const job = await applyJobAction({ jobs: jobStore(), queue: jobQueue(), events: jobEvents() }, workspaceId, id, actionOf(event.routeKey));
  return successResponse({ job: renderJob(job) });
});
