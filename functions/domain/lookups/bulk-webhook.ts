/**
 * The results of a bulk lookup POSTed to the caller's webhook: signed (`X-Leadstack-Signature:
 * sha256=<hex>` over the raw body, under the workspace's webhook secret), retried with back-off
 * on no answer or a 5xx, every attempt kept for the job's result. The outbound client applies
 * the SSRF guard to the URL and to every redirect hop.
 */
import { createHmac } from 'node:crypto';
import type { OutboundHttp } from '../../ports/outbound-http.port.ts';
import { LEADSTACK_SIGNATURE_HEADER, signDelivery } from './webhook-signatures.ts';

/** Tries per delivery; a receiver down for longer than the back-offs add up to misses the POST (the job keeps the results). */
export const WEBHOOK_MAX_ATTEMPTS = 4;
/** First pause between attempts; each next one doubles. */
export const WEBHOOK_BACKOFF_BASE_MS = 500;
/** A caller's receiver is not a provider: no waiting for rate-limit room. */
const WEBHOOK_MAX_WAIT_MS = 0;

export interface WebhookAttempt {
  readonly attempt: number;
  readonly at: string;
  /** The receiver's HTTP status; absent when it could not be reached. */
  readonly status?: number;
  readonly error?: string;
}

export interface WebhookDeliveryReport {
  readonly url: string;
  readonly delivered: boolean;
  readonly attempts: readonly WebhookAttempt[];
}

export interface WebhookDeliveryDeps {
  readonly http: OutboundHttp;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
}

/**
 * A workspace's webhook secret: derived from the deployment's sealing secret and the workspace
 * id, so no store is needed, each workspace's differs, and none reveals another's.
 */
export const workspaceWebhookSecret = (deploymentSecret: string, workspaceId: string): string =>
  createHmac('sha256', deploymentSecret).update(`leadstack lookup webhooks\u0000${workspaceId}`).digest('base64url');

const retryable = (status: number | undefined): boolean => status === undefined || status >= 500 || status === 429;

export async function deliverWebhook(
  deps: WebhookDeliveryDeps,
  target: { url: string; secret: string; workspaceId: string; jobId: string },
  payload: Readonly<Record<string, unknown>>,
): Promise<WebhookDeliveryReport> {
  const body = JSON.stringify(payload);
  const headers = { 'content-type': 'application/json', [LEADSTACK_SIGNATURE_HEADER]: signDelivery(body, target.secret) };
  const attempts: WebhookAttempt[] = [];
  for (let attempt = 1; attempt <= WEBHOOK_MAX_ATTEMPTS; attempt++) {
    if (attempt > 1) await deps.sleep(WEBHOOK_BACKOFF_BASE_MS * 2 ** (attempt - 2));
    const at = new Date(deps.now()).toISOString();
    try {
      const response = await deps.http.request({
        provider: 'webhooks', operation: 'bulk_lookup_webhook', url: target.url, method: 'POST', headers, body,
        workspaceId: target.workspaceId, jobId: target.jobId, maxWaitMs: WEBHOOK_MAX_WAIT_MS,
      });
      attempts.push({ attempt, at, status: response.status });
      if (!retryable(response.status)) return { url: target.url, delivered: response.status < 300, attempts };
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      attempts.push({ attempt, at, error: typeof code === 'string' ? code : 'unreachable' });
      // A URL the SSRF guard refuses stays refused: trying again changes nothing.
      if (code === 'ERR_URL_BLOCKED') break;
    }
  }
  return { url: target.url, delivered: false, attempts };
}
