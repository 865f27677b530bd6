/**
 * The seed's shapes for an onboarding job: its status (`pending`, `running`, `completed`,
 * `failed`, plus leadstack's `paused` and `stopped`), and its result once completed. Only
 * `onboard_company` jobs of the caller's workspace answer; any other id is 404.
 */
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { LeasedJobStore } from '../../ports/jobs.port.ts';
import { getJob } from '../jobs/job-commands.ts';
import type { Job, JobStatus } from '../jobs/job.ts';

export const researchParamsSchema = z.strictObject({ id: z.string().min(1).max(64) });

const SEED_STATUS: Readonly<Record<JobStatus, string>> = {
  open: 'pending',
  in_queue: 'pending',
  retry_in_queued: 'pending',
  processing: 'running',
  retrying: 'running',
  completed: 'completed',
  failed: 'failed',
  paused: 'paused',
  stopped: 'stopped',
};

export async function getResearchJob(jobs: LeasedJobStore, workspaceId: string, id: string): Promise<Job> {
  const job = await getJob(jobs, workspaceId, id);
  if (job.type !== 'onboard_company') throw new AppError('ERR_NOT_FOUND', 'No such research job');
  return job;
}

export function researchStatusView(job: Job) {
  return {
    job_id: job.id,
    status: SEED_STATUS[job.status],
    job_status: job.status,
    progress: job.progress,
    current_step: job.currentStep ?? null,
    error: job.error?.message ?? null,
  };
}

/** The result once the job completed; before, a 409 that names the status it is in. */
export function researchResultView(job: Job) {
  if (job.status !== 'completed' || !job.result) {
    throw new AppError('ERR_RESEARCH_NOT_READY', `The research is ${SEED_STATUS[job.status]}; its result comes when it completes`, [{ path: 'status', message: SEED_STATUS[job.status] }]);
  }
  return { job_id: job.id, status: 'completed', ...job.result };
}
