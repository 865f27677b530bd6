import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { receiveRocketReachDelivery } from '../domain/lookups/provider-webhooks.ts';
import { config } from '../platform/config.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { logger } from '../platform/logger.ts';
import { providerDeliveries } from '../platform/services/lookups.services.ts';

/** The bytes exactly as sent (API Gateway base64-encodes what it takes for binary): what the signature covers. */
const rawBodyOf = (event: APIGatewayProxyEventV2): Buffer => Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');

/**
 * Public: RocketReach calls it with bulk lookup results. Signature first, over the raw body;
 * a replayed request id answers 200 (so the provider stops retrying) and stores nothing new.
 * Neither the secret nor the signature is logged.
 */
export const handler = httpHandler({ authorized: false, json: false }, async ({ event }) => {
  const received = await receiveRocketReachDelivery(providerDeliveries(), config().ROCKETREACH_WEBHOOK_SECRET, rawBodyOf(event), event.headers, () => new Date());
  logger.info('rocketreach webhook', { ...received });
  return successResponse({ ...received });
});
