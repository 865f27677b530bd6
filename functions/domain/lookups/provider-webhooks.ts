/**
 * RocketReach's webhook deliveries (bulk lookup results): the signature is checked over the raw
 * bytes before anything is parsed, and the provider's request id makes a replay a no-op.
 */
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { ProviderDeliveryStore } from '../../ports/provider-deliveries.port.ts';
import { ROCKETREACH_REQUEST_ID_HEADER, ROCKETREACH_SIGNATURE_HEADER, verifyRocketReachSignature } from './webhook-signatures.ts';

/** The largest delivery taken: it is kept whole in one control-table item (400 KB at most). */
export const MAX_PROVIDER_WEBHOOK_BYTES = 350 * 1024;
const MAX_REQUEST_ID_CHARS = 128;

/** A delivery is a list with one result per query of the bulk request. */
const deliverySchema = z.array(z.record(z.string(), z.unknown())).max(1000);
const requestIdSchema = z.string().trim().min(1).max(MAX_REQUEST_ID_CHARS).regex(/^[A-Za-z0-9._:-]+$/);

export interface ReceivedDelivery {
  readonly request_id: string;
  readonly results: number;
  readonly duplicate: boolean;
}

export async function receiveRocketReachDelivery(
  store: ProviderDeliveryStore,
  secret: string | undefined,
  raw: Buffer,
  headers: Readonly<Record<string, string | undefined>>,
  now: () => Date,
): Promise<ReceivedDelivery> {
  if (raw.length > MAX_PROVIDER_WEBHOOK_BYTES) throw new AppError('ERR_BATCH_TOO_LARGE', `The webhook body exceeds ${MAX_PROVIDER_WEBHOOK_BYTES} bytes`, [{ path: 'body', message: 'Too large' }]);
  // Without a configured secret nothing can be verified, so nothing is accepted.
  if (!secret || !verifyRocketReachSignature(raw, headers[ROCKETREACH_SIGNATURE_HEADER], secret)) {
    throw new AppError('ERR_INVALID_SIGNATURE', 'X-RocketReach-Signature is missing or does not match the body', [{ path: `headers.${ROCKETREACH_SIGNATURE_HEADER}`, message: 'Invalid signature' }]);
  }
  const requestId = requestIdSchema.safeParse(headers[ROCKETREACH_REQUEST_ID_HEADER]);
  if (!requestId.success) throw new AppError('ERR_VALIDATION', 'RR-Request-ID is missing or malformed', [{ path: `headers.${ROCKETREACH_REQUEST_ID_HEADER}`, message: 'Required: the provider request id' }]);
  let parsedJson: unknown;
  try {
    parsedJson = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new AppError('ERR_INVALID_JSON', 'The webhook body is not JSON');
  }
  const results = deliverySchema.safeParse(parsedJson);
  if (!results.success) throw new AppError('ERR_VALIDATION', 'The webhook body must be a list of lookup results', [{ path: 'body', message: 'Expected an array of objects' }]);
  const stored = await store.putOnce({ provider: 'rocketreach', requestId: requestId.data, receivedAt: now().toISOString(), results: results.data.length, body: raw.toString('utf8') });
  return { request_id: requestId.data, results: results.data.length, duplicate: !stored };
}
