import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_FAULTS, type RunningFake } from '../../../lib/local/fakes/fake-provider.ts';
import { FAKE_RAZORPAY_CREDENTIALS, fakePlans, fakeRazorpay } from '../../../lib/local/fakes/razorpay/index.ts';
import { FAKE_RAZORPAY_RATE_PER_SECOND } from '../../../lib/local/fakes/razorpay/razorpay.server.ts';

const SEED = 'razorpay-test';
const auth = `Basic ${Buffer.from(`${FAKE_RAZORPAY_CREDENTIALS.keyId}:${FAKE_RAZORPAY_CREDENTIALS.keySecret}`).toString('base64')}`;
let fake: RunningFake;

beforeAll(async () => {
  // No API to call back: the deliveries are kept with status 0.
  fake = await fakeRazorpay.start({ host: '127.0.0.1', port: 0, seed: SEED, knobs: NO_FAULTS });
});
afterAll(async () => {
  await fake?.close();
});

const call = async (path: string, init: RequestInit = {}) => {
  const response = await fetch(`${fake.url}${path}`, init);
  return { status: response.status, body: (await response.json()) as any };
};

describe('the fake Razorpay', () => {
  it('It should serve the seed’s plans, the same for the same seed', async () => {
    const answer = await call('/v1/plans', { headers: { authorization: auth } });

    expect(answer.status).toBe(200);
    expect(answer.body.entity).toBe('collection');
    expect(answer.body.items).toEqual(fakePlans(`${SEED}`));
    expect(fakePlans(SEED)).toEqual(fakePlans(SEED));
    expect(fakePlans('another').map((p) => p.id)).not.toEqual(fakePlans(SEED).map((p) => p.id));
  });

  it("It should refuse a wrong key with Razorpay's error shape, and an unknown plan naming plan_id", async () => {
    const wrong = await call('/v1/plans', { headers: { authorization: `Basic ${Buffer.from('rzp_test_x:nope').toString('base64')}` } });
    const unknown = await call('/v1/subscriptions', { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify({ plan_id: 'plan_nope', total_count: 1 }) });

    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toMatchObject({ code: 'BAD_REQUEST_ERROR', description: 'Authentication failed' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'BAD_REQUEST_ERROR', field: 'plan_id' });
  });

  it('It should create a subscription whose short_url is its checkout page, and pay it there', async () => {
    const plan = fakePlans(SEED)[1]!;
    const created = await call('/v1/subscriptions', { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify({ plan_id: plan.id, total_count: 12, customer_notify: 1, notes: { workspace_id: 'ws' } }) });
    expect(created.body).toMatchObject({ entity: 'subscription', plan_id: plan.id, status: 'created', notes: { workspace_id: 'ws' } });

    const page = await fetch(created.body.short_url);
    const paid = await fetch(`${created.body.short_url}/pay`, { method: 'POST' });
    const after = await call(`/v1/subscriptions/${created.body.id}`, { headers: { authorization: auth } });
    const sent = (await call('/__fake/webhooks')).body.deliveries.map((d: { event: string }) => d.event);

    expect(await page.text()).toContain(plan.item.name);
    expect(paid.status).toBe(200);
    expect(after.body).toMatchObject({ status: 'active', paid_count: 1 });
    expect(sent).toEqual(['subscription.activated', 'subscription.charged', 'payment.captured']);
  });

  it('It should answer 429 past its rate limit', async () => {
    const burst = await Promise.all(
      Array.from({ length: FAKE_RAZORPAY_RATE_PER_SECOND * 3 }, async () => {
        const response = await fetch(`${fake.url}/v1/plans`, { headers: { authorization: auth } });
        return { status: response.status, body: (await response.json()) as any };
      }),
    );
    const tooMany = burst.filter((answer) => answer.status === 429);

    // However the burst falls across second boundaries, at most two windows' worth get through.
    expect(tooMany.length).toBeGreaterThanOrEqual(FAKE_RAZORPAY_RATE_PER_SECOND);
    expect(tooMany[0]?.body).toMatchObject({ error: { code: 'BAD_REQUEST_ERROR', description: 'Too many requests' } });
  });
});
