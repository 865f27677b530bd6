import { createHash } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { applyWebhookEvent, webhookEventSchema } from '../domain/billing/billing-events.ts';
import { verifyWebhookSignature } from '../domain/billing/webhook-signature.ts';
import { AppError } from '../platform/errors.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { parseJsonBody } from '../platform/http/json-body.ts';
import { successResponse } from '../platform/http/responses.ts';
import { logger } from '../platform/logger.ts';
import { billingStore, webhookSecret } from '../platform/services/billing-store.services.ts';
import { parseInput } from '../platform/validation.ts';

/** The largest webhook body taken: Razorpay's events are a few kilobytes. */
export const MAX_WEBHOOK_BODY_BYTES = 256 * 1024;

/**
 * The bytes exactly as the provider sent them. API Gateway (payload 2.0) hands a text body over
 * as a string and anything it takes for binary base64-encoded; either way these are the bytes
 * the signature covers.
 */
const rawBodyOf = (event: APIGatewayProxyEventV2): Buffer => Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');

/** Razorpay names each event in a header; an older delivery without it is keyed by its body. */
const eventIdOf = (event: APIGatewayProxyEventV2, raw: Buffer): string =>
  event.headers['x-razorpay-event-id']?.trim() || `body-${createHash('sha256').update(raw).digest('hex')}`;

/**
 * Public: the provider calls it. The signature is checked over the raw bytes before anything
 * is parsed; neither the secret nor the signature is ever logged.
 */
export const handler = httpHandler({ authorized: false, json: false }, async ({ event }) => {
  const raw = rawBodyOf(event);
  if (raw.length > MAX_WEBHOOK_BODY_BYTES) throw new AppError('ERR_BATCH_TOO_LARGE', `The webhook body exceeds ${MAX_WEBHOOK_BODY_BYTES} bytes`, [{ path: 'body', message: 'Too large' }]);
  if (!verifyWebhookSignature(raw, event.headers['x-razorpay-signature'], webhookSecret())) {
    throw new AppError('ERR_INVALID_SIGNATURE', 'X-Razorpay-Signature is missing or does not match the body', [{ path: 'headers.x-razorpay-signature', message: 'Invalid signature' }]);
  }
  const parsed = parseInput(webhookEventSchema, parseJsonBody(raw.toString('utf8')), 'webhook event');
  const eventId = eventIdOf(event, raw);
  const outcome = await applyWebhookEvent(billingStore(), eventId, parsed);
  // An ignored event may be a misrouted or forged-but-signed one: worth an operator's look.
  if (outcome.result === 'ignored') logger.warn('billing webhook ignored', { eventId, event: parsed.event, reason: outcome.reason });
  else logger.info('billing webhook', { eventId, event: parsed.event, ...outcome });
  // 200 for ignored and replayed events too: any other answer makes the provider retry them.
  return successResponse({ event_id: eventId, ...outcome });
});
