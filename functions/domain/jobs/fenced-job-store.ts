import type { JobStatus } from './job.ts';
import type { JobPatch } from './job.ts';
import type { LeasedJobStore, JobStore } from '../../ports/jobs.port.ts';

/**
 * The store a runner gets: writes to its own job hold only while this run holds the lease, so
 * a run that outlived its lease (taken over after a presumed crash) sees its next report fail
 * and stops instead of writing over the run that replaced it.
 */
export function fencedJobStore(store: LeasedJobStore, jobId: string, leaseOwner: string): JobStore {
  return {
    create: (job) => store.create(job),
    get: (workspaceId, id) => store.get(workspaceId, id),
    list: (workspaceId, query) => store.list(workspaceId, query),
    transition: (workspaceId: string, id: string, from: readonly JobStatus[], to: JobStatus, patch?: JobPatch, expectedVersion?: number) =>
      store.move(workspaceId, id, {
        from,
        to,
        ...(patch ? { patch } : {}),
        ...(expectedVersion === undefined ? {} : { expectedVersion }),
        ...(id === jobId ? { leaseOwner } : {}),
      }),
    report: (workspaceId, id, patch, whileIn, owner) => store.report(workspaceId, id, patch, whileIn, id === jobId ? leaseOwner : owner),
  };
}
