/**
 * Signed signal webhooks: the body is POSTed as sent, with an HMAC-SHA256 of exactly those bytes
 * under the workspace's webhook secret, so a receiver verifies before it parses.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const WEBHOOK_SIGNATURE_HEADER = 'x-leadstack-signature';
/** Scheme prefix of the header's value: `sha256=<lower-case hex>`. */
export const WEBHOOK_SIGNATURE_SCHEME = 'sha256';
export const WEBHOOK_SECRET_BYTES = 32;
/** Marks the secret's kind where it is shown, like other services' `whsec_` secrets. */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';

export const newWebhookSecret = (): string => `${WEBHOOK_SECRET_PREFIX}${randomBytes(WEBHOOK_SECRET_BYTES).toString('base64url')}`;

/** `sha256=<hex>` of the raw body. */
export const signWebhookBody = (secret: string, rawBody: string | Uint8Array): string =>
  `${WEBHOOK_SIGNATURE_SCHEME}=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;

/** What a receiver does: recompute over the raw body and compare in constant time. */
export function verifyWebhookSignature(secret: string, rawBody: string | Uint8Array, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signWebhookBody(secret, rawBody));
  const given = Buffer.from(header.trim());
  return expected.length === given.length && timingSafeEqual(expected, given);
}
