import { describe, expect, it } from 'vitest';
import type { Job } from '../../../../functions/domain/jobs/job.ts';
import {
  LEASE_SLACK_MS,
  processJobMessage,
  RedeliveryRequested,
  retryDelaySeconds,
  type JobDelivery,
  type JobWorkerDeps,
} from '../../../../functions/domain/jobs/process-job-message.ts';
import type { JobRunner } from '../../../../functions/domain/jobs/runner.ts';
import { AppError } from '../../../../functions/platform/errors.ts';
import type { JobEvent } from '../../../../functions/ports/job-events.port.ts';
import { JOB_LEASE_MS } from '../../../../functions/domain/jobs/lease-heartbeat.ts';
import { MemoryJobStore } from './memory-job-store.ts';

const WS = 'ws-a';
const ID = '01890a5d-ac96-774b-bcce-b302099a8057';
const NOW = new Date('2026-01-01T00:00:00.000Z');
const LAMBDA_LEFT_MS = 900_000;

function jobIn(status: Job['status'], extra: Partial<Job> = {}): Job {
  return {
    id: ID,
    workspaceId: WS,
    type: 'insert_csv_file',
    status,
    data: { s3_key: `workspaces/${WS}/uploads/x/a.csv` },
    retryCount: 3,
    attempts: 0,
    progress: 0,
    counters: { rowsRead: 0, rowsWritten: 0, rowsFailed: 0 },
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    version: 1,
    ...extra,
  };
}

function setup(runner: JobRunner | undefined, start: Job = jobIn('in_queue')) {
  let clock = NOW.getTime();
  const now = () => new Date(clock);
  const jobs = new MemoryJobStore(now);
  jobs.seed(start);
  const events: JobEvent[] = [];
  const queue = { enqueued: [] as string[], visibility: [] as { receipt: string; seconds: number }[] };
  const deps: JobWorkerDeps = {
    jobs,
    events: { publish: async (_ws, event) => void events.push(event) },
    queue: {
      enqueue: async (_ws, id) => void queue.enqueued.push(id),
      setVisibility: async (receipt, seconds) => void queue.visibility.push({ receipt, seconds }),
    },
    runners: runner ? { insert_csv_file: runner } : {},
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    now,
  };
  const deliver = (messageId = 'm-1', extra: Partial<JobWorkerDeps> = {}): Promise<void> =>
    processJobMessage({ ...deps, ...extra }, {
      message: { workspace_id: WS, job_id: ID },
      messageId,
      receiptHandle: `rh-${messageId}`,
      remainingMs: () => LAMBDA_LEFT_MS,
    } satisfies JobDelivery);
  const current = async () => (await jobs.get(WS, ID)) as Job;
  return { jobs, events, queue, deliver, current, advance: (ms: number) => (clock += ms) };
}

const completes: JobRunner = async ({ job, jobs }) => {
  await jobs.report(job.workspaceId, job.id, { progress: 0.5, checkpoint: { row: 5 } }, ['processing', 'retrying']);
  return { outcome: 'completed', result: { rows_written: 10 } };
};

