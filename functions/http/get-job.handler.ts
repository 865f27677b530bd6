import { getJob } from '../domain/jobs/job-commands.ts';
import { jobParamsSchema } from '../domain/jobs/job-requests.ts';
import { renderJob } from '../domain/jobs/job-view.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { jobStore } from '../platform/services/jobs.services.ts';
import { parseInput } from '../platform/validation.ts';

export const handler = httpHandler({ authorized: true, json: false }, async ({ event, workspaceId }) => {
  const { id } = parseInput(jobParamsSchema, event.pathParameters ?? {}, 'path');
  return successResponse({ job: renderJob(await getJob(jobStore(), workspaceId, id)) });
});
