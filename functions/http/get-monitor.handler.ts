import { getJob } from '../domain/jobs/job-commands.ts';
import { jobParamsSchema } from '../domain/jobs/job-requests.ts';
import { signalsOfJob } from '../domain/signals/list-signals.ts';
import { AppError } from '../platform/errors.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { jobStore } from '../platform/services/jobs.services.ts';
import { recordSearch } from '../platform/services/search.services.ts';
import { parseInput } from '../platform/validation.ts';

/** The seed's `GET /api/monitor/{id}/signals`: the job's status, `signals_found` and its signals. */
export const handler = httpHandler({ authorized: true, json: false }, async ({ event, workspaceId }) => {
  const { id } = parseInput(jobParamsSchema, event.pathParameters ?? {}, 'path');
  const job = await getJob(jobStore(), workspaceId, id);
  if (job.type !== 'monitor_signals') throw new AppError('ERR_NOT_FOUND', 'No such monitoring job', [{ path: 'id', message: 'Not found' }]);
  const signals = await signalsOfJob(recordSearch(), workspaceId, job.id);
  return successResponse({
    job_id: job.id,
    status: job.status,
    saas_client: job.result?.saas_client ?? null,
    signals_found: typeof job.result?.signals_found === 'number' ? job.result.signals_found : signals.length,
    signals,
    ...(job.result ? { result: job.result } : {}),
    completed_at: job.finishedAt ?? null,
  });
});
