import { createJob } from '../domain/jobs/job-commands.ts';
import { DEFAULT_JOB_RETRY_COUNT } from '../domain/jobs/job.ts';
import { onboardCompanyDataSchema } from '../domain/research/onboard-job-data.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { jobQueue, jobStore } from '../platform/services/jobs.services.ts';
import { parseInput } from '../platform/validation.ts';

/** `POST /v1/research/onboard`: an `onboard_company` job, queued; the seed's answer plus the job id. */
export const handler = httpHandler({ authorized: true, json: 'required' }, async ({ workspaceId, body }) => {
  const data = parseInput(onboardCompanyDataSchema, body, 'body');
  const job = await createJob({ jobs: jobStore(), queue: jobQueue() }, workspaceId, { job_type: 'onboard_company', job_data: data, retry_count: DEFAULT_JOB_RETRY_COUNT });
  return successResponse({ job_id: job.id, status: 'pending', message: `Onboarding job created for ${data.company_name}` }, 201);
});
