import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signDelivery, verifyRocketReachSignature } from '../../../../functions/domain/lookups/webhook-signatures.ts';

const SECRET = 'rr-webhook-secret';
const BODY = '{"id":123456,"status":"complete","profile_list":{"id":1000,"name":"Example"}}';

describe('bulk lookup webhook signatures', () => {
  it("It should accept RocketReach's base64 HMAC-SHA256 of the raw body and refuse any change to body, secret or encoding", () => {
    const good = createHmac('sha256', SECRET).update(BODY).digest('base64');

    expect(verifyRocketReachSignature(BODY, good, SECRET)).toBe(true);
    expect(verifyRocketReachSignature(`${BODY} `, good, SECRET)).toBe(false);
    expect(verifyRocketReachSignature(BODY, good, 'another-secret')).toBe(false);
    expect(verifyRocketReachSignature(BODY, createHmac('sha256', SECRET).update(BODY).digest('hex'), SECRET)).toBe(false);
    expect(verifyRocketReachSignature(BODY, undefined, SECRET)).toBe(false);
  });

  it('It should sign leadstack deliveries as sha256=<hex> of the raw body', () => {
    expect(signDelivery(BODY, SECRET)).toBe(`sha256=${createHmac('sha256', SECRET).update(BODY).digest('hex')}`);
  });
});
