import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newWebhookSecret, signWebhookBody, verifyWebhookSignature, WEBHOOK_SECRET_PREFIX } from '../../../../functions/domain/signals/webhook-signature.ts';

const SECRET = 'whsec_test-secret';
const BODY = '{"type":"signals.created","signals":[{"ticker":"GLBX"}]}';

describe('webhook signature', () => {
  it('It should sign the raw body as sha256=<hex HMAC-SHA256 under the secret>', () => {
    const hex = createHmac('sha256', SECRET).update(BODY).digest('hex');
    expect(signWebhookBody(SECRET, BODY)).toBe(`sha256=${hex}`);
    expect(signWebhookBody(SECRET, Buffer.from(BODY))).toBe(`sha256=${hex}`);
  });

  it('It should verify its own signature and refuse another body, another secret, a missing or malformed header', () => {
    const header = signWebhookBody(SECRET, BODY);
    expect(verifyWebhookSignature(SECRET, BODY, header)).toBe(true);
    expect(verifyWebhookSignature(SECRET, `${BODY} `, header)).toBe(false);
    expect(verifyWebhookSignature('whsec_other', BODY, header)).toBe(false);
    expect(verifyWebhookSignature(SECRET, BODY, undefined)).toBe(false);
    expect(verifyWebhookSignature(SECRET, BODY, header.slice(0, -1))).toBe(false);
  });

  it('It should make a fresh prefixed secret each time', () => {
    const [a, b] = [newWebhookSecret(), newWebhookSecret()];
    expect(a.startsWith(WEBHOOK_SECRET_PREFIX)).toBe(true);
    expect(a.length).toBeGreaterThan(WEBHOOK_SECRET_PREFIX.length + 40);
    expect(a).not.toBe(b);
  });
});
