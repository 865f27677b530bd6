import type { JobStore } from '../../ports/jobs.port.ts';
import type { SiteTaskMessage, SiteTaskOutcome, SiteTaskStore } from '../../ports/site-tasks.port.ts';
import { crawlSite, type CrawlDeps } from './crawl-site.ts';
import { SiteFetchError } from './crawl-ports.ts';
import { enrichOptionsSchema } from './job-data.ts';
import { countFindings } from './site-findings.ts';
import { writeEnrichment, type EnrichmentWriterDeps } from './write-enrichment.ts';

export interface SiteTaskDeps {
  readonly jobs: JobStore;
  readonly tasks: SiteTaskStore;
  /** The crawl for one caller: the outbound client logs and paces calls per workspace and job. */
  readonly crawl: (caller: { readonly workspaceId: string; readonly jobId: string }) => CrawlDeps;
  readonly writer: EnrichmentWriterDeps;
  readonly now?: () => Date;
}

export interface SiteTaskDelivery {
  readonly message: SiteTaskMessage;
  /** This is the queue's last delivery of the message: failing it would send it to the DLQ. */
  readonly lastAttempt: boolean;
}

export type SiteTaskResult = 'done' | 'failed' | 'skipped' | 'deferred' | 'nothing';

const RUNNABLE = new Set(['in_queue', 'processing', 'retrying', 'retry_in_queued']);
const ENDED = new Set(['stopped', 'failed', 'completed']);

/**
 * One site of an `enrich_websites` job. Idempotent: only a pending task is crawled, and settling
 * it (with its tally) is one conditional write, so a duplicate delivery or a crash after the
 * records were written re-crawls at most, and never counts a site twice.
 *
 * A task of a paused job is deferred (the job's next run sends it again on resume); a task of a
 * stopped job is skipped. A transport or store failure throws, so SQS redelivers the message; on
 * the last delivery the task fails with `internal` instead, so the job can still finish.
 */
export async function enrichSiteTask(deps: SiteTaskDeps, delivery: SiteTaskDelivery): Promise<SiteTaskResult> {
  const { workspace_id: workspaceId, job_id: jobId, key } = delivery.message;
  const [job, task] = await Promise.all([deps.jobs.get(workspaceId, jobId), deps.tasks.get(workspaceId, jobId, key)]);
  if (!job || !task || task.status !== 'pending') return 'nothing';
  if (job.status === 'paused' || job.status === 'open') {
    return (await deps.tasks.settle(workspaceId, jobId, key, ['pending'], 'deferred', undefined, { deferred: 1 })) ? 'deferred' : 'nothing';
  }
  if (ENDED.has(job.status) || !RUNNABLE.has(job.status)) {
    const outcome = { reason: 'job_stopped', message: `The job is ${job.status}` };
    return (await deps.tasks.settle(workspaceId, jobId, key, ['pending'], 'skipped', outcome, { skipped: 1 })) ? 'skipped' : 'nothing';
  }
  // Only the options: re-parsing the whole job data would canonicalise every listed domain again for each site.
  const options = enrichOptionsSchema.parse(job.data.options ?? {});
  try {
    const crawl = await crawlSite(deps.crawl({ workspaceId, jobId }), task, options);
    const fetchedAt = (deps.now?.() ?? new Date()).toISOString();
    const written = await writeEnrichment(deps.writer, workspaceId, {
      ...(task.companyUuid ? { companyUuid: task.companyUuid } : {}),
      domain: task.domain,
      homeUrl: crawl.homeUrl,
      findings: crawl.findings,
      fetchedAt,
      jobId,
    });
    const found = countFindings(crawl.findings);
    const outcome: SiteTaskOutcome = { companyUuid: written.uuid, pagesFetched: crawl.pagesFetched, found };
    const tally = { done: 1, pages_fetched: crawl.pagesFetched, browser_pages: crawl.browserPages, ...found };
    return (await deps.tasks.settle(workspaceId, jobId, key, ['pending'], 'done', outcome, tally)) ? 'done' : 'nothing';
  } catch (error) {
    if (error instanceof SiteFetchError) return settleRefused(deps, delivery, error);
    if (!delivery.lastAttempt) throw error;
    const outcome = { reason: 'internal', message: 'The site could not be processed after several attempts' };
    return (await deps.tasks.settle(workspaceId, jobId, key, ['pending'], 'failed', outcome, { failed: 1, failed_internal: 1 })) ? 'failed' : 'nothing';
  }
}

async function settleRefused(deps: SiteTaskDeps, delivery: SiteTaskDelivery, error: SiteFetchError): Promise<SiteTaskResult> {
  const { workspace_id: workspaceId, job_id: jobId, key } = delivery.message;
  const outcome = { reason: error.reason, message: error.message.slice(0, 300) };
  if (error.reason === 'robots_disallowed') {
    return (await deps.tasks.settle(workspaceId, jobId, key, ['pending'], 'skipped', outcome, { skipped: 1, skipped_robots: 1 })) ? 'skipped' : 'nothing';
  }
  const tally = { failed: 1, [`failed_${error.reason}`]: 1 };
  return (await deps.tasks.settle(workspaceId, jobId, key, ['pending'], 'failed', outcome, tally)) ? 'failed' : 'nothing';
}
