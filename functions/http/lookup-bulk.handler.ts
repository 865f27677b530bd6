import { createJob } from '../domain/jobs/job-commands.ts';
import { DEFAULT_JOB_RETRY_COUNT } from '../domain/jobs/job.ts';
import { lookupBulkDataSchema } from '../domain/lookups/bulk-lookup-data.ts';
import { workspaceWebhookSecret } from '../domain/lookups/bulk-webhook.ts';
import { LEADSTACK_SIGNATURE_HEADER } from '../domain/lookups/webhook-signatures.ts';
import { AppError } from '../platform/errors.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { jobQueue, jobStore } from '../platform/services/jobs.services.ts';
import { webhookSecretBase } from '../platform/services/lookups.services.ts';
import { urlGuard } from '../platform/services/outbound.services.ts';
import { parseInput } from '../platform/validation.ts';
import { UrlBlockedError } from '../ports/outbound-http.port.ts';

/** Refused now rather than at delivery: an internal address is the caller's mistake, not a failed job. */
async function checkWebhookUrl(url: string): Promise<void> {
  try {
    await urlGuard()(url);
  } catch (error) {
    if (error instanceof UrlBlockedError) throw new AppError('ERR_URL_BLOCKED', `webhook_url refused: ${error.reason}`, [{ path: 'webhook_url', message: error.reason }]);
    throw error;
  }
}

/**
 * `POST /v1/lookups/bulk`: a `lookup_bulk` job, queued. With `webhook_url`, the answer carries
 * the workspace's webhook secret and the header its deliveries are signed in.
 */
export const handler = httpHandler({ authorized: true, json: 'required' }, async ({ workspaceId, principal, body }) => {
  const data = parseInput(lookupBulkDataSchema, body, 'body');
  if (data.webhook_url) await checkWebhookUrl(data.webhook_url);
  const job = await createJob({ jobs: jobStore(), queue: jobQueue() }, workspaceId, { job_type: 'lookup_bulk', job_data: data, retry_count: DEFAULT_JOB_RETRY_COUNT }, principal.userId);
  const webhook = data.webhook_url
    ? { webhook: { url: data.webhook_url, signature_header: LEADSTACK_SIGNATURE_HEADER, signature_scheme: 'sha256=<hex HMAC-SHA256 of the raw body>', secret: workspaceWebhookSecret(webhookSecretBase(), workspaceId) } }
    : {};
  return successResponse({ job_id: job.id, job_type: 'lookup_bulk', status: job.status, lookups: data.lookups.length, ...webhook }, 201);
});
