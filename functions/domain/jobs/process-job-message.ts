/**
 * One delivery of a `jobs` queue message: claim the job, run its runner, settle the outcome.
 *
 * Claims, settlements and progress reports are conditional writes, guarded by the job's status
 * and by a lease (`leaseOwner`, `leaseUntil`). The lease ends when the claiming Lambda must have
 * ended (its deadline plus a slack), so a message redelivered after a crash may take the job
 * over, and a run that somehow outlived its lease is fenced off: its next report or settlement
 * names a lease owner that no longer holds the job, fails, and the stale run stops.
 *
 *   worker A                      jobs table                         worker B
 *   receive m1 ──claim (in_queue)──▶ processing, owner A, until T
 *   crash at T-600 s (OOM)         (still processing, owner A)
 *                                  m1 visible again at T + slack ───▶ receive m1
 *                                  lease ended? yes ◀──takeover (lease_until < now)──
 *                                  processing, owner B, attempts+1
 *   (a zombie A reports) ──report(owner A)──✗ condition fails → A's runner returns `stopped`
 *   duplicate m1 to C while B runs: lease live → C fails m1 with visibility = B's lease left
 *
 * Message fate: acknowledged when the job is settled or there is nothing to do; failed
 * (`RedeliveryRequested`, after setting its visibility) when it must come back: a retry's
 * backoff, a job still leased by a live run, a job not yet queued by the API, or a job that
 * failed for good, whose message keeps coming back at once until SQS moves it to the DLQ after
 * the queue's maxReceiveCount receives (the job names that message: `deadLetterMessageId`).
 */
import { randomUUID } from 'node:crypto';
import type { JobEvent, JobEvents } from '../../ports/job-events.port.ts';
import type { JobQueue } from '../../ports/job-queue.port.ts';
import type { JobMove, LeasedJobStore } from '../../ports/jobs.port.ts';
import { RUNNING_STATUSES, type Job, type JobError, type JobType } from './job.ts';
import type { JobMessage } from './job-message.ts';
import type { JobRunContext, JobRunner } from './runner.ts';
import { fencedJobStore } from './fenced-job-store.ts';
import { describeRunError, isJobInputError } from './run-errors.ts';
import { intervalTimers, leaseUntil, startHeartbeat, VISIBILITY_SLACK_SECONDS, type HeartbeatTimers } from './lease-heartbeat.ts';

/** Left to the worker after the runner's budget: settling, publishing, re-queueing. */
export const RUN_SAFETY_MARGIN_MS = 30_000;
export { LEASE_SLACK_MS } from './lease-heartbeat.ts';
/** A job the API has not moved to in_queue yet (it sends first): look again shortly. */
const NOT_QUEUED_RETRY_SECONDS = 2;
/** Retry backoff: 10 s, 20 s, 40 s... at most 5 minutes. */
const RETRY_BASE_SECONDS = 10;
const RETRY_MAX_SECONDS = 300;

export const retryDelaySeconds = (attempts: number): number =>
  Math.min(RETRY_MAX_SECONDS, RETRY_BASE_SECONDS * 2 ** Math.max(0, attempts - 1));

/** Thrown to fail the message (a batch item failure) so that SQS redelivers it. */
export class RedeliveryRequested extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'RedeliveryRequested';
  }
}

export interface JobWorkerLog {
  info(message: string, ...extra: unknown[]): void;
  warn(message: string, ...extra: unknown[]): void;
  error(message: string, ...extra: unknown[]): void;
}

export interface JobWorkerDeps {
  readonly jobs: LeasedJobStore;
  readonly events: JobEvents;
  readonly queue: JobQueue;
  readonly runners: Partial<Record<JobType, JobRunner>>;
  readonly log: JobWorkerLog;
  readonly now?: () => Date;
  /** Drives the lease heartbeat (setInterval unless a test injects its own clock). */
  readonly timers?: HeartbeatTimers;
  /** Gives back what a job that failed for good was charged (an export's download rows). */
  readonly releaseCharge?: (job: Job) => Promise<void>;
}

