import { taskRecords, taskRecordsRequestSchema } from '../domain/apollo/collection-tasks.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { jobStore } from '../platform/services/jobs.services.ts';
import { recordSearch } from '../platform/services/search.services.ts';
import { parseInput } from '../platform/validation.ts';

/** `POST /v1/collections/records`: what the named tasks collected (the seed's task mapping). */
export const handler = httpHandler({ authorized: true, json: 'required' }, async ({ workspaceId, body }) => {
  const request = parseInput(taskRecordsRequestSchema, body);
  return successResponse(await taskRecords(jobStore(), recordSearch(), workspaceId, request));
});
