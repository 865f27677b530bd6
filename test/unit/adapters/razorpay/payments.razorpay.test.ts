import { describe, expect, it } from 'vitest';
import { RazorpayPaymentProvider, RAZORPAY_PAGE_SIZE } from '../../../../functions/adapters/razorpay/payments.razorpay.ts';
import { FREE_LIMITS } from '../../../../functions/domain/billing/plans.ts';
import type { OutboundHttp, OutboundRequest, OutboundResponse } from '../../../../functions/ports/outbound-http.port.ts';

/** An OutboundHttp double answering from a script and recording the requests. */
function scripted(answers: { status: number; body: unknown }[]) {
  const requests: OutboundRequest[] = [];
  const http: OutboundHttp = {
    request: async (request) => {
      requests.push(request);
      const next = answers.shift() ?? { status: 500, body: {} };
      const text = typeof next.body === 'string' ? next.body : JSON.stringify(next.body);
      const response: OutboundResponse = { status: next.status, headers: {}, url: request.url, body: new TextEncoder().encode(text), attempts: 1, text: () => text, json: () => JSON.parse(text) };
      return response;
    },
  };
  return { http, requests };
}

const plan = (id: string, notes: unknown) => ({ id, entity: 'plan', period: 'monthly', interval: 1, item: { name: `Plan ${id}`, amount: 1000, currency: 'INR' }, notes, created_at: 1 });
const credentials = { keyId: 'rzp_test_k', keySecret: 's3cret' };

describe('RazorpayPaymentProvider', () => {
  it('It should call GET /v1/plans with basic auth and read the limits from the notes (an empty array meaning none)', async () => {
    const { http, requests } = scripted([{ status: 200, body: { entity: 'collection', count: 2, items: [plan('plan_a', { download_rows: '50000' }), plan('plan_b', [])] } }]);

    const plans = await new RazorpayPaymentProvider(http, credentials).listPlans('ws-1');

    expect(requests[0]).toMatchObject({ provider: 'razorpay', method: 'GET', url: `/v1/plans?count=${RAZORPAY_PAGE_SIZE}&skip=0`, workspaceId: 'ws-1' });
    expect(requests[0]?.headers?.authorization).toBe(`Basic ${Buffer.from('rzp_test_k:s3cret').toString('base64')}`);
    expect(plans.map((p) => [p.id, p.limits.downloadRowsPerUser])).toEqual([['plan_a', 50_000], ['plan_b', FREE_LIMITS.downloadRowsPerUser]]);
  });

  it('It should page through a catalogue longer than one page', async () => {
    const full = Array.from({ length: RAZORPAY_PAGE_SIZE }, (_, i) => plan(`plan_${i}`, {}));
    const { http, requests } = scripted([{ status: 200, body: { count: full.length, items: full } }, { status: 200, body: { count: 1, items: [plan('plan_last', {})] } }]);

    const plans = await new RazorpayPaymentProvider(http, credentials).listPlans('ws-1');

    expect(plans).toHaveLength(RAZORPAY_PAGE_SIZE + 1);
    expect(requests[1]?.url).toBe(`/v1/plans?count=${RAZORPAY_PAGE_SIZE}&skip=${RAZORPAY_PAGE_SIZE}`);
  });

  it('It should create a subscription with plan_id, total_count, customer_notify and notes, and return its short_url', async () => {
    const { http, requests } = scripted([{ status: 200, body: { id: 'sub_1', entity: 'subscription', plan_id: 'plan_a', status: 'created', short_url: 'https://rzp.io/i/x', current_start: null, current_end: null } }]);

    const created = await new RazorpayPaymentProvider(http, credentials).createSubscription({ planId: 'plan_a', totalCount: 12, notes: { workspace_id: 'ws-1' }, workspaceId: 'ws-1' });

    expect(requests[0]).toMatchObject({ method: 'POST', url: '/v1/subscriptions' });
    expect(JSON.parse(String(requests[0]?.body))).toEqual({ plan_id: 'plan_a', total_count: 12, customer_notify: 1, notes: { workspace_id: 'ws-1' } });
    expect(created).toEqual({ id: 'sub_1', planId: 'plan_a', status: 'created', checkoutUrl: 'https://rzp.io/i/x', currentStart: null, currentEnd: null });
  });

  it("It should map Razorpay's error body to ERR_PAYMENT_PROVIDER naming its code, a 429 to ERR_UNAVAILABLE, and a garbled answer to ERR_PAYMENT_PROVIDER", async () => {
    const { http } = scripted([
      { status: 401, body: { error: { code: 'BAD_REQUEST_ERROR', description: 'Authentication failed' } } },
      { status: 429, body: { error: { code: 'BAD_REQUEST_ERROR', description: 'Too many requests' } } },
      { status: 200, body: '<html>not json</html>' },
    ]);
    const provider = new RazorpayPaymentProvider(http, credentials);

    await expect(provider.listPlans('ws')).rejects.toMatchObject({ code: 'ERR_PAYMENT_PROVIDER', status: 502, details: [{ path: 'provider', message: 'BAD_REQUEST_ERROR' }] });
    await expect(provider.listPlans('ws')).rejects.toMatchObject({ code: 'ERR_UNAVAILABLE' });
    await expect(provider.listPlans('ws')).rejects.toMatchObject({ code: 'ERR_PAYMENT_PROVIDER', message: expect.stringContaining('unexpected shape') });
  });
});
