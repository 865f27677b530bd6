import { DEFAULT_JOB_RETRY_COUNT } from '../domain/jobs/job.ts';
import { createJob } from '../domain/jobs/job-commands.ts';
import { monitorSignalsDataSchema } from '../domain/signals/monitor-job-data.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { jobQueue, jobStore } from '../platform/services/jobs.services.ts';
import { parseInput } from '../platform/validation.ts';

/** The seed's `POST /api/monitor`: a `monitor_signals` job, answered in the seed's shape. */
export const handler = httpHandler({ authorized: true, json: 'required' }, async ({ workspaceId, body }) => {
  const data = parseInput(monitorSignalsDataSchema, body, 'body');
  const job = await createJob({ jobs: jobStore(), queue: jobQueue() }, workspaceId, { job_type: 'monitor_signals', job_data: data, retry_count: DEFAULT_JOB_RETRY_COUNT });
  const who = data.saas_client_name ? `${data.saas_client_name} customers` : 'the listed companies';
  return successResponse({ job_id: job.id, status: job.status, message: `Monitoring job created for ${who}` }, 201);
});
