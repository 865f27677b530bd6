import { describe, expect, it } from 'vitest';
import type { CompanyTargets } from '../../../../functions/domain/enrich-websites/enrich-websites-deps.ts';
import { PLAN_PAGE_SIZE } from '../../../../functions/domain/enrich-websites/limits.ts';
import { runEnrichWebsites } from '../../../../functions/domain/enrich-websites/run-enrich-websites.ts';
import { fencedJobStore } from '../../../../functions/domain/jobs/fenced-job-store.ts';
import type { Job } from '../../../../functions/domain/jobs/job.ts';
import type { JobRunContext } from '../../../../functions/domain/jobs/runner.ts';
import type { JobEvent } from '../../../../functions/ports/job-events.port.ts';
import { MemorySiteTaskQueue, MemorySiteTaskStore } from '../../../helpers/memory-site-tasks.ts';
import { MemoryJobStore } from '../jobs/memory-job-store.ts';
import { enrichJob } from './fakes.ts';

const noCompanies: CompanyTargets = { page: async () => ({ items: [] }) };

function harness(job: Job, opts: { remaining?: () => number; companies?: CompanyTargets; onSleep?: () => Promise<void> } = {}) {
  const jobs = new MemoryJobStore();
  jobs.seed(job);
  const tasks = new MemorySiteTaskStore();
  const queue = new MemorySiteTaskQueue();
  const events: JobEvent[] = [];
  const ctx = (): JobRunContext => ({
    job: jobs.jobs.get(`${job.workspaceId}/${job.id}`)!,
    jobs: fencedJobStore(jobs, job.id, job.leaseOwner!),
    events: { publish: async (_ws, event) => void events.push(event) },
    remainingMs: opts.remaining ?? (() => 60_000),
  });
  const deps = { tasks, queue, companies: opts.companies ?? noCompanies, pollIntervalMs: 1, sleep: opts.onSleep ?? (async () => undefined) };
  return { jobs, tasks, queue, events, ctx, deps };
}

/** Settles every pending task as a task worker would. */
async function settleAll(tasks: MemorySiteTaskStore, job: Job, to: 'done' | 'failed' = 'done') {
  for (const task of tasks.tasks.values()) {
    if (task.status !== 'pending') continue;
    const tally: Record<string, number> = to === 'done' ? { done: 1, emails_found: 2 } : { failed: 1, failed_unreachable: 1 };
    await tasks.settle(job.workspaceId, job.id, task.key, ['pending'], to, to === 'failed' ? { reason: 'unreachable', message: 'refused' } : undefined, tally);
  }
}