export interface JobDelivery {
  readonly message: JobMessage;
  readonly messageId: string;
  readonly receiptHandle: string;
  /** Milliseconds until the Lambda invocation ends (context.getRemainingTimeInMillis). */
  readonly remainingMs: () => number;
}

type Claim = { kind: 'run'; job: Job; owner: string } | { kind: 'done'; reason: string } | { kind: 'again'; afterSeconds: number; reason: string };

const nowOf = (deps: JobWorkerDeps): Date => deps.now?.() ?? new Date();

/** Handles one delivery; resolves to acknowledge it, throws RedeliveryRequested (or anything) to fail it. */
export async function processJobMessage(deps: JobWorkerDeps, delivery: JobDelivery): Promise<void> {
  const { workspace_id: workspaceId, job_id: jobId } = delivery.message;
  const claim = await claimJob(deps, delivery, workspaceId, jobId);
  if (claim.kind === 'done') {
    deps.log.info('Job message acknowledged without a run', { jobId, reason: claim.reason });
    return;
  }
  if (claim.kind === 'again') {
    await deps.queue.setVisibility(delivery.receiptHandle, claim.afterSeconds);
    throw new RedeliveryRequested(claim.reason);
  }
  await runClaimed(deps, delivery, claim.job, claim.owner);
}

async function claimJob(deps: JobWorkerDeps, delivery: JobDelivery, workspaceId: string, jobId: string): Promise<Claim> {
  let job = await deps.jobs.get(workspaceId, jobId);
  if (job?.status === 'open') {
    // The API sends the message before it marks the job queued; a fresh job is its to move.
    // If the API died in between, the message would wait forever: move it here instead.
    job = (await deps.jobs.transition(workspaceId, jobId, ['open'], 'in_queue')) ?? (await deps.jobs.get(workspaceId, jobId));
  }
  if (!job) return { kind: 'done', reason: 'no such job' };
  const now = nowOf(deps);
  const owner = `${delivery.messageId}:${randomUUID()}`;
  // Short: the run renews it while alive (./lease-heartbeat.ts), and a crash is taken over soon after.
  const lease = { owner, until: leaseUntil(now) };
  switch (job.status) {
    case 'open':
      return { kind: 'again', afterSeconds: NOT_QUEUED_RETRY_SECONDS, reason: 'job not queued yet' };
    case 'in_queue':
    case 'retry_in_queued': {
      const to = job.status === 'in_queue' ? 'processing' : 'retrying';
      const claimed = await deps.jobs.move(workspaceId, jobId, {
        from: [job.status],
        to,
        lease,
        patch: { startedAt: job.startedAt ?? now.toISOString() },
      });
      return claimed ? { kind: 'run', job: claimed, owner } : { kind: 'again', afterSeconds: NOT_QUEUED_RETRY_SECONDS, reason: 'lost the claim race' };
    }
    case 'processing':
    case 'retrying':
      return takeOver(deps, delivery, job, lease, now);
    case 'failed':
      if (job.deadLetterMessageId === delivery.messageId) return { kind: 'again', afterSeconds: 0, reason: 'on its way to the dead-letter queue' };
      return { kind: 'done', reason: 'job failed' };
    default:
      return { kind: 'done', reason: `job ${job.status}` };
  }
}

