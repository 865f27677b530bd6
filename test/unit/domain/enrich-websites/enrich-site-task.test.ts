import { describe, expect, it } from 'vitest';
import { SiteFetchError } from '../../../../functions/domain/enrich-websites/crawl-ports.ts';
import { enrichSiteTask, type SiteTaskDeps } from '../../../../functions/domain/enrich-websites/enrich-site-task.ts';
import type { Job } from '../../../../functions/domain/jobs/job.ts';
import { MemoryCrudStore } from '../../../helpers/memory-crud-store.ts';
import { MemorySiteTaskStore } from '../../../helpers/memory-site-tasks.ts';
import { MemoryJobStore } from '../jobs/memory-job-store.ts';
import { CannedWeb, enrichJob, simpleExtractor } from './fakes.ts';

const message = { workspace_id: 'ws-a', job_id: 'job-1', key: 'acme.test' };

async function harness(job: Job, web: CannedWeb) {
  const jobs = new MemoryJobStore();
  jobs.seed(job);
  const tasks = new MemorySiteTaskStore();
  await tasks.putPending('ws-a', 'job-1', [{ key: 'acme.test', domain: 'acme.test' }]);
  const records = new MemoryCrudStore();
  const deps: SiteTaskDeps = {
    jobs,
    tasks,
    crawl: () => ({ fetcher: web, renderer: web, extractor: simpleExtractor }),
    writer: { records, byDomain: { find: async () => undefined } },
    now: () => new Date('2026-12-04T10:00:00.000Z'),
  };
  return { deps, tasks, records };
}

const acme = () => new CannedWeb({ 'https://acme.test/': '<title>Acme</title><a href="mailto:info@acme.test">' });

describe('enrichSiteTask', () => {
  it('It should crawl a pending site, write its company with provenance, and count it once however often it is delivered', async () => {
    // Prepare
    const h = await harness(enrichJob(), acme());
    // Act
    const first = await enrichSiteTask(h.deps, { message, lastAttempt: false });
    const again = await enrichSiteTask(h.deps, { message, lastAttempt: false });
    // Assess
    expect([first, again]).toEqual(['done', 'nothing']);
    expect(await h.tasks.tally('ws-a', 'job-1')).toMatchObject({ done: 1, emails_found: 1, pages_fetched: 1 });
    const [company] = [...h.records.items.values()];
    expect(company).toMatchObject({ name: 'Acme', domain: 'acme.test', emails: ['info@acme.test'], enriched_at: '2026-12-04T10:00:00.000Z' });
    expect(company!.provenance).toMatchObject({ emails: { source: 'website', url: 'https://acme.test/', fetched_at: '2026-12-04T10:00:00.000Z', job_id: 'job-1' } });
  });

  it.each([
    ['paused', 'deferred', { deferred: 1 }],
    ['stopped', 'skipped', { skipped: 1 }],
    ['failed', 'skipped', { skipped: 1 }],
  ] as const)('It should not crawl a site of a %s job (%s)', async (status, result, tally) => {
    const web = acme();
    const h = await harness(enrichJob({ status }), web);
    expect(await enrichSiteTask(h.deps, { message, lastAttempt: false })).toBe(result);
    expect(web.fetched).toEqual([]);
    expect(await h.tasks.tally('ws-a', 'job-1')).toMatchObject(tally);
  });

  it.each([
    ['blocked_address', 'failed', { failed: 1, failed_blocked_address: 1 }],
    ['too_many_redirects', 'failed', { failed: 1, failed_too_many_redirects: 1 }],
    ['not_html', 'failed', { failed: 1, failed_not_html: 1 }],
    ['robots_disallowed', 'skipped', { skipped: 1, skipped_robots: 1 }],
  ] as const)('It should settle a site refused for %s with its reason', async (reason, result, tally) => {
    const web = new CannedWeb({}, { 'https://acme.test/': new SiteFetchError(reason, `refused: ${reason}`) });
    const h = await harness(enrichJob(), web);
    expect(await enrichSiteTask(h.deps, { message, lastAttempt: false })).toBe(result);
    expect(await h.tasks.tally('ws-a', 'job-1')).toMatchObject(tally);
    expect((await h.tasks.get('ws-a', 'job-1', 'acme.test'))?.outcome).toMatchObject({ reason });
  });

  it('It should let SQS retry a transient failure, and fail the site on the last delivery', async () => {
    const h = await harness(enrichJob(), acme());
    h.deps.writer.records.patch = async () => {
      throw new Error('ProvisionedThroughputExceededException');
    };
    h.deps.writer.records.create = h.deps.writer.records.patch as never;
    await expect(enrichSiteTask(h.deps, { message, lastAttempt: false })).rejects.toThrow('ProvisionedThroughputExceededException');
    expect((await h.tasks.get('ws-a', 'job-1', 'acme.test'))?.status).toBe('pending');
    expect(await enrichSiteTask(h.deps, { message, lastAttempt: true })).toBe('failed');
    expect(await h.tasks.tally('ws-a', 'job-1')).toMatchObject({ failed: 1, failed_internal: 1 });
  });
});
