import { checkCollectionRequest } from '../domain/apollo/collection-request.ts';
import { apolloCollectionDataSchema } from '../domain/apollo/job-data.ts';
import { renderTask } from '../domain/apollo/collection-tasks.ts';
import { createJob } from '../domain/jobs/job-commands.ts';
import { DEFAULT_JOB_RETRY_COUNT } from '../domain/jobs/job.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { apolloUrlHosts } from '../platform/services/apollo-collection.services.ts';
import { idempotencyMiddleware } from '../platform/services/idempotency.services.ts';
import { jobQueue, jobStore } from '../platform/services/jobs.services.ts';
import { parseInput } from '../platform/validation.ts';

/** `POST /v1/collections/apollo`: an Apollo search URL becomes an `apollo_collection` job (the seed's task). */
export const handler = httpHandler({ authorized: true, json: 'required', idempotency: idempotencyMiddleware() }, async ({ workspaceId, body }) => {
  const data = parseInput(apolloCollectionDataSchema, body);
  const search = checkCollectionRequest(data, apolloUrlHosts());
  const job = await createJob({ jobs: jobStore(), queue: jobQueue() }, workspaceId, { job_type: 'apollo_collection', job_data: data, retry_count: DEFAULT_JOB_RETRY_COUNT });
  return successResponse(
    {
      ...renderTask(job),
      search_summary: search.summary,
      page: search.page,
      filters: search.filters,
      unrecognized_parameters: search.unrecognized,
      ignored_parameters: search.ignored,
    },
    201,
  );
});
