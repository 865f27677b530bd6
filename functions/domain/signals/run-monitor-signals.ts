/**
 * `monitor_signals`: resolve the customers to registrants once (kept in the checkpoint), then
 * check them one by one, storing each one's signals and checkpointing before the next. EDGAR
 * down mid-run throws a transient error: the worker retries the job, which resumes at the first
 * unchecked customer with every stored signal kept (stable ids make a re-check harmless).
 */
import { AppError } from '../../platform/errors.ts';
import type { CompanyTicker } from '../../ports/company-tickers.port.ts';
import { RUNNING_STATUSES } from '../jobs/job.ts';
import type { JobRunContext, JobRunOutcome } from '../jobs/runner.ts';
import { checkCompany } from './check-company.ts';
import type { CustomerRef, MonitorSignalsDeps, OnboardedClient } from './monitor-deps.ts';
import { monitorSignalsDataSchema, type MonitorSignalsData } from './monitor-job-data.ts';
import { resolveRegistrant } from './resolve-ticker.ts';

export const MONITOR_STAGE = 'checking filings';
const DAY_MS = 86_400_000;

interface Unresolved {
  readonly name?: string;
  readonly ticker?: string;
  readonly reason: string;
}

interface MonitorCheckpoint {
  readonly targets: { readonly customer: CustomerRef; readonly registrant: CompanyTicker }[];
  readonly unresolved: Unresolved[];
  readonly client: Pick<OnboardedClient, 'tiers' | 'personas'> & { readonly name?: string };
  readonly since: string;
  readonly next: number;
  readonly signalsFound: number;
  readonly filingsRead: number;
  readonly skippedItems: number;
  readonly unreadable: number;
}

const dayOf = (date: Date): string => date.toISOString().slice(0, 10);

async function plan(deps: MonitorSignalsDeps, ctx: JobRunContext, data: MonitorSignalsData, now: Date): Promise<MonitorCheckpoint> {
  const { job } = ctx;
  let client: MonitorCheckpoint['client'] = { tiers: [], personas: [], ...(data.saas_client_name ? { name: data.saas_client_name } : {}) };
  let customers: readonly CustomerRef[] = data.companies ?? [];
  if (data.companies === undefined) {
    const seenSince = new Date(now.getTime() - data.customer_age_days * DAY_MS).toISOString();
    const found = await deps.clients.find(job.workspaceId, { ...(data.saas_client_name ? { name: data.saas_client_name } : {}), ...(data.company_id ? { companyId: data.company_id } : {}) }, seenSince);
    const path = data.company_id ? 'company_id' : 'saas_client_name';
    if (!found) throw new AppError('ERR_NOT_FOUND', `No onboarded company matches ${path}`, [{ path: `job_data.${path}`, message: 'Unknown onboarded company' }]);
    client = { tiers: found.tiers, personas: found.personas, ...(found.name ?? data.saas_client_name ? { name: found.name ?? data.saas_client_name } : {}) };
    customers = found.customers;
  }
  const list = await deps.tickers.list({ workspaceId: job.workspaceId, jobId: job.id });
  const targets: MonitorCheckpoint['targets'] = [];
  const unresolved: Unresolved[] = [];
  for (const customer of customers) {
    const resolved = resolveRegistrant(list, customer);
    if (resolved.ok) targets.push({ customer, registrant: resolved.registrant });
    else unresolved.push({ ...(customer.name ? { name: customer.name } : {}), ...(customer.ticker ? { ticker: customer.ticker } : {}), reason: resolved.reason });
  }
  const since = data.since ?? dayOf(new Date(now.getTime() - deps.defaultLookbackDays * DAY_MS));
  return { targets, unresolved, client, since, next: 0, signalsFound: 0, filingsRead: 0, skippedItems: 0, unreadable: 0 };
}

const resultOf = (at: MonitorCheckpoint): Record<string, unknown> => ({
  saas_client: at.client.name ?? null,
  signals_found: at.signalsFound,
  companies_checked: at.targets.length,
  filings_read: at.filingsRead,
  since: at.since,
  customers_without_ticker: at.unresolved,
  items_skipped: at.skippedItems,
  unreadable_filings: at.unreadable,
});

export async function runMonitorSignals(deps: MonitorSignalsDeps, ctx: JobRunContext): Promise<JobRunOutcome> {
  const { job } = ctx;
  const now = deps.now?.() ?? new Date();
  const data = monitorSignalsDataSchema.parse(job.data);
  let at = (job.checkpoint as MonitorCheckpoint | undefined)?.targets ? (job.checkpoint as unknown as MonitorCheckpoint) : undefined;
  if (!at) {
    at = await plan(deps, ctx, data, now);
    if (!(await ctx.jobs.report(job.workspaceId, job.id, { checkpoint: { ...at }, currentStep: MONITOR_STAGE }, RUNNING_STATUSES))) return { outcome: 'stopped' };
    await ctx.events.publish(job.workspaceId, { type: 'stage_start', job_id: job.id, stage: MONITOR_STAGE }).catch(() => undefined);
  }
  const context = { workspaceId: job.workspaceId, jobId: job.id };
  while (at.next < at.targets.length) {
    if (ctx.remainingMs() <= 0) return { outcome: 'continue' };
    const target = at.targets[at.next] as MonitorCheckpoint['targets'][number];
    const check = await checkCompany(deps, context, target, at.client, at.since, now);
    await deps.signals.upsert(job.workspaceId, check.signals);
    await deps.notifier?.notify(job.workspaceId, job.id, check.signals);
    at = { ...at, next: at.next + 1, signalsFound: at.signalsFound + check.signals.length, filingsRead: at.filingsRead + check.filingsRead, skippedItems: at.skippedItems + check.skippedItems, unreadable: at.unreadable + check.unreadable };
    const progress = at.next / at.targets.length;
    const saved = await ctx.jobs.report(job.workspaceId, job.id, { checkpoint: { ...at }, progress, currentStep: `${MONITOR_STAGE}: ${target.registrant.ticker}` }, RUNNING_STATUSES);
    if (!saved) return { outcome: 'stopped' };
    await ctx.events.publish(job.workspaceId, { type: 'progress', job_id: job.id, stage: MONITOR_STAGE, completed: at.next, total: at.targets.length, failed: 0, progress }).catch(() => undefined);
  }
  await ctx.events.publish(job.workspaceId, { type: 'stage_complete', job_id: job.id, stage: MONITOR_STAGE }).catch(() => undefined);
  return { outcome: 'completed', result: resultOf(at) };
}
