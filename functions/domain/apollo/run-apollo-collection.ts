import { ApolloSourceError, type ApolloSearchFilters, type ApolloSource } from '../../ports/apollo-source.port.ts';
import type { CollectionStore, PageTaskQueue } from '../../ports/apollo-collection.port.ts';
import { RUNNING_STATUSES } from '../jobs/job.ts';
import type { JobRunContext, JobRunOutcome } from '../jobs/runner.ts';
import { SESSION_EXPIRED_CODE } from './collect-page.ts';
import { checkCollectionRequest } from './collection-request.ts';
import { collectionCheckpointOf, type CollectingCheckpoint, type CollectionCheckpoint, type PlanningCheckpoint } from './collection-checkpoint.ts';
import { apolloCollectionDataSchema } from './job-data.ts';
import { COUNTS_PER_PLANNING_RUN } from './limits.ts';
import { freshPlan, planSegments } from './segments/plan-segments.ts';
import type { SplitCatalogues } from './segments/split-dimensions.ts';
import { watchCollection } from './watch-collection.ts';

export interface ApolloCollectionDeps {
  readonly store: CollectionStore;
  readonly queue: PageTaskQueue;
  readonly openSource: (workspaceId: string, jobId: string) => Promise<ApolloSource | null>;
  readonly allowedHosts: ReadonlySet<string>;
  readonly catalogues: SplitCatalogues;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly pollIntervalMs?: number;
  readonly now?: () => number;
}

export const PLAN_STAGE = 'planning segments';

/** Pauses the job (the run gives it up) until a new session is stored and the task resumed. */
async function pauseForSession(ctx: JobRunContext, message: string): Promise<JobRunOutcome> {
  const { job } = ctx;
  const error = { code: SESSION_EXPIRED_CODE, message };
  const paused = await ctx.jobs.transition(job.workspaceId, job.id, RUNNING_STATUSES, 'paused', { error });
  if (paused) await ctx.events.publish(job.workspaceId, { type: 'status', job_id: job.id, status: 'paused', error }).catch(() => undefined);
  return { outcome: 'stopped' };
}

async function plan(deps: ApolloCollectionDeps, ctx: JobRunContext, from: PlanningCheckpoint): Promise<CollectingCheckpoint | JobRunOutcome> {
  const { job } = ctx;
  const source = await deps.openSource(job.workspaceId, job.id);
  if (!source) return pauseForSession(ctx, 'No Apollo session or API key is stored for this workspace: store one, then resume the task');
  let at = from;
  try {
    const count = async (filters: ApolloSearchFilters) =>
      (await source.search({ entity: 'organizations', filters, page: 1, perPage: 1 }, { workspaceId: job.workspaceId, jobId: job.id })).totalEntries;
    while (at.plan.open.length > 0) {
      if (ctx.remainingMs() <= 0) return { outcome: 'continue' };
      const next = await planSegments({ count, source, catalogues: deps.catalogues }, at.search.organizationFilters, at.plan, COUNTS_PER_PLANNING_RUN);
      at = { ...at, plan: next };
      if (!(await ctx.jobs.report(job.workspaceId, job.id, { checkpoint: { ...at }, currentStep: `${PLAN_STAGE}: ${next.segments.length} so far` }, RUNNING_STATUSES))) return { outcome: 'stopped' };
    }
  } catch (error) {
    if (!(error instanceof ApolloSourceError)) throw error;
    if (error.code === 'SESSION_EXPIRED' || error.code === 'AUTH_FAILED') return pauseForSession(ctx, 'The Apollo session expired (or the key was refused): store a new one, then resume the task');
    if (error.code === 'RATE_LIMITED') {
      await (deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))))(Math.min(error.retryAfterMs ?? 1000, Math.max(0, ctx.remainingMs())));
      return { outcome: 'continue' };
    }
    throw error;
  } finally {
    await source.close();
  }
  const segments = at.plan.segments;
  return {
    phase: 'collecting',
    search: at.search,
    segments,
    total: at.plan.total ?? 0,
    unreachable: at.plan.unreachable,
    pagesTotal: segments.reduce((sum, segment) => sum + segment.pages, 0),
    dispatched: false,
  };
}

/** Stores every segment at page 1 and sends its first page; idempotent, so a crashed run's repeat is harmless. */
async function dispatch(deps: ApolloCollectionDeps, ctx: JobRunContext, collecting: CollectingCheckpoint): Promise<CollectingCheckpoint | undefined> {
  const { job } = ctx;
  const keys = collecting.segments.map((segment) => segment.key);
  await deps.store.putSegments(job.workspaceId, job.id, keys);
  await deps.queue.send(keys.map((segment) => ({ workspace_id: job.workspaceId, job_id: job.id, segment, page: 1 })));
  const dispatched = { ...collecting, dispatched: true };
  return (await ctx.jobs.report(job.workspaceId, job.id, { checkpoint: { ...dispatched } }, RUNNING_STATUSES)) ? dispatched : undefined;
}

function startOf(deps: ApolloCollectionDeps, ctx: JobRunContext): CollectionCheckpoint {
  const existing = collectionCheckpointOf(ctx.job.checkpoint);
  if (existing) return existing;
  const data = apolloCollectionDataSchema.parse(ctx.job.data);
  const search = checkCollectionRequest(data, deps.allowedHosts);
  return { phase: 'planning', search: { organizationFilters: search.organizationFilters, personFilters: search.personFilters }, plan: freshPlan() };
}

/**
 * `apollo_collection`: plans the segments (each under the source's visible cap), stores the plan
 * in the job, sends each segment's first page to the page queue, then watches the counters the
 * page workers add until every segment is read. Each phase resumes from the job's checkpoint.
 */
export async function runApolloCollection(deps: ApolloCollectionDeps, ctx: JobRunContext): Promise<JobRunOutcome> {
  const { job } = ctx;
  let checkpoint = startOf(deps, ctx);
  if (checkpoint.phase === 'planning') {
    await ctx.events.publish(job.workspaceId, { type: 'stage_start', job_id: job.id, stage: PLAN_STAGE }).catch(() => undefined);
    const planned = await plan(deps, ctx, checkpoint);
    if (!('phase' in planned)) return planned;
    if (!(await ctx.jobs.report(job.workspaceId, job.id, { checkpoint: { ...planned } }, RUNNING_STATUSES))) return { outcome: 'stopped' };
    await ctx.events.publish(job.workspaceId, { type: 'stage_complete', job_id: job.id, stage: PLAN_STAGE }).catch(() => undefined);
    checkpoint = planned;
  }
  if (!checkpoint.dispatched) {
    const dispatched = await dispatch(deps, ctx, checkpoint);
    if (!dispatched) return { outcome: 'stopped' };
    checkpoint = dispatched;
  }
  return watchCollection(deps, ctx, checkpoint);
}
