/**
 * `lookup_bulk`: works through the job's person lookups one by one with the single lookup's use
 * case (cache, user limit, rate-limit waits, ledger, storage with provenance), checkpointing
 * after each, so a retried or resumed run never pays twice for a lookup it already made. When
 * all are done, the results go to the caller's webhook if the job names one.
 */
import type { JobRunContext, JobRunOutcome } from '../jobs/runner.ts';
import { RUNNING_STATUSES } from '../jobs/job.ts';
import { AppError } from '../../platform/errors.ts';
import { ProviderError } from '../../ports/people-data.port.ts';
import { lookupBulkDataSchema, type LookupBulkData } from './bulk-lookup-data.ts';
import { deliverWebhook, workspaceWebhookSecret, type WebhookDeliveryDeps, type WebhookDeliveryReport } from './bulk-webhook.ts';
import type { LookupDeps } from './lookup-deps.ts';
import { toPersonLookup } from './lookup-inputs.ts';
import { lookupPerson } from './person-lookups.ts';

export const BULK_LOOKUP_STAGE = 'lookups';

/** Failures that pass: the job retries from its checkpoint instead of marking the lookup failed. */
const TRANSIENT_FAILURES: readonly string[] = ['rate_limited', 'unavailable'];

export interface BulkLookupItem {
  readonly index: number;
  readonly status: 'complete' | 'searching' | 'failed';
  readonly lookup_id?: string;
  readonly cached?: boolean;
  readonly credits?: number;
  readonly person?: Record<string, unknown>;
  readonly stored?: Record<string, string>;
  readonly error?: { readonly code: string; readonly message: string };
}

interface BulkCheckpoint {
  readonly items: readonly BulkLookupItem[];
}

export interface BulkLookupDeps {
  readonly lookups: LookupDeps;
  readonly webhooks: WebhookDeliveryDeps;
  /** The deployment secret each workspace's webhook secret is derived from. */
  readonly webhookSecretBase: string;
}

async function lookupOne(deps: LookupDeps, workspaceId: string, jobId: string, data: LookupBulkData, index: number): Promise<BulkLookupItem> {
  const query = data.lookups[index] as LookupBulkData['lookups'][number];
  try {
    const { answer, cached } = await lookupPerson(deps, { workspaceId, jobId }, toPersonLookup(query));
    const status = answer.status === 'complete' ? 'complete' : answer.status === 'failed' ? 'failed' : 'searching';
    return { index, status, lookup_id: answer.lookup_id, cached, credits: answer.credits, person: answer.person, stored: answer.stored };
  } catch (error) {
    if (error instanceof ProviderError && TRANSIENT_FAILURES.includes(error.failure)) throw error;
    if (error instanceof AppError) return { index, status: 'failed', error: { code: error.code, message: error.message } };
    throw error;
  }
}

const summaryOf = (items: readonly BulkLookupItem[]) => ({
  lookups: items.length,
  found: items.filter((item) => item.status === 'complete').length,
  failed: items.filter((item) => item.status === 'failed').length,
  cached: items.filter((item) => item.cached === true).length,
  credits: items.reduce((sum, item) => sum + (item.credits ?? 0), 0),
});

export async function runBulkLookup(deps: BulkLookupDeps, ctx: JobRunContext): Promise<JobRunOutcome> {
  const { job } = ctx;
  const data = lookupBulkDataSchema.parse(job.data);
  let items = [...((job.checkpoint as BulkCheckpoint | undefined)?.items ?? [])];
  const total = data.lookups.length;
  while (items.length < total) {
    if (ctx.remainingMs() <= 0) return { outcome: 'continue' };
    items.push(await lookupOne(deps.lookups, job.workspaceId, job.id, data, items.length));
    const progress = items.length / total;
    const failed = items.filter((item) => item.status === 'failed').length;
    if (!(await ctx.jobs.report(job.workspaceId, job.id, { checkpoint: { items }, progress, currentStep: `${BULK_LOOKUP_STAGE}: ${items.length}/${total}` }, RUNNING_STATUSES))) return { outcome: 'stopped' };
    await ctx.events.publish(job.workspaceId, { type: 'progress', job_id: job.id, stage: BULK_LOOKUP_STAGE, completed: items.length, total, failed, progress }).catch(() => undefined);
  }
  items = items.slice(0, total);
  const summary = summaryOf(items);
  let webhook: WebhookDeliveryReport | undefined;
  if (data.webhook_url) {
    const payload = { job_id: job.id, job_type: 'lookup_bulk', summary, results: items };
    webhook = await deliverWebhook(deps.webhooks, { url: data.webhook_url, secret: workspaceWebhookSecret(deps.webhookSecretBase, job.workspaceId), workspaceId: job.workspaceId, jobId: job.id }, payload);
  }
  return {
    outcome: 'completed',
    result: { ...summary, results: items, ...(webhook ? { webhook } : {}) },
    message: `${summary.found} of ${summary.lookups} lookups found${webhook ? `; webhook ${webhook.delivered ? 'delivered' : 'not delivered'}` : ''}`,
    summary,
  };
}