describe('processJobMessage', () => {
  it('It should claim a queued job, run it and complete it with its result, publishing status first and last', async () => {
    // Prepare
    const t = setup(completes);
    // Act
    await t.deliver();
    // Assess
    const job = await t.current();
    expect(job).toMatchObject({ status: 'completed', progress: 1, attempts: 1, currentStep: 'completed', result: { rows_written: 10 } });
    expect(job.finishedAt).toBeDefined();
    expect(job.leaseOwner).toBeUndefined();
    expect(t.events.map((e) => (e.type === 'status' ? e.status : e.type))).toEqual(['processing', 'completed']);
    // The message stays hidden for the short lease (renewed while the run lives), not the Lambda's whole budget.
    expect(t.queue.visibility[0]?.seconds).toBeGreaterThan(JOB_LEASE_MS / 1000);
    expect(t.queue.visibility[0]?.seconds).toBeLessThan(LAMBDA_LEFT_MS / 1000);
  });

  it('It should let only one of two simultaneous deliveries run the job', async () => {
    // Prepare
    let runs = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const t = setup(async () => {
      runs += 1;
      await gate;
      return { outcome: 'completed', result: {} };
    });
    // Act
    const deliveries = [t.deliver('m-1'), t.deliver('m-2')].map((delivery) => delivery.then(() => 'ran', (error: unknown) => error));
    // The loser settles while the winner is still inside its runner.
    const loser = await Promise.race(deliveries);
    release();
    const outcomes = await Promise.all(deliveries);
    // Assess
    expect(runs).toBe(1);
    expect(loser).toBeInstanceOf(RedeliveryRequested);
    expect(outcomes.filter((outcome) => outcome === 'ran')).toHaveLength(1);
    expect((await t.current()).status).toBe('completed');
  });

  it('It should re-queue a job whose runner ran out of time, keeping its checkpoint', async () => {
    // Prepare
    const t = setup(async ({ job, jobs }) => {
      await jobs.report(job.workspaceId, job.id, { checkpoint: { row: 42 } }, ['processing']);
      return { outcome: 'continue' };
    });
    // Act
    await t.deliver();
    // Assess
    expect(await t.current()).toMatchObject({ status: 'in_queue', checkpoint: { row: 42 } });
    expect(t.queue.enqueued).toEqual([ID]);
  });

  it('It should fail the job at once, and acknowledge the message, on an error of the job\'s own input', async () => {
    // Prepare
    const t = setup(async () => {
      throw new AppError('ERR_IMPORT_EMPTY_FILE', 'The file is empty');
    });
    // Act
    await t.deliver();
    // Assess
    const job = await t.current();
    expect(job).toMatchObject({ status: 'failed', error: { code: 'ERR_IMPORT_EMPTY_FILE', message: 'The file is empty' }, attempts: 1 });
    expect(job.deadLetterMessageId).toBeUndefined();
    expect(t.events.map((e) => e.type)).toEqual(['status', 'error', 'status']);
  });

  it('It should retry a transient failure with backoff, then resume the job as retrying', async () => {
    // Prepare
    let calls = 0;
    const t = setup(async (context) => {
      calls += 1;
      if (calls === 1) throw new Error('socket hang up');
      return completes(context);
    });
    // Act
    const first = await t.deliver().catch((error: unknown) => error);
    const afterFirst = await t.current();
    await t.deliver();
    // Assess
    expect(first).toBeInstanceOf(RedeliveryRequested);
    expect(afterFirst).toMatchObject({ status: 'retry_in_queued', attempts: 1, error: { code: 'ERR_INTERNAL' } });
    expect(t.queue.visibility.at(-2)?.seconds).toBe(retryDelaySeconds(1));
    expect(t.events.filter((e) => e.type === 'status').map((e) => (e.type === 'status' ? e.status : ''))).toEqual([
      'processing',
      'retry_in_queued',
      'retrying',
      'completed',
    ]);
    expect((await t.current()).error).toBeUndefined();
  });

  it('It should fail the job for good at retry_count and keep failing that message until SQS dead-letters it', async () => {
    // Prepare
    const t = setup(async () => {
      throw new Error('still broken');
    }, jobIn('in_queue', { retryCount: 2 }));
    // Act
    await t.deliver().catch(() => undefined);
    await t.deliver().catch(() => undefined);
    const job = await t.current();
    const again = await t.deliver('m-1').catch((error: unknown) => error);
    const stranger = await t.deliver('m-other');
    // Assess
    expect(job).toMatchObject({ status: 'failed', attempts: 2, deadLetterMessageId: 'm-1' });
    expect(again).toBeInstanceOf(RedeliveryRequested);
    expect(t.queue.visibility.at(-1)).toEqual({ receipt: 'rh-m-1', seconds: 0 });
    expect(stranger).toBeUndefined();
  });

  it('It should give back what a job was charged only once it failed for good, never on a failure it retries', async () => {
    // Prepare
    const released: { status: string; attempts: number }[] = [];
    const t = setup(async () => {
      throw new Error('still broken');
    }, jobIn('in_queue', { retryCount: 2 }));
    const deps = { releaseCharge: async (job: Job) => void released.push({ status: job.status, attempts: job.attempts }) };
    // Act
    await t.deliver('m-1', deps).catch(() => undefined);
    const afterRetryable = released.length;
    await t.deliver('m-1', deps).catch(() => undefined);
    // Assess
    expect(afterRetryable).toBe(0);
    expect(released).toEqual([{ status: 'failed', attempts: 2 }]);
  });

  it('It should give back what a job was charged when its own input fails it', async () => {
    const released: string[] = [];
    const t = setup(async () => {
      throw new AppError('ERR_VALIDATION', 'bad');
    });
    await t.deliver('m-1', { releaseCharge: async (job: Job) => void released.push(job.status) });
    expect(released).toEqual(['failed']);
  });

  it('It should wait for a live lease and take over a job whose run crashed once its lease ended', async () => {
    // Prepare
    const leaseUntil = new Date(NOW.getTime() + 60_000).toISOString();
    const t = setup(completes, jobIn('processing', { leaseOwner: 'crashed-run', leaseUntil, checkpoint: { row: 7 } }));
    // Act
    const early = await t.deliver().catch((error: unknown) => error);
    const waitedSeconds = t.queue.visibility.at(-1)?.seconds ?? 0;
    t.advance(61_000);
    await t.deliver();
    // Assess
    expect(early).toBeInstanceOf(RedeliveryRequested);
    expect(waitedSeconds).toBeGreaterThanOrEqual(60);
    expect(await t.current()).toMatchObject({ status: 'completed', attempts: 2 });
  });

  it('It should fence off a run that outlived its lease: its reports fail after a takeover', async () => {
    // Prepare
    let zombieReport: unknown = 'not yet';
    let resume: () => void = () => undefined;
    const paused = new Promise<void>((resolve) => (resume = resolve));
    let first = true;
    const t = setup(async ({ job, jobs }) => {
      if (!first) return { outcome: 'completed', result: { by: 'second' } };
      first = false;
      await paused;
      zombieReport = await jobs.report(job.workspaceId, job.id, { progress: 0.9 }, ['processing', 'retrying']);
      return { outcome: 'completed', result: { by: 'zombie' } };
    });
    // Act
    const zombie = t.deliver('m-1');
    await new Promise((resolve) => setTimeout(resolve, 0));
    t.advance(LAMBDA_LEFT_MS + LEASE_SLACK_MS + 1_000);
    await t.deliver('m-1');
    resume();
    await zombie;
    // Assess
    expect(zombieReport).toBeUndefined();
    expect(await t.current()).toMatchObject({ status: 'completed', result: { by: 'second' } });
  });

  it('It should leave a job stopped through the API while it ran, and acknowledge the message', async () => {
    // Prepare
    const t = setup(async ({ job, jobs }) => {
      await jobs.transition(job.workspaceId, job.id, ['processing'], 'stopped');
      const reported = await jobs.report(job.workspaceId, job.id, { progress: 0.2 }, ['processing', 'retrying']);
      return reported ? { outcome: 'completed', result: {} } : { outcome: 'stopped' };
    });
    // Act
    await t.deliver();
    // Assess
    expect((await t.current()).status).toBe('stopped');
  });

  it('It should queue and run a job the API created but had not yet marked in_queue', async () => {
    // Prepare
    const t = setup(completes, jobIn('open'));
    // Act
    await t.deliver();
    // Assess
    expect(t.jobs.moves.map((m) => m.to)).toEqual(['in_queue', 'processing', 'completed']);
  });

  it('It should fail a job whose type has no runner, and acknowledge a message for a missing job', async () => {
    // Prepare
    const t = setup(undefined);
    // Act
    await t.deliver();
    t.jobs.jobs.clear();
    const missing = await t.deliver('m-2');
    // Assess
    expect(t.jobs.moves.at(-1)).toMatchObject({ to: 'failed' });
    expect(missing).toBeUndefined();
  });
});
