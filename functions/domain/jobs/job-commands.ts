import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../platform/errors.ts';
import type { JobEvents } from '../../ports/job-events.port.ts';
import type { JobQueue } from '../../ports/job-queue.port.ts';
import type { JobMove, LeasedJobStore } from '../../ports/jobs.port.ts';
import { isOwnUploadKey } from '../uploads/upload-key.ts';
import { canTransition, sourcesOf, type Job, type JobDownloadCharge, type JobPatch, type JobStatus } from './job.ts';
import { isJobId } from './job-cursor.ts';
import { uploadKeysOf } from './job-data-schemas.ts';
import type { CreateJobRequest } from './job-requests.ts';

export interface JobCommandDeps {
  readonly jobs: LeasedJobStore;
  readonly queue: JobQueue;
  readonly events?: JobEvents;
  readonly now?: () => Date;
}

export const JOB_ACTIONS = ['stop', 'retry', 'pause', 'resume'] as const;
export type JobAction = (typeof JOB_ACTIONS)[number];

/** Where each action takes a job; the statuses it may start from follow from JOB_TRANSITIONS. */
const ACTION_TARGET: Readonly<Record<JobAction, JobStatus>> = {
  stop: 'stopped',
  retry: 'retry_in_queued',
  pause: 'paused',
  resume: 'in_queue',
};

const notFound = (): AppError => new AppError('ERR_NOT_FOUND', 'No such job');

/** A job of another workspace is indistinguishable from one that does not exist. */
export async function getJob(jobs: LeasedJobStore, workspaceId: string, id: string): Promise<Job> {
  const job = isJobId(id) ? await jobs.get(workspaceId, id) : undefined;
  if (!job) throw notFound();
  return job;
}

/**
 * Creates the job, queues one run of it, and marks it in_queue. The message goes first: if
 * sending fails, the job is stopped with the reason instead of waiting in_queue for nothing.
 */
export async function createJob(
  deps: JobCommandDeps,
  workspaceId: string,
  request: CreateJobRequest,
  createdBy?: string,
  downloadCharge?: JobDownloadCharge,
): Promise<Job> {
  for (const { path, key } of uploadKeysOf(request.job_type, request.job_data)) {
    if (!isOwnUploadKey(workspaceId, key)) {
      throw new AppError('ERR_FORBIDDEN', 'The file must be one uploaded to this workspace (POST /v1/uploads)', [
        { path, message: 'Not an upload key of this workspace' },
      ]);
    }
  }
  const created = await deps.jobs.create({
    id: uuidv7(),
    workspaceId,
    type: request.job_type,
    data: request.job_data,
    retryCount: request.retry_count,
    ...(createdBy === undefined ? {} : { createdBy }),
    ...(downloadCharge === undefined ? {} : { downloadCharge: { userId: downloadCharge.userId, period: downloadCharge.period, rows: downloadCharge.rows } }),
  });
  try {
    await deps.queue.enqueue(workspaceId, created.id);
  } catch (error) {
    await deps.jobs.transition(workspaceId, created.id, ['open'], 'stopped', {
      error: { code: 'ERR_UNAVAILABLE', message: 'The job could not be queued; retry it' },
      finishedAt: (deps.now?.() ?? new Date()).toISOString(),
    });
    throw new AppError('ERR_UNAVAILABLE', 'The job was created but could not be queued; retry it', [], { cause: error });
  }
  // A fast worker may have moved it on already (it queues an open job itself): then read it back.
  return (await deps.jobs.transition(workspaceId, created.id, ['open'], 'in_queue')) ?? (await getJob(deps.jobs, workspaceId, created.id));
}

const conflict = (action: JobAction, status: JobStatus): AppError =>
  new AppError('ERR_CONFLICT', `Cannot ${action} a job that is ${status}`, [{ path: 'status', message: `The job is ${status}` }]);

/** stop, retry, pause, resume: one conditional transition; a job that moved meanwhile is a 409 naming its status. */
export async function applyJobAction(
  deps: JobCommandDeps,
  workspaceId: string,
  id: string,
  action: JobAction,
  /** Written with the move, only if the job is still at `expectedVersion` (a retry's new download charge). */
  also: { readonly patch?: JobPatch; readonly expectedVersion?: number } = {},
): Promise<Job> {
  const job = await getJob(deps.jobs, workspaceId, id);
  const to = ACTION_TARGET[action];
  if (!canTransition(job.status, to)) throw conflict(action, job.status);
  const at = (deps.now?.() ?? new Date()).toISOString();
  const moves: Record<JobAction, Omit<JobMove, 'from' | 'to'>> = {
    // Releasing the lease lets nothing new in: the running run's next report fails on the status and it stops.
    stop: { lease: null, patch: { finishedAt: at } },
    // A retry starts afresh: a new budget of attempts, no stale result or error. The checkpoint
    // stays, so an import resumes where it stopped instead of starting over.
    retry: { lease: null, patch: { attempts: 0 }, clear: ['error', 'result', 'finishedAt', 'deadLetterMessageId'] },
    pause: { lease: null },
    resume: {},
  };
  const move = moves[action];
  const moved = await deps.jobs.move(workspaceId, id, {
    from: sourcesOf(to),
    to,
    ...move,
    ...(also.patch ? { patch: { ...move.patch, ...also.patch } } : {}),
    ...(also.expectedVersion === undefined ? {} : { expectedVersion: also.expectedVersion }),
  });
  if (!moved) {
    const now = await getJob(deps.jobs, workspaceId, id);
    throw conflict(action, now.status);
  }
  if (to === 'retry_in_queued' || to === 'in_queue') await deps.queue.enqueue(workspaceId, id);
  await deps.events?.publish(workspaceId, { type: 'status', job_id: id, status: moved.status });
  return moved;
}
