import type { Job, JobPatch, JobStatus, JobType } from '../domain/jobs/job.ts';

export interface NewJob {
  readonly id: string;
  readonly workspaceId: string;
  readonly type: JobType;
  readonly data: Readonly<Record<string, unknown>>;
  readonly retryCount: number;
  readonly createdBy?: string;
}

export interface JobListQuery {
  readonly types?: readonly JobType[];
  readonly statuses?: readonly JobStatus[];
  readonly limit: number;
  /** Opaque, from the previous page's `nextCursor`. */
  readonly cursor?: string;
}

export interface JobPage {
  readonly items: readonly Job[];
  readonly nextCursor?: string;
}

/** Jobs, always scoped by workspace. Every status change is a conditional write. */
export interface JobStore {
  create(job: NewJob): Promise<Job>;
  get(workspaceId: string, id: string): Promise<Job | undefined>;
  list(workspaceId: string, query: JobListQuery): Promise<JobPage>;
  /**
   * Moves the job to `to` only if its status is one of `from` (and, when given, its version is
   * `expectedVersion`). Resolves the updated job, or undefined when another writer got there
   * first, so two workers can never both claim one job.
   */
  transition(
    workspaceId: string,
    id: string,
    from: readonly JobStatus[],
    to: JobStatus,
    patch?: JobPatch,
    expectedVersion?: number,
  ): Promise<Job | undefined>;
  /**
   * Records progress, counters and the checkpoint of a running job, only while its status is one
   * of `whileIn` (so a stop wins over a late progress report). Undefined when the job left them.
   */
  report(workspaceId: string, id: string, patch: JobPatch, whileIn: readonly JobStatus[]): Promise<Job | undefined>;
}