describe('runEnrichWebsites', () => {
  it('It should plan one task per domain, send each, and complete when all are settled', async () => {
    // Prepare
    const job = enrichJob({ data: { domains: ['acme.test', 'globex.test', 'initech.test'] } });
    const h = harness(job, { onSleep: async () => settleAll(h.tasks, job) });
    // Act
    const outcome = await runEnrichWebsites(h.deps, h.ctx());
    // Assess
    expect(h.queue.sent.map((m) => m.key)).toEqual(['acme.test', 'globex.test', 'initech.test']);
    expect(outcome).toMatchObject({ outcome: 'completed', result: { sites_total: 3, sites_done: 3, sites_failed: 0, emails_found: 6 } });
    expect(h.events.map((e) => e.type)).toEqual(expect.arrayContaining(['stage_start', 'progress', 'stage_complete']));
    const progress = h.events.filter((e) => e.type === 'progress').at(-1);
    expect(progress).toMatchObject({ completed: 3, total: 3, progress: 1 });
  });

  it('It should report failures by reason in the result', async () => {
    const job = enrichJob({ data: { domains: ['down.test'] } });
    const h = harness(job, { onSleep: async () => settleAll(h.tasks, job, 'failed') });
    const outcome = await runEnrichWebsites(h.deps, h.ctx());
    expect(outcome).toMatchObject({
      outcome: 'completed',
      result: { sites_failed: 1, failed_by_reason: { unreachable: 1 }, failures: [{ domain: 'down.test', reason: 'unreachable', message: 'refused' }] },
    });
  });

  it('It should hand over when its time is up, and the next run watch on without planning again', async () => {
    const job = enrichJob({ data: { domains: ['acme.test'] } });
    let left = 60_000;
    const h = harness(job, { remaining: () => left });
    left = 0;
    const first = await runEnrichWebsites({ ...h.deps, sleep: async () => undefined }, h.ctx());
    expect(first).toEqual({ outcome: 'continue' });
    expect(h.queue.sent).toHaveLength(0);

    left = 60_000;
    const second = await runEnrichWebsites({ ...h.deps, sleep: async () => void (left = 0) }, h.ctx());
    expect(second).toEqual({ outcome: 'continue' });
    expect(h.queue.sent).toHaveLength(1);
    expect(h.ctx().job.checkpoint).toMatchObject({ phase: 'watching', planned: 1 });

    await settleAll(h.tasks, job);
    left = 60_000;
    const third = await runEnrichWebsites(h.deps, h.ctx());
    expect(third).toMatchObject({ outcome: 'completed', result: { sites_done: 1 } });
    expect(h.queue.sent).toHaveLength(1);
  });

  it('It should stop when the job is paused under it', async () => {
    const job = enrichJob({ data: { domains: ['acme.test'] } });
    const h = harness(job, { onSleep: async () => void (await h.jobs.move(job.workspaceId, job.id, { from: ['processing'], to: 'paused' })) });
    const outcome = await runEnrichWebsites(h.deps, h.ctx());
    expect(outcome).toEqual({ outcome: 'stopped' });
  });

  it('It should send deferred tasks again when a resumed run starts', async () => {
    const job = enrichJob({ data: { domains: ['acme.test'] }, checkpoint: { phase: 'watching', planned: 1, noWebsite: 0 } });
    const h = harness(job, { onSleep: async () => settleAll(h.tasks, job) });
    await h.tasks.putPending(job.workspaceId, job.id, [{ key: 'acme.test', domain: 'acme.test' }]);
    await h.tasks.settle(job.workspaceId, job.id, 'acme.test', ['pending'], 'deferred', undefined, { deferred: 1 });
    const outcome = await runEnrichWebsites(h.deps, h.ctx());
    expect(h.queue.sent.map((m) => m.key)).toEqual(['acme.test']);
    expect(outcome).toMatchObject({ outcome: 'completed', result: { sites_done: 1 } });
    expect((await h.tasks.tally(job.workspaceId, job.id)).deferred).toBe(0);
  });

  it('It should plan companies a page at a time and count those without a website', async () => {
    const companies = Array.from({ length: PLAN_PAGE_SIZE + 3 }, (_, i) => ({ uuid: `c${String(i).padStart(4, '0')}`, ...(i % 2 === 0 ? { domain: `site${i}.test` } : {}), country: 'germany' }));
    const targets: CompanyTargets = {
      page: async (_ws, _where, size, after) => {
        const start = after ? Number(after[0]) : 0;
        const items = companies.slice(start, start + size);
        return { items, ...(start + size < companies.length ? { next: [start + size] } : {}) };
      },
    };
    const job = enrichJob({ data: { query: { keyword_match: { must: { country: 'germany' } } } } });
    const h = harness(job, { companies: targets, onSleep: async () => settleAll(h.tasks, job) });
    const outcome = await runEnrichWebsites(h.deps, h.ctx());
    const withSite = companies.filter((c) => c.domain).length;
    expect(h.queue.sent).toHaveLength(withSite);
    expect([...h.tasks.tasks.values()][0]).toMatchObject({ key: 'c0000', domain: 'site0.test', companyUuid: 'c0000', country: 'DE' });
    expect(outcome).toMatchObject({ outcome: 'completed', result: { sites_total: withSite, companies_without_website: companies.length - withSite } });
  });
});
