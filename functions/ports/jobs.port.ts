import type { Job, JobDownloadCharge, JobPatch, JobStatus, JobType } from '../domain/jobs/job.ts';

export interface NewJob {
  readonly id: string;
  readonly workspaceId: string;
  readonly type: JobType;
  readonly data: Readonly<Record<string, unknown>>;
  readonly retryCount: number;
  readonly createdBy?: string;
  readonly downloadCharge?: JobDownloadCharge;
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
  report(
    workspaceId: string,
    id: string,
    patch: JobPatch,
    whileIn: readonly JobStatus[],
    /** When given, only while this run still holds the job's lease (a run that outlived it is fenced off). */
    leaseOwner?: string,
  ): Promise<Job | undefined>;
}

export interface JobLease {
  readonly owner: string;
  /** ISO time the claim ends. */
  readonly until: string;
}

/** A conditional status change with the guards the job worker needs beyond `transition`. */
export interface JobMove {
  readonly from: readonly JobStatus[];
  readonly to: JobStatus;
  readonly patch?: JobPatch;
  /** Fields to remove (a retry clears the previous result and error). */
  readonly clear?: readonly ('error' | 'result' | 'finishedAt' | 'deadLetterMessageId')[];
  readonly expectedVersion?: number;
  /** Only while this run holds the lease. */
  readonly leaseOwner?: string;
  /** Only when the current lease (if any) ended before this ISO instant: taking over a crashed run. */
  readonly leaseExpiredBy?: string;
  /** The lease after the move: a new one, `null` to release it, omitted to keep it. */
  readonly lease?: JobLease | null;
  /** Marks the SQS message that must reach the dead-letter queue (the job failed for good). */
  readonly deadLetterMessageId?: string;
}

/** What the job worker uses: the store plus leased moves. */
export interface LeasedJobStore extends JobStore {
  /** Resolves the updated job, or undefined when a guard did not hold. */
  move(workspaceId: string, id: string, move: JobMove): Promise<Job | undefined>;
}
