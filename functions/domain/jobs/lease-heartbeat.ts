import type { JobQueue } from '../../ports/job-queue.port.ts';
import type { LeasedJobStore } from '../../ports/jobs.port.ts';
import type { Job } from './job.ts';

/**
 * How long a run's claim on its job lasts without renewal. Short, so that a crashed run is
 * taken over within about a minute; a live run renews it long before it ends.
 */
export const JOB_LEASE_MS = 60_000;
/** A live run renews its lease this often: two renewals may fail before the lease ends. */
export const LEASE_RENEW_EVERY_MS = 20_000;
/** A lease outlasts its holder's last renewal by this much more (clock skew between workers). */
export const LEASE_SLACK_MS = 5_000;
/** A message comes back this long after its lease ends. */
export const VISIBILITY_SLACK_SECONDS = 5;

/** Repeats work while a run is alive; the clock is injected so tests drive it. */
export interface HeartbeatTimers {
  /** Calls `tick` every `ms` until the returned function is called. */
  every(ms: number, tick: () => Promise<void>): () => void;
}

export const intervalTimers: HeartbeatTimers = {
  every: (ms, tick) => {
    const handle = setInterval(() => void tick(), ms);
    return () => clearInterval(handle);
  },
};

export const leaseUntil = (now: Date): string => new Date(now.getTime() + JOB_LEASE_MS + LEASE_SLACK_MS).toISOString();

export const leaseVisibilitySeconds = (): number => (JOB_LEASE_MS + LEASE_SLACK_MS) / 1000 + VISIBILITY_SLACK_SECONDS;

export interface HeartbeatDeps {
  readonly jobs: LeasedJobStore;
  readonly queue: JobQueue;
  readonly now: () => Date;
  readonly timers: HeartbeatTimers;
  readonly warn: (message: string, extra: Record<string, unknown>) => void;
}

/**
 * Renews the run's lease (and hides its message for as long) while the run is alive. Each
 * renewal is conditional on this run still holding the lease in the status it claimed, so a
 * run that was stopped, paused or taken over stops renewing, and its own writes stay fenced.
 * Resolves a function that stops the heartbeat.
 *
 *   run A: claim ─ renew ─ renew ─ (crash: no renewal) ··· lease ends ─┐
 *   run B:                                           delivery waits ───┴─ takes over
 */
export function startHeartbeat(deps: HeartbeatDeps, job: Job, owner: string, receiptHandle: string): () => void {
  let alive = true;
  let busy = false;
  let cancel: () => void = () => undefined;
  const stop = (): void => {
    alive = false;
    cancel();
  };
  const tick = async (): Promise<void> => {
    if (!alive || busy) return;
    busy = true;
    try {
      const renewed = await deps.jobs.move(job.workspaceId, job.id, {
        from: [job.status],
        to: job.status,
        leaseOwner: owner,
        lease: { owner, until: leaseUntil(deps.now()) },
      });
      if (!renewed) {
        stop();
        return;
      }
      await deps.queue.setVisibility(receiptHandle, leaseVisibilitySeconds());
    } catch (error) {
      // A missed renewal is not fatal: the next one comes well before the lease ends.
      deps.warn('Lease renewal failed', { jobId: job.id, error });
    } finally {
      busy = false;
    }
  };
  cancel = deps.timers.every(LEASE_RENEW_EVERY_MS, tick);
  return stop;
}
