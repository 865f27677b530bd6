import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhookBody, verifyWebhookSignature } from '../../../../functions/domain/billing/webhook-signature.ts';

const SECRET = 'whsec-unit-test';
const body = Buffer.from('{"event":"subscription.charged","payload":{"subscription":{"entity":{"id":"sub_1"}}}}', 'utf8');
const hmac = (bytes: Uint8Array, secret: string) => createHmac('sha256', secret).update(bytes).digest('hex');

describe('verifyWebhookSignature', () => {
  it('It should accept the hex HMAC-SHA256 of the raw bytes under the secret, in either case', () => {
    expect(verifyWebhookSignature(body, hmac(body, SECRET), SECRET)).toBe(true);
    expect(verifyWebhookSignature(body, hmac(body, SECRET).toUpperCase(), SECRET)).toBe(true);
    expect(signWebhookBody(body, SECRET)).toBe(hmac(body, SECRET));
  });

  it('It should refuse a missing, empty, non-hex or truncated signature', () => {
    const good = hmac(body, SECRET);
    expect(verifyWebhookSignature(body, undefined, SECRET)).toBe(false);
    expect(verifyWebhookSignature(body, '', SECRET)).toBe(false);
    expect(verifyWebhookSignature(body, 'z'.repeat(64), SECRET)).toBe(false);
    expect(verifyWebhookSignature(body, good.slice(0, 62), SECRET)).toBe(false);
  });

  it('It should refuse a signature made with another secret (a rotated-out one) or over other bytes', () => {
    expect(verifyWebhookSignature(body, hmac(body, 'old-secret'), SECRET)).toBe(false);
    const reformatted = Buffer.from(JSON.stringify(JSON.parse(body.toString('utf8')), null, 1), 'utf8');
    expect(verifyWebhookSignature(reformatted, hmac(body, SECRET), SECRET)).toBe(false);
  });

  it('It should verify the bytes as sent, not a re-encoding of them (non-ASCII body)', () => {
    const accented = Buffer.from('{"event":"payment.captured","payload":{"note":"Café ₹"}}', 'utf8');
    expect(verifyWebhookSignature(accented, hmac(accented, SECRET), SECRET)).toBe(true);
    expect(verifyWebhookSignature(Buffer.from(accented.toString('latin1'), 'utf8'), hmac(accented, SECRET), SECRET)).toBe(false);
  });
});
