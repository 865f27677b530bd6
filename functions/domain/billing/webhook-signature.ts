import { createHmac, timingSafeEqual } from 'node:crypto';

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

/**
 * Checks Razorpay's `X-Razorpay-Signature`: the hex HMAC-SHA256 of the raw body bytes under the
 * webhook secret. It must run on the bytes exactly as sent, before any parsing: re-serialising
 * parsed JSON changes spacing and key order, and so the digest.
 */
export function verifyWebhookSignature(rawBody: Uint8Array, signature: string | undefined, secret: string): boolean {
  if (signature === undefined || !HEX_SHA256.test(signature.trim())) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = Buffer.from(signature.trim(), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The signature a sender puts on `rawBody` (the fake provider and tests sign with it). */
export const signWebhookBody = (rawBody: Uint8Array | string, secret: string): string => createHmac('sha256', secret).update(rawBody).digest('hex');
