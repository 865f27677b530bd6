/**
 * A job is every long piece of work (architecture guide §6): its type, status, counters,
 * progress, current step, retries, checkpoint, result and error. The jobs API, the job worker,
 * the runners and the WebSocket progress all speak this shape; the HTTP layer renders it in
 * snake_case.
 */
export const JOB_STATUSES = [
  'open',
  'in_queue',
  'processing',
  'paused',
  'stopped',
  'completed',
  'failed',
  'retry_in_queued',
  'retrying',
] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const JOB_TYPES = ['insert_csv_file', 'export_csv_file', 'enrich_websites', 'apollo_collection', 'monitor_signals', 'onboard_company', 'lookup_bulk'] as const;
export type JobType = (typeof JOB_TYPES)[number];

export interface JobCounters {
  readonly rowsRead: number;
  readonly rowsWritten: number;
  readonly rowsFailed: number;
}

/**
 * The download-limit charge an export holds: rows taken from `userId`'s allowance for
 * `period` when it was created (or retried). Every run of the job writes at most `rows`; the
 * rows it did not write, or all of them when it fails, go back to the ledger.
 */
export interface JobDownloadCharge {
  readonly userId: string;
  readonly period: string;
  readonly rows: number;
}

export interface JobError {
  readonly code: string;
  readonly message: string;
}

export interface Job {
  readonly id: string;
  readonly workspaceId: string;
  readonly type: JobType;
  readonly status: JobStatus;
  /** The job's input (`job_data`), validated per type when the job is created. */
  readonly data: Readonly<Record<string, unknown>>;
  /** Attempts allowed before the job fails for good (`retry_count`). */
  readonly retryCount: number;
  /** Attempts started so far. */
  readonly attempts: number;
  /** 0..1 */
  readonly progress: number;
  readonly currentStep?: string;
  readonly counters: JobCounters;
  /** Where a resumed run starts again; owned by the job's runner (e.g. rows committed, bytes). */
  readonly checkpoint?: Readonly<Record<string, unknown>>;
  readonly result?: Readonly<Record<string, unknown>>;
  readonly error?: JobError;
  /** Set on exports created by a user (or a user's key); absent for operator keys, which have no limit. */
  readonly downloadCharge?: JobDownloadCharge;
  /** Who asked for it: a user id or an API key id. */
  readonly createdBy?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  /** Bumped on every write; conditional writes compare it. */
  readonly version: number;
  /**
   * The run holding the job while it is processing or retrying (a worker's message id plus a
   * random suffix), and when that claim ends: the worker's own deadline. A redelivered message
   * may take over only once the lease has ended (functions/workers/run-job.worker.ts).
   */
  readonly leaseOwner?: string;
  readonly leaseUntil?: string;
  /** Set when the job failed for good after its last retry: that SQS message goes to the DLQ. */
  readonly deadLetterMessageId?: string;
}

/** `retry_count` when a job names none, and the most a job may ask for. */
export const DEFAULT_JOB_RETRY_COUNT = 3;
export const MAX_JOB_RETRY_COUNT = 10;

/** Statuses in which a worker runs the job (and holds its lease). */
export const RUNNING_STATUSES: readonly JobStatus[] = ['processing', 'retrying'];

/** Fields a transition or a progress report may change. */
export type JobPatch = Partial<
  Pick<Job, 'progress' | 'currentStep' | 'counters' | 'checkpoint' | 'result' | 'error' | 'attempts' | 'startedAt' | 'finishedAt' | 'downloadCharge'>
>;

/** The moves a job may make; anything else is a 409 (API) or a lost race (worker). */
export const JOB_TRANSITIONS: Readonly<Record<JobStatus, readonly JobStatus[]>> = {
  open: ['in_queue', 'stopped'],
  in_queue: ['processing', 'stopped'],
  processing: ['completed', 'failed', 'stopped', 'paused', 'retry_in_queued', 'in_queue'],
  retry_in_queued: ['retrying', 'stopped'],
  retrying: ['completed', 'failed', 'stopped', 'paused', 'retry_in_queued', 'in_queue'],
  paused: ['in_queue', 'stopped'],
  stopped: ['retry_in_queued'],
  failed: ['retry_in_queued'],
  completed: [],
};

export const TERMINAL_STATUSES: readonly JobStatus[] = ['completed', 'failed', 'stopped'];

export const canTransition = (from: JobStatus, to: JobStatus): boolean => JOB_TRANSITIONS[from].includes(to);

/** The statuses a job may be in for `to` to be reached from it. */
export const sourcesOf = (to: JobStatus): JobStatus[] =>
  JOB_STATUSES.filter((from) => JOB_TRANSITIONS[from].includes(to));
