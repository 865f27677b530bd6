/**
 * Delivers the fake's webhook events to the local API the way Razorpay does: a JSON POST whose
 * `X-Razorpay-Signature` is the hex HMAC-SHA256 of the exact body bytes under the webhook
 * secret, and whose `x-razorpay-event-id` names the event. Every delivery is kept so a test can
 * read or replay it.
 */
import { createHmac } from 'node:crypto';
import { billing } from '../../../topology/billing.ts';

export interface WebhookDelivery {
  readonly eventId: string;
  readonly event: string;
  readonly url: string;
  /** The exact bytes sent (what the signature covers). */
  readonly body: string;
  readonly signature: string;
  /** The API's HTTP status, or 0 when it could not be reached. */
  readonly status: number;
}

/** Where the stack takes Razorpay's webhooks: read from the topology, never written twice. */
const WEBHOOK_PATH = billing.routes!.find((route) => route.fn === 'billingWebhook')!.path;
/** The most deliveries kept in memory; older ones are dropped first. */
const MAX_KEPT_DELIVERIES = 500;

export interface WebhookSender {
  send(event: string, payload: Record<string, unknown>, contains: readonly string[]): Promise<WebhookDelivery>;
  deliveries(): readonly WebhookDelivery[];
}

export function webhookSender(options: { apiUrl: () => string | undefined; secret: string; accountId: string; nextId: (prefix: string) => string; now: () => number }): WebhookSender {
  const kept: WebhookDelivery[] = [];
  return {
    deliveries: () => kept,
    async send(event, payload, contains) {
      const eventId = options.nextId('evt');
      const body = JSON.stringify({ entity: 'event', account_id: options.accountId, event, contains, payload, created_at: options.now() });
      const signature = createHmac('sha256', options.secret).update(body).digest('hex');
      const base = options.apiUrl();
      const url = base ? `${base}${WEBHOOK_PATH}` : '';
      let status = 0;
      if (url) {
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-razorpay-signature': signature, 'x-razorpay-event-id': eventId }, body }).catch(() => undefined);
        status = response?.status ?? 0;
        await response?.arrayBuffer();
      }
      const delivery = { eventId, event, url, body, signature, status };
      kept.push(delivery);
      if (kept.length > MAX_KEPT_DELIVERIES) kept.shift();
      return delivery;
    },
  };
}
