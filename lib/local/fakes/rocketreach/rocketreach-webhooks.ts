/**
 * RocketReach's webhooks as its webhook guide describes them: URLs registered on the account
 * (in its settings page; here through `POST /__fake/webhooks`), each with an integer id and an
 * optional secret. A bulk lookup names one with `webhook_id`, else the top-most enabled one gets
 * the results. A delivery is a JSON POST with `RR-Request-ID` (the request's id) and, when the
 * webhook has a secret, `X-RocketReach-Signature`: the base64 HMAC-SHA256 of the raw body.
 */
import { createHmac } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

/** Where the fake's starting webhook posts under `npm start`: leadstack's route for provider webhooks. */
export const ROCKETREACH_WEBHOOK_PATH = '/v1/lookups/webhooks/rocketreach';
/** The id of the webhook the fake starts with (RocketReach ids are integers). */
export const DEFAULT_WEBHOOK_ID = 1001;
/** RocketReach publishes no retry policy; the fake tries a few times so a restarting API does not lose results. */
export const MAX_DELIVERY_ATTEMPTS = 3;
const RETRY_BASE_MS = 250;
const MAX_KEPT_DELIVERIES = 500;
const DELIVERY_TIMEOUT_MS = 10_000;

export interface RegisteredWebhook {
  readonly id: number;
  /** A function for the starting webhook: the local API's URL is known only once its gateway listens. */
  readonly url: string | (() => string | undefined);
  readonly secret: string | null;
  enabled: boolean;
}

export interface WebhookDelivery {
  readonly requestId: string;
  readonly webhookId: number;
  readonly url: string;
  /** The exact bytes sent (what the signature covers). */
  readonly body: string;
  readonly signature: string | null;
  /** The receiver's status per attempt; 0 when it could not be reached. */
  readonly attempts: number[];
}

/** What a receiver computes to check a delivery: base64 HMAC-SHA256 of the raw body under the webhook's secret. */
export const signRocketReachBody = (secret: string, body: string): string => createHmac('sha256', secret).update(body).digest('base64');

const urlOf = (webhook: RegisteredWebhook): string | undefined => (typeof webhook.url === 'string' ? webhook.url : webhook.url());

async function attempt(url: string, headers: Record<string, string>, body: string): Promise<number> {
  try {
    const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

export class WebhookRegistry {
  private readonly hooks: RegisteredWebhook[] = [];
  private readonly kept: WebhookDelivery[] = [];
  private nextId = DEFAULT_WEBHOOK_ID;

  register(url: RegisteredWebhook['url'], secret: string | null): RegisteredWebhook {
    const webhook: RegisteredWebhook = { id: this.nextId++, url, secret, enabled: true };
    this.hooks.push(webhook);
    return webhook;
  }

  list(): { id: number; url: string | null; enabled: boolean; has_secret: boolean }[] {
    return this.hooks.map((hook) => ({ id: hook.id, url: urlOf(hook) ?? null, enabled: hook.enabled, has_secret: hook.secret !== null }));
  }

  find(id: number): RegisteredWebhook | undefined {
    return this.hooks.find((hook) => hook.id === id);
  }

  /** The webhook a request names, else the top-most enabled one; undefined when neither exists. */
  resolve(id: number | undefined): RegisteredWebhook | undefined {
    if (id !== undefined) return this.hooks.find((hook) => hook.id === id && hook.enabled);
    return this.hooks.find((hook) => hook.enabled && urlOf(hook) !== undefined);
  }

  deliveries(): readonly WebhookDelivery[] {
    return this.kept;
  }

  /** Posts `payload` to the webhook, retrying on no answer or a 5xx, and keeps the record. */
  async deliver(webhook: RegisteredWebhook, requestId: string, payload: unknown): Promise<WebhookDelivery> {
    const body = JSON.stringify(payload);
    const signature = webhook.secret === null ? null : signRocketReachBody(webhook.secret, body);
    const headers: Record<string, string> = { 'content-type': 'application/json', 'rr-request-id': requestId };
    if (signature) headers['x-rocketreach-signature'] = signature;
    const url = urlOf(webhook) ?? '';
    const attempts: number[] = [];
    for (let tries = 0; url && tries < MAX_DELIVERY_ATTEMPTS; tries++) {
      if (tries > 0) await sleep(RETRY_BASE_MS * 2 ** (tries - 1));
      const status = await attempt(url, headers, body);
      attempts.push(status);
      if (status > 0 && status < 500) break;
    }
    const delivery: WebhookDelivery = { requestId, webhookId: webhook.id, url, body, signature, attempts };
    this.kept.push(delivery);
    if (this.kept.length > MAX_KEPT_DELIVERIES) this.kept.shift();
    return delivery;
  }
}
