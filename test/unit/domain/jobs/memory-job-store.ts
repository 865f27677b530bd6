import type { Job, JobPatch, JobStatus } from '../../../../functions/domain/jobs/job.ts';
import type { JobListQuery, JobMove, JobPage, LeasedJobStore, NewJob } from '../../../../functions/ports/jobs.port.ts';

/**
 * The conditional semantics of DynamoJobStore (status IN from, version, lease owner, expired
 * lease), in memory, for use-case tests. The adapter's own expressions are tested against
 * mocked DynamoDB and, end to end, against DynamoDB Local.
 */
export class MemoryJobStore implements LeasedJobStore {
  readonly jobs = new Map<string, Job>();
  readonly moves: { id: string; from: JobStatus; to: JobStatus }[] = [];

  constructor(private readonly now: () => Date = () => new Date()) {}

  async create(job: NewJob): Promise<Job> {
    const at = this.now().toISOString();
    const created: Job = {
      ...job,
      status: 'open',
      attempts: 0,
      progress: 0,
      counters: { rowsRead: 0, rowsWritten: 0, rowsFailed: 0 },
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    this.jobs.set(`${job.workspaceId}/${job.id}`, created);
    return created;
  }

  /** Puts a job in any state, as a test's starting point. */
  seed(job: Job): Job {
    this.jobs.set(`${job.workspaceId}/${job.id}`, job);
    return job;
  }

  async get(workspaceId: string, id: string): Promise<Job | undefined> {
    return this.jobs.get(`${workspaceId}/${id}`);
  }

  async list(workspaceId: string, query: JobListQuery): Promise<JobPage> {
    const items = [...this.jobs.values()].filter((job) => job.workspaceId === workspaceId).slice(0, query.limit);
    return { items };
  }

  async transition(workspaceId: string, id: string, from: readonly JobStatus[], to: JobStatus, patch?: JobPatch, expectedVersion?: number) {
    return this.move(workspaceId, id, { from, to, ...(patch ? { patch } : {}), ...(expectedVersion === undefined ? {} : { expectedVersion }) });
  }

  // Reads and writes with no await in between: a conditional write is atomic, as DynamoDB's is.
  async move(workspaceId: string, id: string, move: JobMove): Promise<Job | undefined> {
    const job = this.jobs.get(`${workspaceId}/${id}`);
    if (!job || !move.from.includes(job.status)) return undefined;
    if (move.expectedVersion !== undefined && job.version !== move.expectedVersion) return undefined;
    if (move.leaseOwner !== undefined && job.leaseOwner !== move.leaseOwner) return undefined;
    if (move.leaseExpiredBy !== undefined && job.leaseUntil !== undefined && !(job.leaseUntil < move.leaseExpiredBy)) return undefined;
    const next: Record<string, unknown> = { ...job, ...move.patch, status: move.to, version: job.version + 1, updatedAt: this.now().toISOString() };
    if (move.lease) Object.assign(next, { leaseOwner: move.lease.owner, leaseUntil: move.lease.until });
    if (move.lease === null) {
      delete next.leaseOwner;
      delete next.leaseUntil;
    }
    if (move.deadLetterMessageId !== undefined) next.deadLetterMessageId = move.deadLetterMessageId;
    for (const field of move.clear ?? []) delete next[field];
    this.moves.push({ id, from: job.status, to: move.to });
    return this.seed(next as unknown as Job);
  }

  async report(workspaceId: string, id: string, patch: JobPatch, whileIn: readonly JobStatus[], leaseOwner?: string) {
    const job = this.jobs.get(`${workspaceId}/${id}`);
    if (!job || !whileIn.includes(job.status)) return undefined;
    if (leaseOwner !== undefined && job.leaseOwner !== leaseOwner) return undefined;
    return this.seed({ ...job, ...patch, version: job.version + 1 });
  }
}
