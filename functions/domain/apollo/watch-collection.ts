import type { CollectionTally } from '../../ports/apollo-collection.port.ts';
import { RUNNING_STATUSES } from '../jobs/job.ts';
import type { JobRunContext, JobRunOutcome } from '../jobs/runner.ts';
import type { CollectingCheckpoint } from './collection-checkpoint.ts';
import { apolloCollectionDataSchema } from './job-data.ts';
import { ETA_WINDOW_SAMPLES, STALE_SEGMENT_MS } from './limits.ts';
import type { ApolloCollectionDeps } from './run-apollo-collection.ts';

export const COLLECT_STAGE = 'collecting organisations';
/** How often a watching run reads the counters when nothing else is set. */
export const DEFAULT_POLL_INTERVAL_MS = 2_000;
/** Segments listed per page when re-sending parked or lost ones. */
const SEGMENT_LIST_PAGE = 100;

interface Sample {
  readonly at: number;
  readonly pages: number;
}

/** Seconds left at the recent pace (pages per second over the last samples); undefined before a pace is known. */
export function etaSeconds(samples: readonly Sample[], pagesLeft: number): number | undefined {
  const first = samples[0];
  const last = samples.at(-1);
  if (!first || !last || last.at <= first.at || last.pages <= first.pages) return undefined;
  const perSecond = (last.pages - first.pages) / ((last.at - first.at) / 1000);
  return Math.max(0, Math.round(pagesLeft / perSecond));
}

/** Segments parked while the job was paused (or whose message was lost in a crash) get their page sent again. */
async function resend(deps: ApolloCollectionDeps, ctx: JobRunContext, status: 'deferred' | 'pending', olderThan?: number): Promise<void> {
  const { job } = ctx;
  let cursor: string | undefined;
  do {
    const page = await deps.store.listSegments(job.workspaceId, job.id, { status, limit: SEGMENT_LIST_PAGE, ...(cursor ? { cursor } : {}) });
    const messages = [];
    for (const segment of page.items) {
      if (olderThan !== undefined && Date.parse(segment.updatedAt) > olderThan) continue;
      if (status === 'deferred' && !(await deps.store.undefer(job.workspaceId, job.id, segment.key))) continue;
      messages.push({ workspace_id: job.workspaceId, job_id: job.id, segment: segment.key, page: segment.nextPage });
    }
    if (messages.length > 0) await deps.queue.send(messages);
    cursor = page.nextCursor;
  } while (cursor);
}

/** The seed's counters (with its names for segments), as the job's live result and its final one. */
export function countersOf(plan: CollectingCheckpoint, tally: CollectionTally): Record<string, number> {
  return {
    organizations_found: tally.organizations_found,
    organizations_saved: tally.organizations_saved,
    people_total_added: tally.people_total_added,
    segments_done: tally.segments_done,
    segments_total: plan.segments.length,
    industries_completed: tally.segments_done,
    total_industries: plan.segments.length,
    pages_done: tally.pages_done,
    pages_total: plan.pagesTotal,
    organizations_matching: plan.total,
    organizations_unreachable: plan.unreachable,
  };
}

/**
 * Watches the page workers' counters until every segment is read, reporting them on the job
 * (`result` while running) and to subscribers with an ETA. Pause and stop reach it the usual way
 * (its next report fails); when its time is up it hands over and the next run watches on.
 */
export async function watchCollection(deps: ApolloCollectionDeps, ctx: JobRunContext, plan: CollectingCheckpoint): Promise<JobRunOutcome> {
  const { job } = ctx;
  const data = apolloCollectionDataSchema.parse(job.data);
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const interval = deps.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const now = deps.now ?? Date.now;
  const samples: Sample[] = [];
  let lastPages = -1;
  let lastStaleCheck = 0;
  for (;;) {
    const tally = await deps.store.tally(job.workspaceId, job.id);
    if (tally.deferred > 0) await resend(deps, ctx, 'deferred');
    if (now() - lastStaleCheck >= STALE_SEGMENT_MS) {
      lastStaleCheck = now();
      await resend(deps, ctx, 'pending', now() - STALE_SEGMENT_MS);
    }
    samples.push({ at: now(), pages: tally.pages_done });
    if (samples.length > ETA_WINDOW_SAMPLES) samples.shift();
    const eta = etaSeconds(samples, Math.max(0, plan.pagesTotal - tally.pages_done));
    const counters = countersOf(plan, tally);
    const done = tally.segments_done >= plan.segments.length;
    const progress = plan.segments.length === 0 ? 1 : Math.min(1, tally.segments_done / plan.segments.length, plan.pagesTotal === 0 ? 1 : tally.pages_done / plan.pagesTotal);
    const result = { task_name: data.task_name, state: 'running', ...counters, ...(eta === undefined ? {} : { eta_seconds: eta }) };
    const reported = await ctx.jobs.report(
      job.workspaceId,
      job.id,
      { progress, result, currentStep: `${COLLECT_STAGE}: ${tally.organizations_saved} saved`, counters: { rowsRead: tally.organizations_found, rowsWritten: tally.organizations_saved, rowsFailed: 0 } },
      RUNNING_STATUSES,
    );
    if (!reported) return { outcome: 'stopped' };
    if (tally.pages_done !== lastPages) {
      lastPages = tally.pages_done;
      const event = { type: 'progress', job_id: job.id, stage: COLLECT_STAGE, completed: tally.segments_done, total: plan.segments.length, failed: 0, progress, counters } as const;
      await ctx.events.publish(job.workspaceId, eta === undefined ? event : { ...event, eta_seconds: eta }).catch(() => undefined);
    }
    if (done) {
      await ctx.events.publish(job.workspaceId, { type: 'stage_complete', job_id: job.id, stage: COLLECT_STAGE }).catch(() => undefined);
      const state = data.include_people ? 'completed_with_people' : 'completed';
      return { outcome: 'completed', result: { task_name: data.task_name, state, ...counters } };
    }
    if (ctx.remainingMs() <= interval) return { outcome: 'continue' };
    await sleep(interval);
  }
}
