import { describe, expect, it } from 'vitest';
import type { Job } from '../../../../functions/domain/jobs/job.ts';
import { JOB_LEASE_MS, LEASE_RENEW_EVERY_MS, LEASE_SLACK_MS, type HeartbeatTimers } from '../../../../functions/domain/jobs/lease-heartbeat.ts';
import { processJobMessage, RedeliveryRequested, type JobWorkerDeps } from '../../../../functions/domain/jobs/process-job-message.ts';
import type { JobRunner } from '../../../../functions/domain/jobs/runner.ts';
import { MemoryJobStore } from './memory-job-store.ts';

const WS = 'ws-a';
const ID = '01890a5d-ac96-774b-bcce-b302099a8057';
const NOW = new Date('2026-01-01T00:00:00.000Z');
/** A Lambda with its full 15 minutes ahead: the old lease lasted that long. */
const LAMBDA_LEFT_MS = 900_000;

/** Timers a test fires by hand: no wall clock anywhere. */
function manualTimers(): HeartbeatTimers & { fire(): Promise<void>; readonly active: number } {
  const ticks = new Set<() => Promise<void>>();
  return {
    every: (_ms, tick) => {
      ticks.add(tick);
      return () => ticks.delete(tick);
    },
    fire: async () => {
      for (const tick of [...ticks]) await tick();
    },
    get active() {
      return ticks.size;
    },
  };
}

/** A runner that waits until the test lets it go, and records whether its reports still land. */
function gatedRunner() {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const reports: (Job | undefined)[] = [];
  let started: () => void = () => undefined;
  const running = new Promise<void>((resolve) => (started = resolve));
  const runner: JobRunner = async ({ job, jobs }) => {
    started();
    await gate;
    reports.push(await jobs.report(job.workspaceId, job.id, { progress: 0.9 }, ['processing', 'retrying']));
    return { outcome: 'completed', result: { by: 'first run' } };
  };
  return { runner, release: () => release(), running, reports };
}

function setup(runners: JobRunner[]) {
  let clock = NOW.getTime();
  const now = () => new Date(clock);
  const jobs = new MemoryJobStore(now);
  jobs.seed({
    id: ID,
    workspaceId: WS,
    type: 'insert_csv_file',
    status: 'in_queue',
    data: {},
    retryCount: 3,
    attempts: 0,
    progress: 0,
    counters: { rowsRead: 0, rowsWritten: 0, rowsFailed: 0 },
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    version: 1,
  });
  const timers = manualTimers();
  let calls = 0;
  const deps: JobWorkerDeps = {
    jobs,
    events: { publish: async () => undefined },
    queue: { enqueue: async () => undefined, setVisibility: async () => undefined },
    runners: { insert_csv_file: (context) => runners[Math.min(calls++, runners.length - 1)]!(context) },
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    now,
    timers,
  };
  const deliver = (messageId: string) =>
    processJobMessage(deps, { message: { workspace_id: WS, job_id: ID }, messageId, receiptHandle: `rh-${messageId}`, remainingMs: () => LAMBDA_LEFT_MS });
  return { jobs, timers, deliver, advance: (ms: number) => (clock += ms), current: async () => (await jobs.get(WS, ID))! };
}

const secondRun: JobRunner = async () => ({ outcome: 'completed', result: { by: 'second run' } });

describe('the job lease heartbeat', () => {
  it('It should keep the lease short, so a run whose heartbeat stopped (a crash) is taken over just after it', async () => {
    // Prepare: the first run claims the job, then its process dies: no renewal ever comes.
    const crashed = gatedRunner();
    const t = setup([crashed.runner, secondRun]);
    void t.deliver('m-1');
    await crashed.running;
    const claimed = await t.current();
    // Act: the message comes back a little after the short lease, far before the Lambda's 15 minutes.
    t.advance(JOB_LEASE_MS + LEASE_SLACK_MS + 1_000);
    await t.deliver('m-2');
    crashed.release();
    await new Promise((resolve) => setImmediate(resolve));
    // Assess
    expect(Date.parse(claimed.leaseUntil!) - NOW.getTime()).toBeLessThanOrEqual(JOB_LEASE_MS + LEASE_SLACK_MS);
    expect(await t.current()).toMatchObject({ status: 'completed', attempts: 2, result: { by: 'second run' } });
    // The stale run is fenced: its report after the takeover did not land.
    expect(crashed.reports).toEqual([undefined]);
  });

  it('It should renew the lease of a live run, so it holds the job long past one lease, and stop renewing when it ends', async () => {
    // Prepare
    const live = gatedRunner();
    const t = setup([live.runner, secondRun]);
    const first = t.deliver('m-1');
    await live.running;
    // Act: five heartbeats, 100 s in all, well past one lease, then a redelivery.
    for (let beat = 0; beat < 5; beat += 1) {
      t.advance(LEASE_RENEW_EVERY_MS);
      await t.timers.fire();
    }
    const redelivered = await t.deliver('m-2').catch((error: unknown) => error);
    live.release();
    await first;
    // Assess
    expect(5 * LEASE_RENEW_EVERY_MS).toBeGreaterThan(JOB_LEASE_MS + LEASE_SLACK_MS);
    expect(redelivered).toBeInstanceOf(RedeliveryRequested);
    expect(await t.current()).toMatchObject({ status: 'completed', attempts: 1, currentStep: 'completed', result: { by: 'first run' } });
    expect(live.reports).toHaveLength(1);
    expect(live.reports[0]).toBeDefined();
    expect(t.timers.active).toBe(0);
  });

  it('It should stop renewing once the run no longer holds the job (stopped through the API), never re-taking it', async () => {
    // Prepare
    const live = gatedRunner();
    const t = setup([live.runner]);
    const first = t.deliver('m-1');
    await live.running;
    // Act
    await t.jobs.move(WS, ID, { from: ['processing'], to: 'stopped', lease: null });
    t.advance(LEASE_RENEW_EVERY_MS);
    await t.timers.fire();
    const activeAfterStop = t.timers.active;
    live.release();
    await first;
    // Assess
    expect(activeAfterStop).toBe(0);
    const job = await t.current();
    expect(job.status).toBe('stopped');
    expect(job.leaseOwner).toBeUndefined();
    expect(live.reports).toEqual([undefined]);
  });
});
