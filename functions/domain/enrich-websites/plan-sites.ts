import type { SiteTaskMessage, SiteTaskSpec } from '../../ports/site-tasks.port.ts';
import { RUNNING_STATUSES } from '../jobs/job.ts';
import type { JobRunContext } from '../jobs/runner.ts';
import { countryCodeOf } from './country-code.ts';
import type { CompanyTarget, EnrichWebsitesDeps } from './enrich-websites-deps.ts';
import type { EnrichWebsitesData } from './job-data.ts';
import { PLAN_PAGE_SIZE } from './limits.ts';
import { parseSiteTarget } from './site-target.ts';

export const PLAN_STAGE = 'planning sites';

/** Where planning stands: every site before `offset` (or `after`) has its task stored and sent. */
export interface PlanningCheckpoint {
  readonly phase: 'planning';
  readonly planned: number;
  /** Selected companies with no usable domain or website: counted, never crawled. */
  readonly noWebsite: number;
  readonly offset?: number;
  readonly after?: unknown[];
}

export interface PlannedCheckpoint {
  readonly phase: 'watching';
  readonly planned: number;
  readonly noWebsite: number;
}

export type EnrichCheckpoint = PlanningCheckpoint | PlannedCheckpoint;

function taskOfCompany(company: CompanyTarget): SiteTaskSpec | undefined {
  const target = parseSiteTarget(company.domain ?? company.website ?? '');
  const fallback = company.domain && company.website ? parseSiteTarget(company.website) : undefined;
  const chosen = target.ok ? target : fallback?.ok ? fallback : undefined;
  if (!chosen) return undefined;
  const country = countryCodeOf(company.country);
  return {
    key: company.uuid,
    domain: chosen.domain,
    companyUuid: company.uuid,
    ...(chosen.startUrl ? { startUrl: chosen.startUrl } : {}),
    ...(country ? { country } : {}),
  };
}

interface Chunk {
  readonly specs: readonly SiteTaskSpec[];
  readonly skipped: number;
  readonly next: Pick<PlanningCheckpoint, 'offset' | 'after'> | undefined;
}

async function nextChunk(deps: EnrichWebsitesDeps, workspaceId: string, data: EnrichWebsitesData, at: PlanningCheckpoint): Promise<Chunk> {
  if (data.domains) {
    const offset = at.offset ?? 0;
    const slice = data.domains.slice(offset, offset + PLAN_PAGE_SIZE);
    const end = offset + slice.length;
    return { specs: slice.map((domain) => ({ key: domain, domain })), skipped: 0, next: end < data.domains.length ? { offset: end } : undefined };
  }
  const page = await deps.companies.page(workspaceId, data.query, PLAN_PAGE_SIZE, at.after);
  const specs = page.items.map(taskOfCompany).filter((spec): spec is SiteTaskSpec => spec !== undefined);
  return { specs, skipped: page.items.length - specs.length, next: page.next && page.items.length > 0 ? { after: page.next } : undefined };
}

const messagesOf = (workspaceId: string, jobId: string, specs: readonly SiteTaskSpec[]): SiteTaskMessage[] =>
  specs.map((spec) => ({ workspace_id: workspaceId, job_id: jobId, key: spec.key }));

/**
 * Stores and sends one task per site, a page at a time, checkpointing after each page, so a
 * crash re-plans at most one page (its tasks are stored once; a duplicate message finds its task
 * settled or pending and is harmless). Resolves the finished plan, `continue` when the run's time
 * is up, or `stopped` when the job left its running status.
 */
export async function planSites(
  deps: EnrichWebsitesDeps,
  ctx: JobRunContext,
  data: EnrichWebsitesData,
  from: PlanningCheckpoint,
): Promise<PlannedCheckpoint | 'continue' | 'stopped'> {
  const { job } = ctx;
  let at = from;
  for (;;) {
    if (ctx.remainingMs() <= 0) return 'continue';
    const chunk = await nextChunk(deps, job.workspaceId, data, at);
    if (chunk.specs.length > 0) {
      await deps.tasks.putPending(job.workspaceId, job.id, chunk.specs);
      await deps.queue.send(messagesOf(job.workspaceId, job.id, chunk.specs));
    }
    const planned = at.planned + chunk.specs.length;
    const noWebsite = at.noWebsite + chunk.skipped;
    const checkpoint: EnrichCheckpoint = chunk.next ? { phase: 'planning', planned, noWebsite, ...chunk.next } : { phase: 'watching', planned, noWebsite };
    const saved = await ctx.jobs.report(job.workspaceId, job.id, { checkpoint: { ...checkpoint }, currentStep: PLAN_STAGE }, RUNNING_STATUSES);
    if (!saved) return 'stopped';
    if (checkpoint.phase === 'watching') return checkpoint;
    at = checkpoint;
  }
}
