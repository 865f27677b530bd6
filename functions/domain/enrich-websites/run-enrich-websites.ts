import type { JobRunContext, JobRunOutcome } from '../jobs/runner.ts';
import type { EnrichWebsitesDeps } from './enrich-websites-deps.ts';
import { enrichWebsitesDataSchema } from './job-data.ts';
import { PLAN_STAGE, planSites, type EnrichCheckpoint } from './plan-sites.ts';
import { CRAWL_STAGE, watchSites } from './watch-sites.ts';

const FRESH: EnrichCheckpoint = { phase: 'planning', planned: 0, noWebsite: 0 };

function checkpointOf(raw: Readonly<Record<string, unknown>> | undefined): EnrichCheckpoint {
  if (!raw || (raw.phase !== 'planning' && raw.phase !== 'watching')) return FRESH;
  return raw as unknown as EnrichCheckpoint;
}

/**
 * `enrich_websites`: plans one task per site onto the site-task queue, then watches the tasks
 * settle (functions/workers/enrich-site.worker.ts crawls each). Both phases resume from the job's
 * checkpoint, so a crash or a time-out in either loses nothing and sends no site twice for work.
 */
export async function runEnrichWebsites(deps: EnrichWebsitesDeps, ctx: JobRunContext): Promise<JobRunOutcome> {
  const { job } = ctx;
  // Validated at creation with the same schema; parsed again for its defaults and canonical domains.
  const data = enrichWebsitesDataSchema.parse(job.data);
  let checkpoint = checkpointOf(job.checkpoint);
  if (checkpoint.phase === 'planning') {
    await ctx.events.publish(job.workspaceId, { type: 'stage_start', job_id: job.id, stage: PLAN_STAGE }).catch(() => undefined);
    const planned = await planSites(deps, ctx, data, checkpoint);
    if (planned === 'continue') return { outcome: 'continue' };
    if (planned === 'stopped') return { outcome: 'stopped' };
    await ctx.events.publish(job.workspaceId, { type: 'stage_complete', job_id: job.id, stage: PLAN_STAGE }).catch(() => undefined);
    await ctx.events.publish(job.workspaceId, { type: 'stage_start', job_id: job.id, stage: CRAWL_STAGE }).catch(() => undefined);
    checkpoint = planned;
  }
  return watchSites(deps, ctx, checkpoint);
}