/** A job another run holds: wait for its lease, or take over once it has ended (that run crashed). */
async function takeOver(deps: JobWorkerDeps, delivery: JobDelivery, job: Job, lease: { owner: string; until: string }, now: Date): Promise<Claim> {
  const leaseEnds = job.leaseUntil ? Date.parse(job.leaseUntil) : 0;
  if (leaseEnds > now.getTime()) {
    return { kind: 'again', afterSeconds: (leaseEnds - now.getTime()) / 1000 + VISIBILITY_SLACK_SECONDS, reason: 'job leased by a live run' };
  }
  const attempts = job.attempts + 1;
  const guard = { from: [job.status], leaseExpiredBy: now.toISOString() } as const;
  const error: JobError = { code: 'ERR_INTERNAL', message: 'A run stopped without finishing (crash or timeout)' };
  if (attempts >= job.retryCount) {
    const failed = await deps.jobs.move(job.workspaceId, job.id, {
      ...guard,
      to: 'failed',
      lease: null,
      deadLetterMessageId: delivery.messageId,
      patch: { attempts, error, finishedAt: now.toISOString() },
    });
    if (failed) await settledFailure(deps, failed, error);
    return { kind: 'again', afterSeconds: 0, reason: failed ? 'failed for good: to the dead-letter queue' : 'lost the takeover race' };
  }
  const taken = await deps.jobs.move(job.workspaceId, job.id, { ...guard, to: job.status, lease, patch: { attempts, error } });
  if (!taken) return { kind: 'again', afterSeconds: NOT_QUEUED_RETRY_SECONDS, reason: 'lost the takeover race' };
  deps.log.warn('Took over a job whose run ended without settling it', { jobId: job.id, attempts });
  return { kind: 'run', job: taken, owner: lease.owner };
}

/** What `current_step` says once a job completed: its runner's last step is over. */
export const COMPLETED_STEP = 'completed';

async function runClaimed(deps: JobWorkerDeps, delivery: JobDelivery, job: Job, owner: string): Promise<void> {
  const { workspaceId, id } = job;
  // A crash from here on should be taken over soon after the lease, not after the queue's long visibility timeout.
  const leaseLeftSeconds = (Date.parse(job.leaseUntil ?? '') - nowOf(deps).getTime()) / 1000;
  if (Number.isFinite(leaseLeftSeconds)) await deps.queue.setVisibility(delivery.receiptHandle, leaseLeftSeconds + VISIBILITY_SLACK_SECONDS);
  await publish(deps, workspaceId, { type: 'status', job_id: id, status: job.status });
  const runner = deps.runners[job.type];
  if (!runner) {
    await settleFailed(deps, job, owner, { code: 'ERR_INTERNAL', message: `No runner for job type ${job.type}` });
    return;
  }
  const context: JobRunContext = {
    job,
    jobs: fencedJobStore(deps.jobs, id, owner),
    events: deps.events,
    remainingMs: () => delivery.remainingMs() - RUN_SAFETY_MARGIN_MS,
  };
  const heartbeat = { jobs: deps.jobs, queue: deps.queue, now: () => nowOf(deps), timers: deps.timers ?? intervalTimers, warn: (message: string, extra: Record<string, unknown>) => deps.log.warn(message, extra) };
  const stopHeartbeat = startHeartbeat(heartbeat, job, owner, delivery.receiptHandle);
  let outcome: Awaited<ReturnType<JobRunner>>;
  try {
    outcome = await runner(context);
  } catch (error) {
    stopHeartbeat();
    await settleRunError(deps, delivery, job, owner, error);
    return;
  }
  stopHeartbeat();
  const settle = (move: Omit<JobMove, 'from' | 'leaseOwner'>) => deps.jobs.move(workspaceId, id, { from: RUNNING_STATUSES, leaseOwner: owner, lease: null, ...move });
  const at = nowOf(deps).toISOString();
  if (outcome.outcome === 'completed') {
    // The run that finished counts as an attempt, and no step is still under way.
    const patch = { result: outcome.result, progress: 1, finishedAt: at, attempts: job.attempts + 1, currentStep: COMPLETED_STEP };
    const done = await settle({ to: 'completed', clear: ['error'], patch });
    if (done) {
      const extra = { ...(outcome.message ? { message: outcome.message } : {}), ...(outcome.summary ? { result_summary: outcome.summary } : {}) };
      await publish(deps, workspaceId, { type: 'status', job_id: id, status: 'completed', result: outcome.result, ...extra });
    } else deps.log.warn('A completed run no longer held its job (stopped meanwhile?)', { jobId: id });
    return;
  }
  if (outcome.outcome === 'continue') {
    // Back to in_queue first, then a fresh message: if the send fails, this message is retried
    // and finds the job in_queue, so the job is never left queued without a message.
    const queued = await settle({ to: 'in_queue' });
    if (!queued) return;
    await deps.queue.enqueue(workspaceId, id);
    await publish(deps, workspaceId, { type: 'status', job_id: id, status: 'in_queue' });
    return;
  }
  // `stopped`: usually a stop or pause through the API (already published by it); if the runner
  // stopped on its own, the job is still ours and becomes stopped here.
  const stopped = await settle({ to: 'stopped', patch: { finishedAt: at } });
  if (stopped) await publish(deps, workspaceId, { type: 'status', job_id: id, status: 'stopped' });
}

