import { getResearchJob, researchParamsSchema, researchResultView } from '../domain/research/research-view.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { jobStore } from '../platform/services/jobs.services.ts';
import { parseInput } from '../platform/validation.ts';

export const handler = httpHandler({ authorized: true, json: false }, async ({ event, workspaceId }) => {
  const { id } = parseInput(researchParamsSchema, event.pathParameters ?? {}, 'path');
  return successResponse(researchResultView(await getResearchJob(jobStore(), workspaceId, id)));
});
