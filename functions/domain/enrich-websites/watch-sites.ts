import type { SiteTally } from '../../ports/site-tasks.port.ts';
import { RUNNING_STATUSES } from '../jobs/job.ts';
import type { JobRunContext, JobRunOutcome } from '../jobs/runner.ts';
import type { EnrichWebsitesDeps } from './enrich-websites-deps.ts';
import { MAX_FAILURES_IN_RESULT, PLAN_PAGE_SIZE } from './limits.ts';
import type { PlannedCheckpoint } from './plan-sites.ts';

export const CRAWL_STAGE = 'crawling sites';
/** How often a watching run reads the tally when the job names nothing else. */
export const DEFAULT_POLL_INTERVAL_MS = 2_000;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const settledOf = (tally: SiteTally): number => tally.done + tally.failed + tally.skipped;

/**
 * Tasks a worker deferred because the job was paused go back to pending and onto the queue,
 * whenever the tally says some are deferred (so a run after a resume sends them at once, and a
 * job that never paused never scans its tasks).
 */
async function redispatchDeferred(deps: EnrichWebsitesDeps, workspaceId: string, jobId: string): Promise<void> {
  let cursor: string | undefined;
  do {
    const page = await deps.tasks.list(workspaceId, jobId, { status: 'deferred', limit: PLAN_PAGE_SIZE, ...(cursor ? { cursor } : {}) });
    const back: string[] = [];
    for (const task of page.items) {
      if (await deps.tasks.settle(workspaceId, jobId, task.key, ['deferred'], 'pending')) back.push(task.key);
    }
    if (back.length > 0) {
      await deps.tasks.addTally(workspaceId, jobId, { deferred: -back.length });
      await deps.queue.send(back.map((key) => ({ workspace_id: workspaceId, job_id: jobId, key })));
    }
    cursor = page.nextCursor;
  } while (cursor);
}

async function failuresOf(deps: EnrichWebsitesDeps, workspaceId: string, jobId: string) {
  const page = await deps.tasks.list(workspaceId, jobId, { status: 'failed', limit: MAX_FAILURES_IN_RESULT });
  return page.items.map((task) => ({ domain: task.domain, reason: task.outcome?.reason ?? 'unknown', message: task.outcome?.message ?? '' }));
}

function resultOf(plan: PlannedCheckpoint, tally: SiteTally, failures: Awaited<ReturnType<typeof failuresOf>>) {
  const failedByReason: Record<string, number> = {};
  for (const [key, value] of Object.entries(tally)) {
    if (key.startsWith('failed_') && value > 0) failedByReason[key.slice('failed_'.length)] = value;
  }
  return {
    sites_total: plan.planned,
    sites_done: tally.done,
    sites_failed: tally.failed,
    sites_skipped: tally.skipped,
    skipped_by_robots: tally.skipped_robots,
    companies_without_website: plan.noWebsite,
    pages_fetched: tally.pages_fetched,
    browser_pages: tally.browser_pages,
    emails_found: tally.emails_found,
    phones_found: tally.phones_found,
    profiles_found: tally.profiles_found,
    technologies_found: tally.technologies_found,
    contacts_found: tally.contacts_found,
    failed_by_reason: failedByReason,
    failures,
  };
}

/**
 * Watches the tasks of a planned job until every one is settled, reporting progress on the job
 * and to its subscribers. The run holds the job while it watches, so pause and stop reach it the
 * usual way (its next report fails); when its time is up it hands over (`continue`) and the next
 * run watches on from the tally, which lives outside the job.
 */
export async function watchSites(deps: EnrichWebsitesDeps, ctx: JobRunContext, plan: PlannedCheckpoint): Promise<JobRunOutcome> {
  const { job } = ctx;
  const sleep = deps.sleep ?? defaultSleep;
  const interval = deps.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  let lastSettled = -1;
  for (;;) {
    const tally = await deps.tasks.tally(job.workspaceId, job.id);
    const settled = settledOf(tally);
    if ((tally.deferred ?? 0) > 0) await redispatchDeferred(deps, job.workspaceId, job.id);
    const progress = plan.planned === 0 ? 1 : Math.min(1, settled / plan.planned);
    const reported = await ctx.jobs.report(
      job.workspaceId,
      job.id,
      {
        progress,
        currentStep: `${CRAWL_STAGE}: ${settled} of ${plan.planned}`,
        counters: { rowsRead: settled, rowsWritten: tally.done, rowsFailed: tally.failed },
        checkpoint: { ...plan },
      },
      RUNNING_STATUSES,
    );
    if (!reported) return { outcome: 'stopped' };
    if (settled !== lastSettled) {
      lastSettled = settled;
      await ctx.events
        .publish(job.workspaceId, { type: 'progress', job_id: job.id, stage: CRAWL_STAGE, completed: settled, total: plan.planned, failed: tally.failed, progress })
        .catch(() => undefined);
    }
    if (settled >= plan.planned) {
      await ctx.events.publish(job.workspaceId, { type: 'stage_complete', job_id: job.id, stage: CRAWL_STAGE }).catch(() => undefined);
      return { outcome: 'completed', result: resultOf(plan, tally, await failuresOf(deps, job.workspaceId, job.id)) };
    }
    if (ctx.remainingMs() <= interval) return { outcome: 'continue' };
    await sleep(interval);
  }
}