async function settleRunError(deps: JobWorkerDeps, delivery: JobDelivery, job: Job, owner: string, thrown: unknown): Promise<void> {
  const error = describeRunError(thrown);
  if (isJobInputError(thrown)) {
    await settleFailed(deps, job, owner, error);
    return;
  }
  deps.log.error('Job run failed', { jobId: job.id, attempt: job.attempts + 1, error: thrown });
  const attempts = job.attempts + 1;
  const guard = { from: RUNNING_STATUSES, leaseOwner: owner, lease: null } as const;
  if (attempts < job.retryCount) {
    const queued = await deps.jobs.move(job.workspaceId, job.id, { ...guard, to: 'retry_in_queued', patch: { attempts, error } });
    if (!queued) return;
    await publish(deps, job.workspaceId, { type: 'error', job_id: job.id, ...error });
    await publish(deps, job.workspaceId, { type: 'status', job_id: job.id, status: 'retry_in_queued', error });
    const delay = retryDelaySeconds(attempts);
    await deps.queue.setVisibility(delivery.receiptHandle, delay);
    throw new RedeliveryRequested(`attempt ${attempts} of ${job.retryCount} failed; retrying in ${delay} s`);
  }
  const failed = await deps.jobs.move(job.workspaceId, job.id, {
    ...guard,
    to: 'failed',
    deadLetterMessageId: delivery.messageId,
    patch: { attempts, error, finishedAt: nowOf(deps).toISOString() },
  });
  if (!failed) return;
  await settledFailure(deps, failed, error);
  await deps.queue.setVisibility(delivery.receiptHandle, 0);
  throw new RedeliveryRequested(`attempt ${attempts} of ${job.retryCount} failed: the message goes to the dead-letter queue`);
}

/** A failure of the job's own input: no retry will help, and the message is done. */
async function settleFailed(deps: JobWorkerDeps, job: Job, owner: string, error: JobError): Promise<void> {
  const failed = await deps.jobs.move(job.workspaceId, job.id, {
    from: RUNNING_STATUSES,
    to: 'failed',
    leaseOwner: owner,
    lease: null,
    // The run that found the input bad was an attempt, though none is retried.
    patch: { attempts: job.attempts + 1, error, finishedAt: nowOf(deps).toISOString() },
  });
  if (failed) await settledFailure(deps, failed, error);
}

/** A job failed for good: it gives back what it was charged (it produced nothing), then tells clients. */
async function settledFailure(deps: JobWorkerDeps, job: Job, error: JobError): Promise<void> {
  try {
    await deps.releaseCharge?.(job);
  } catch (thrown) {
    // The job stays failed; its charge was lowered first, so at worst the user lost rows, never gained any.
    deps.log.warn('The failed job\'s charge was not given back', { jobId: job.id, error: thrown });
  }
  await announceFailure(deps, job, error);
}

async function announceFailure(deps: JobWorkerDeps, job: Job, error: JobError): Promise<void> {
  await publish(deps, job.workspaceId, { type: 'error', job_id: job.id, ...error });
  await publish(deps, job.workspaceId, { type: 'status', job_id: job.id, status: 'failed', error });
}

/** Telling clients is best effort: a delivery problem never changes a job's fate. */
async function publish(deps: JobWorkerDeps, workspaceId: string, event: JobEvent): Promise<void> {
  try {
    await deps.events.publish(workspaceId, event);
  } catch (error) {
    deps.log.warn('Job event not published', { jobId: event.job_id, type: event.type, error });
  }
}
