/**
 * Webhook signatures of bulk lookups, both directions. Each one is computed over the raw body
 * bytes exactly as sent: re-serialised JSON changes spacing and key order, and so the digest.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** RocketReach signs its deliveries with the webhook's secret: base64 HMAC-SHA256 of the raw body. */
export const ROCKETREACH_SIGNATURE_HEADER = 'x-rocketreach-signature';
/** RocketReach's id of the lookup request a delivery answers: the replay key. */
export const ROCKETREACH_REQUEST_ID_HEADER = 'rr-request-id';
/** leadstack signs the results it POSTs to a caller's webhook: `sha256=<hex HMAC-SHA256 of the raw body>`. */
export const LEADSTACK_SIGNATURE_HEADER = 'x-leadstack-signature';

const BASE64_SHA256 = /^[A-Za-z0-9+/]{43}=$/;

export function verifyRocketReachSignature(rawBody: Uint8Array | string, signature: string | undefined, secret: string): boolean {
  const given = signature?.trim();
  if (!given || !BASE64_SHA256.test(given)) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const decoded = Buffer.from(given, 'base64');
  return decoded.length === expected.length && timingSafeEqual(decoded, expected);
}

export const signDelivery = (rawBody: Uint8Array | string, secret: string): string => `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
