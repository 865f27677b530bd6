import type { JobEvents } from '../../ports/job-events.port.ts';
import type { JobStore } from '../../ports/jobs.port.ts';
import type { Job } from './job.ts';

export interface JobRunContext {
  /** The job as claimed by this run (status processing or retrying, checkpoint included). */
  readonly job: Job;
  readonly jobs: JobStore;
  readonly events: JobEvents;
  /** Milliseconds left before the worker must stop (Lambda timeout minus a safety margin). */
  readonly remainingMs: () => number;
}

/**
 * How a run ended. `continue`: the runner checkpointed and stopped early (time budget); the
 * worker re-queues the job and the next run resumes from the checkpoint.
 */
export type JobRunOutcome =
  | {
      readonly outcome: 'completed';
      readonly result: Readonly<Record<string, unknown>>;
      /** Sent with the final status event beside the result: a sentence and the headline counts. */
      readonly message?: string;
      readonly summary?: Readonly<Record<string, unknown>>;
    }
  | { readonly outcome: 'continue' }
  | { readonly outcome: 'stopped' };

/**
 * Runs one job type. A runner throws an AppError-like error for a failure of the job's own
 * input (empty file, binary file...) and anything else for a transient failure, which the
 * worker retries up to the job's `retryCount`.
 */
export type JobRunner = (context: JobRunContext) => Promise<JobRunOutcome>;
